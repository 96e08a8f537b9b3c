/* The "Should I share?" step-through. Without this script every question and outcome is on the page and
   each answer is a link to the next one. This shows one step at a time, keeps a list of the answers so
   far, and adds Back and Start again. Nothing is stored and nothing is sent anywhere.
   The record of a decision (decision-record.js, with record-tools.js and decision-record.css) loads only when an
   outcome's "Make a record of this decision" is first chosen, or at once when a record is kept on this device:
   most walks never need it. After every step this tells the page where the walk is (a "decisionstep" event on the
   aid, with the step and the answers so far); "decisionrecord" asks the record to open at an outcome; and a
   "decisionwalk" event from the record puts a kept walk back. */
(function () {
  "use strict";

  var aid = document.getElementById("decision-aid");
  if (!aid) {
    return;
  }
  var start = aid.dataset.start;
  var steps = {};
  Array.prototype.forEach.call(aid.querySelectorAll(".decision-step"), function (step) {
    steps[step.id] = step;
  });
  var controls = aid.querySelector(".decision-controls");
  var back = document.getElementById("decision-back");
  var restart = document.getElementById("decision-restart");
  var pathBox = aid.querySelector(".decision-path");
  var pathList = document.getElementById("decision-path-list");
  var announcer = document.getElementById("decision-announcer");
  var current = start;
  var path = []; // one {step, question, answer} for each answer given, in order
  // Where this script was loaded from: the record's files are beside it, in the site and in the offline copy.
  var assets = document.currentScript.src.replace(/decision-aid\.js(\?.*)?$/, "");
  var RECORD_KEY = "information-sharing-guide:decision-record"; // decision-record.js keeps a record under it
  var record = null; // null, "loading", or "ready"

  function headingOf(id) {
    return steps[id].querySelector("h3");
  }

  function headingText(id) {
    // The heading's words without the theme's "link to this section" mark.
    var copy = headingOf(id).cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll(".headerlink"), function (mark) { mark.remove(); });
    return copy.textContent.trim();
  }

  function announce(text) {
    // Clearing first makes screen readers announce the same words again if they repeat.
    announcer.textContent = "";
    window.setTimeout(function () { announcer.textContent = text; }, 50);
  }

  function showPathAndControls() {
    pathList.textContent = "";
    path.forEach(function (entry) {
      var item = document.createElement("li");
      item.textContent = entry.question + " Your answer: " + entry.answer + ".";
      pathList.appendChild(item);
    });
    pathBox.hidden = path.length === 0;
    back.hidden = path.length === 0;
    controls.hidden = current === start; // nothing to go back from at the first question
  }

  function show(id, moveFocus, message) {
    steps[current].classList.remove("is-current");
    current = id;
    steps[current].classList.add("is-current");
    showPathAndControls();
    if (moveFocus) {
      if (steps[current].classList.contains("decision-outcome")) {
        // An outcome starts at the top of the window, just below the header: on a phone, where to refer (shown
        // first on the urgent outcomes) is then on the first screen, not below the warning above the steps.
        headingOf(current).scrollIntoView({block: "start"});
        headingOf(current).focus({preventScroll: true});
      } else {
        headingOf(current).focus();
      }
    }
    if (message) {
      announce(message);
    }
    aid.dispatchEvent(new CustomEvent("decisionstep", { detail: { step: current, path: path.slice() } }));
  }

  function arrivedAt(id) {
    return steps[id].classList.contains("decision-outcome") ? "This is what to do." : "Next question.";
  }

  aid.addEventListener("click", function (event) {
    var link = event.target.closest(".decision-answers a");
    if (!link) {
      return;
    }
    var target = link.getAttribute("href").slice(1);
    event.preventDefault();
    var answer = link.textContent.trim();
    path.push({step: current, question: headingText(current), answer: answer});
    show(target, true, "You answered " + answer + ". " + arrivedAt(target));
  });

  back.addEventListener("click", function () {
    var last = path.pop();
    show(last.step, true, "Back to the previous question. Your answer to it was removed.");
  });

  restart.addEventListener("click", function () {
    path = [];
    show(start, true, "Started again from the first question.");
  });

  // ---- The record of a decision, loaded when first wanted ----

  function load(files, done, failed) {
    if (!files.length) {
      done();
      return;
    }
    var style = /\.css$/.test(files[0]);
    var element = document.createElement(style ? "link" : "script");
    if (style) {
      element.rel = "stylesheet";
      element.href = assets + files[0];
    } else {
      element.src = assets + files[0];
    }
    element.onload = function () { load(files.slice(1), done, failed); };
    element.onerror = failed;
    document.head.appendChild(element);
  }

  function withRecord(then, failed) {
    if (record === "ready") {
      then();
    } else if (record === null) {
      record = "loading";
      load(["decision-record.css", "record-tools.js", "decision-record.js"], function () {
        record = "ready";
        aid.dispatchEvent(new CustomEvent("decisionstep", { detail: { step: current, path: path.slice() } }));
        then();
      }, failed);
    }
  }

  aid.addEventListener("click", function (event) {
    var link = event.target.closest(".decision-record-offer a");
    if (!link) {
      return;
    }
    event.preventDefault();
    var step = link.closest(".decision-step").id;
    withRecord(function () {
      aid.dispatchEvent(new CustomEvent("decisionrecord", { detail: { step: step } }));
    }, function () {
      window.location.href = link.href; // the record could not load: the printable one instead
    });
  });

  // A link from elsewhere to one step (for example an outcome) opens that step.
  function openFromAddress() {
    var element = window.location.hash && document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    var step = element && element.closest(".decision-step");
    if (step && step.id !== current) {
      path = [];
      show(step.id, true, "");
    }
  }

  // A walk kept on the device (by the record of a decision), put back as it was: the step and the answers to it.
  aid.addEventListener("decisionwalk", function (event) {
    path = event.detail.path.slice();
    show(event.detail.step, false, "");
  });

  // The Start again button below every step takes the place of each outcome's own Start again link.
  Array.prototype.forEach.call(aid.querySelectorAll(".decision-start-again"), function (line) { line.hidden = true; });
  showPathAndControls();
  openFromAddress();
  window.addEventListener("hashchange", openFromAddress);
  var kept = null;
  try {
    kept = window.localStorage.getItem(RECORD_KEY);
  } catch (error) {
    kept = null; // storage blocked: nothing can have been kept
  }
  if (kept) {
    withRecord(function () {}, function () {});
  }
}());
