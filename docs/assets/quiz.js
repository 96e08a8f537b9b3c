/* The self-check quiz. The page works without this script: every question has a
   "Show answer" disclosure. This adds checking, feedback, a score, and storage on the device only when
   the person asks for it. Nothing is ever sent anywhere. */
(function () {
  "use strict";

  var STORAGE_PREFIX = "information-sharing-guide:quiz:";

  function each(list, action) {
    Array.prototype.forEach.call(list, action);
  }

  function storageKey(form) {
    // Versioned: a changed quiz has a new version, so answers to an older quiz are never shown.
    return STORAGE_PREFIX + form.dataset.quiz + ":" + form.dataset.version;
  }

  function readStorage(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (error) {
      return null; // storage may be blocked by the browser's settings
    }
  }

  function writeStorage(key, value) {
    try {
      if (value === null) {
        window.localStorage.removeItem(key);
      } else {
        window.localStorage.setItem(key, value);
      }
    } catch (error) {
      /* storage blocked: answers simply stay in this page */
    }
  }

  function clearAllQuizStorage() {
    try {
      var keys = [];
      for (var i = 0; i < window.localStorage.length; i += 1) {
        keys.push(window.localStorage.key(i));
      }
      keys.forEach(function (key) {
        if (key && key.indexOf(STORAGE_PREFIX) === 0) {
          window.localStorage.removeItem(key);
        }
      });
    } catch (error) {
      /* nothing stored */
    }
  }

  function setUpQuiz(form) {
    var questions = form.querySelectorAll(".quiz-question");
    var announcer = form.querySelector("#quiz-announcer");
    var result = form.querySelector("#quiz-result");
    var remember = form.querySelector("#quiz-remember");
    var passMark = parseInt(form.dataset.passMark, 10);

    function announce(text) {
      // Clearing first makes screen readers announce the same text again if it repeats.
      announcer.textContent = "";
      window.setTimeout(function () { announcer.textContent = text; }, 50);
    }

    function chosen(question) {
      return question.querySelectorAll("input:checked");
    }

    function isRight(question) {
      var right = true;
      each(question.querySelectorAll(".quiz-option"), function (option) {
        var ticked = option.querySelector("input").checked;
        if (ticked !== (option.dataset.correct === "true")) {
          right = false;
        }
      });
      return right;
    }

    function clearFeedback(question) {
      question.classList.remove("is-right", "is-wrong");
      question.querySelector(".quiz-question-result").textContent = "";
      question.querySelector(".quiz-read-more").hidden = true;
      each(question.querySelectorAll(".quiz-option-feedback"), function (feedback) {
        feedback.hidden = true;
      });
      each(question.querySelectorAll("input"), function (input) {
        input.removeAttribute("aria-describedby");
      });
    }

    function check(question) {
      clearFeedback(question);
      var legend = question.querySelector("legend").textContent;
      var line = question.querySelector(".quiz-question-result");
      if (chosen(question).length === 0) {
        line.textContent = "Choose an answer first.";
        return { answered: false, right: false, message: legend + ". Choose an answer first." };
      }
      var right = isRight(question);
      var said = [];
      each(question.querySelectorAll(".quiz-option"), function (option) {
        var input = option.querySelector("input");
        // Why, for every answer chosen; a right answer left unticked says it was missed, never "Right."
        var feedback = input.checked ? document.getElementById(input.id + "-feedback")
          : document.getElementById(input.id + "-missed");
        if (feedback) {
          feedback.hidden = false;
          input.setAttribute("aria-describedby", feedback.id);
          said.push(feedback.textContent.trim());
        }
      });
      question.querySelector(".quiz-read-more").hidden = false;
      question.classList.add(right ? "is-right" : "is-wrong");
      line.textContent = right ? "Correct." : "Not quite.";
      return { answered: true, right: right, message: legend + ". " + line.textContent + " " + said.join(" ") };
    }

    // The score, then a link to each question missed: following one moves focus to that question.
    function showResult(summary, missed) {
      result.textContent = "";
      var line = document.createElement("p");
      line.textContent = summary;
      result.appendChild(line);
      if (missed.length) {
        var intro = document.createElement("p");
        intro.textContent = "Look again at " + (missed.length === 1 ? "this question:" : "these questions:");
        var list = document.createElement("ul");
        missed.forEach(function (question) {
          var link = document.createElement("a");
          link.href = "#" + question.id;
          link.textContent = question.querySelector("legend").textContent;
          link.addEventListener("click", function (event) {
            event.preventDefault();
            question.setAttribute("tabindex", "-1");
            question.focus();
            question.scrollIntoView({ block: "start" });
          });
          var item = document.createElement("li");
          item.appendChild(link);
          list.appendChild(item);
        });
        result.appendChild(intro);
        result.appendChild(list);
      }
      result.hidden = false;
    }

    function save() {
      if (!remember.checked) {
        return;
      }
      var answers = {};
      each(form.querySelectorAll(".quiz-question input:checked"), function (input) {
        (answers[input.name] = answers[input.name] || []).push(input.value);
      });
      writeStorage(storageKey(form), JSON.stringify(answers));
    }

    function restore() {
      var saved = readStorage(storageKey(form));
      if (!saved) {
        return;
      }
      var answers;
      try {
        answers = JSON.parse(saved);
      } catch (error) {
        return;
      }
      remember.checked = true;
      each(form.querySelectorAll(".quiz-question input"), function (input) {
        input.checked = (answers[input.name] || []).indexOf(input.value) !== -1;
      });
    }

    function reset() {
      each(form.querySelectorAll(".quiz-question input"), function (input) { input.checked = false; });
      each(questions, function (question) {
        clearFeedback(question);
        question.querySelector("details").open = false;
      });
      result.hidden = true;
      result.textContent = "";
    }

    each(questions, function (question) {
      var button = question.querySelector(".quiz-check");
      button.hidden = false;
      button.addEventListener("click", function () {
        announce(check(question).message);
      });
    });

    form.addEventListener("change", function (event) {
      if (event.target === remember) {
        if (remember.checked) {
          save();
          announce("Your answers will be remembered on this device.");
        } else {
          writeStorage(storageKey(form), null);
          announce("Your answers will not be remembered. Nothing is stored on this device.");
        }
        return;
      }
      save();
    });

    form.querySelector("#quiz-check-all").addEventListener("click", function () {
      var score = 0;
      var unanswered = 0;
      var missed = [];
      each(questions, function (question) {
        var outcome = check(question);
        score += outcome.right ? 1 : 0;
        unanswered += outcome.answered ? 0 : 1;
        if (!outcome.right) {
          missed.push(question);
        }
      });
      var summary = score + " of " + questions.length + " correct. " +
        (score >= passMark ? "You reached the pass mark of " + passMark + "."
          : "The pass mark is " + passMark + ".");
      if (unanswered) {
        summary += " " + unanswered + (unanswered === 1 ? " question was" : " questions were") + " not answered.";
      }
      showResult(summary, missed);
      result.focus();
      announce(summary);
    });

    form.querySelector("#quiz-show-all").addEventListener("click", function () {
      each(form.querySelectorAll("details.quiz-answer"), function (details) { details.open = true; });
      announce("All answers are shown under each question.");
    });

    form.querySelector("#quiz-reset").addEventListener("click", function () {
      reset();
      save();
      questions[0].querySelector("input").focus();
      announce("Your answers have been cleared. Start again from question 1.");
    });

    form.querySelector("#quiz-clear").addEventListener("click", function () {
      clearAllQuizStorage();
      remember.checked = false;
      reset();
      announce("Everything this quiz stored on this device has been removed, and your answers are cleared.");
    });

    restore();
    form.querySelector(".quiz-storage").hidden = false;
    form.querySelector(".quiz-controls").hidden = false;
  }

  function start() {
    var form = document.getElementById("quiz-form");
    if (form && !form.dataset.ready) {
      form.dataset.ready = "true";
      setUpQuiz(form);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
