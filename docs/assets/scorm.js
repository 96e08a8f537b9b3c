/* SCORM 1.2 glue for the self-check quiz. Loaded only by the quiz page inside the SCORM package, never
   by the site. When a learning management system (LMS) offers the SCORM 1.2 API, each "Check all answers"
   sends the score (in percent) and passed or failed against the pass mark; the session ends when the page
   is left. Without an LMS this does nothing, and the quiz works exactly as on the site. */
(function () {
  "use strict";

  // How far up the frames to look for the API; the LMS's own frameset is rarely deeper than this.
  var MOST_FRAMES = 10;

  function apiIn(win) {
    for (var depth = 0; win && depth <= MOST_FRAMES; depth += 1) {
      try {
        if (win.API) {
          return win.API;
        }
      } catch (error) {
        /* a frame from another site: keep looking further up */
      }
      if (win.parent === win) {
        break;
      }
      win = win.parent;
    }
    return null;
  }

  function findApi() {
    return apiIn(window) || (window.opener ? apiIn(window.opener) : null);
  }

  function start() {
    var form = document.getElementById("quiz-form");
    var api = findApi();
    if (!form || !api || String(api.LMSInitialize("")) !== "true") {
      return;
    }
    var finished = false;
    var passMark = parseInt(form.dataset.passMark, 10);

    if (api.LMSGetValue("cmi.core.lesson_status") === "not attempted") {
      api.LMSSetValue("cmi.core.lesson_status", "incomplete");
      api.LMSCommit("");
    }

    // Listening on the form: the quiz's own handler on the button has marked each question by then.
    form.addEventListener("click", function (event) {
      if (event.target.id !== "quiz-check-all" || finished) {
        return;
      }
      var total = form.querySelectorAll(".quiz-question").length;
      var right = form.querySelectorAll(".quiz-question.is-right").length;
      api.LMSSetValue("cmi.core.score.raw", String(Math.round((100 * right) / total)));
      api.LMSSetValue("cmi.core.score.min", "0");
      api.LMSSetValue("cmi.core.score.max", "100");
      api.LMSSetValue("cmi.core.lesson_status", right >= passMark ? "passed" : "failed");
      api.LMSCommit("");
    });

    window.addEventListener("pagehide", function () {
      if (!finished) {
        finished = true;
        api.LMSFinish("");
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
