/* Notes under the "What does this mean for me?" questions, and the CPD record made from them.
   Everything stays in this page unless the person ticks "Save on this device"; "Clear my notes" removes it
   from the page and the device. Nothing is ever sent anywhere. Uses record-tools.js, loaded before it. */
(function () {
  "use strict";

  var tools = window.guideRecords;
  var storage = tools.storage;
  var longDate = tools.longDate;
  var download = tools.download;
  var STORAGE_PREFIX = "information-sharing-guide:reflection:";
  // Where the quiz page keeps answers a person asked it to remember (see quiz.js); read here, never written.
  var QUIZ_PREFIX = "information-sharing-guide:quiz:";
  var BLANK_LINES = ["_______________________________________________", "_______________________________________________",
    "_______________________________________________"];

  function each(list, action) {
    Array.prototype.forEach.call(list, action);
  }

  function squeeze(text) {
    return text.trim().replace(/\s+/g, " ");
  }

  function visibleText(element) {
    // The words a reader sees: spans hidden for another profession are left out.
    var copy = element.cloneNode(true);
    each(copy.querySelectorAll("[hidden], .visually-hidden"), function (hidden) { hidden.remove(); });
    return squeeze(copy.textContent);
  }

  function setUp(form) {
    var key = STORAGE_PREFIX + form.dataset.exercise;
    var notes = form.querySelectorAll(".reflection-notes textarea");
    var save = form.querySelector("#reflection-save");
    var announcer = form.querySelector("#reflection-announcer");
    var cpd = form.querySelector("#cpd-form");
    var output = form.querySelector("#cpd-output");
    // Every control the person fills in: the notes and the CPD record's fields, but not the choice to save.
    var fields = Array.prototype.filter.call(form.elements, function (field) {
      return field.name && field !== save;
    });

    function announce(text) {
      announcer.textContent = "";
      window.setTimeout(function () { announcer.textContent = text; }, 50);
    }

    function store() {
      if (save.checked) {
        storage(function (local) { local.setItem(key, JSON.stringify(tools.values(fields))); });
      }
    }

    function fillPrintCopies() {
      // Text areas print only what fits in their box; the print copy shows every line, or lines to write on.
      each(form.querySelectorAll(".reflection-print-notes"), function (copy) {
        var value = document.getElementById(copy.dataset.for).value.trim();
        copy.textContent = value;
        copy.classList.toggle("is-empty", value === "");
      });
      each(document.querySelectorAll(".reflection-print-date"), function (date) { date.textContent = longDate(new Date()); });
    }

    function notesAsLines() {
      var lines = [];
      each(notes, function (note, index) {
        var prompt = document.getElementById(note.name + "-prompt");
        lines.push((index + 1) + ". " + note.dataset.question, squeeze(prompt.textContent), "", "My notes:");
        var value = note.value.trim();
        lines.push.apply(lines, value ? [value] : BLANK_LINES);
        lines.push("");
      });
      return lines;
    }

    // ---- The CPD record ----

    function profession() {
      var chosen = cpd.querySelector("input[name='cpd-profession']:checked");
      return chosen ? chosen.value : cpd.querySelector("input[name='cpd-profession']").value;
    }

    function showProfession() {
      var chosen = profession();
      each(cpd.querySelectorAll("[data-profession]"), function (words) {
        words.hidden = words.dataset.profession !== chosen;
      });
      // A prompt this profession's regulator does not ask for is left out of the form and the record.
      each(cpd.querySelectorAll(".cpd-prompt"), function (prompt) {
        prompt.hidden = !prompt.querySelector("[data-profession='" + chosen + "']");
      });
    }

    function quizScore() {
      // The quiz's answers, if the person asked the quiz page to remember them on this device.
      var saved = storage(function (local) {
        return local.getItem(QUIZ_PREFIX + cpd.dataset.quiz + ":" + cpd.dataset.version);
      });
      var chosen;
      try {
        chosen = JSON.parse(saved);
      } catch (error) {
        return null;
      }
      if (!chosen) {
        return null;
      }
      var key = JSON.parse(cpd.dataset.quizAnswers);
      var questions = Object.keys(key);
      var right = questions.filter(function (question) {
        return (chosen[question] || []).slice().sort().join() === key[question].slice().sort().join();
      }).length;
      var answered = questions.filter(function (question) { return (chosen[question] || []).length; }).length;
      return answered ? right + " of " + questions.length + " questions right in the self-check quiz" +
        (answered < questions.length ? " (" + answered + " answered)" : "") : null;
    }

    function field(name) {
      return cpd.querySelector("[name='" + name + "']");
    }

    function record() {
      // The record as (heading, text) pairs, in the order a regulator's form asks.
      var date = field("cpd-date").valueAsDate;
      var minutes = field("cpd-minutes").value;
      var parts = [];
      each(cpd.querySelectorAll("input[name='cpd-parts']:checked"), function (part) { parts.push(part.value); });
      var entries = [
        ["Profession", visibleText(cpd.querySelector("label[for='cpd-profession-" + profession() + "']"))],
        ["Activity", "Learning with " + cpd.dataset.activity],
        ["Date", date ? longDate(date) : ""],
        ["Time spent", minutes ? minutes + (minutes === "1" ? " minute" : " minutes") : ""],
        ["Parts used", parts.join("; ")]
      ];
      var score = quizScore();
      if (score && field("cpd-include-quiz").checked) {
        entries.push(["Quiz", score]);
      }
      each(cpd.querySelectorAll(".cpd-prompt:not([hidden])"), function (prompt) {
        entries.push([visibleText(prompt.querySelector("label")), prompt.querySelector("textarea").value.trim()]);
      });
      var reflection = [];
      each(notes, function (note) {
        if (note.value.trim()) {
          reflection.push(note.dataset.question + "\n" + note.value.trim());
        }
      });
      entries.push(["My reflection notes", reflection.join("\n\n")]);
      return entries;
    }

    function showRecord() {
      var body = output.querySelector(".cpd-output-body");
      body.textContent = "";
      record().forEach(function (entry) {
        var title = document.createElement("h4");
        var text = document.createElement("p");
        title.textContent = entry[0];
        text.textContent = entry[1];
        text.classList.toggle("is-empty", entry[1] === "");
        body.append(title, text);
      });
      var reminder = document.createElement("p");
      reminder.className = "cpd-output-reminder";
      reminder.textContent = cpd.querySelector("#cpd-reminder").textContent;
      body.append(reminder);
      output.hidden = false;
    }

    function recordAsText() {
      var lines = [form.querySelector("#cpd-output-title").textContent, ""];
      record().forEach(function (entry) {
        lines.push(entry[0] + ":");
        lines.push.apply(lines, entry[1] ? [entry[1]] : BLANK_LINES);
        lines.push("");
      });
      lines.push(cpd.querySelector("#cpd-reminder").textContent);
      return lines.join("\n").replace(/\n/g, "\r\n");
    }

    function offerQuizScore() {
      var score = quizScore();
      var offer = cpd.querySelector(".cpd-quiz");
      offer.hidden = !score;
      offer.querySelector(".cpd-quiz-score").textContent = score || "";
    }

    // ---- Starting up ----

    var saved = storage(function (local) { return local.getItem(key); });
    if (saved) {
      try {
        tools.restore(fields, JSON.parse(saved));
        save.checked = true;
      } catch (error) {
        /* unreadable: start with empty notes */
      }
    }
    if (!field("cpd-date").value) {
      field("cpd-date").valueAsDate = new Date();
    }

    form.addEventListener("input", function () {
      store();
      fillPrintCopies();
    });
    form.addEventListener("change", function (event) {
      if (event.target.name === "cpd-profession") {
        showProfession();
      }
      if (event.target !== save) {
        store();
      }
    });
    save.addEventListener("change", function () {
      if (save.checked) {
        store();
        announce("Your notes will be saved on this device until you clear them.");
      } else {
        storage(function (local) { local.removeItem(key); });
        announce("Your notes are no longer saved on this device. They stay on this page until you leave it.");
      }
    });

    form.querySelector("#reflection-print").addEventListener("click", function () {
      fillPrintCopies();
      window.print();
    });

    form.querySelector("#reflection-download").addEventListener("click", function () {
      var lines = [form.dataset.title, "Date: " + longDate(new Date()), ""].concat(notesAsLines());
      download(lines.join("\r\n"), "reflection-notes.txt");
      announce("Your notes have been downloaded as a text file.");
    });

    form.querySelector("#cpd-make").addEventListener("click", function () {
      showRecord();
      output.focus();
      announce("Your CPD record is ready below. Print it or download it; nothing has been sent anywhere.");
    });

    form.querySelector("#cpd-print").addEventListener("click", function () {
      showRecord();
      // Only the record prints; the class comes off again once the print dialog closes.
      document.documentElement.classList.add("is-printing-cpd-record");
      window.print();
      document.documentElement.classList.remove("is-printing-cpd-record");
    });

    form.querySelector("#cpd-download").addEventListener("click", function () {
      download(recordAsText(), "cpd-record.txt");
      announce("Your CPD record has been downloaded as a text file.");
    });

    form.querySelector("#reflection-clear").addEventListener("click", function () {
      if (!window.confirm("Clear all your notes and your CPD record from this page and this device?")) {
        announce("Nothing was cleared.");
        return;
      }
      fields.forEach(function (control) {
        if (control.type === "checkbox" || control.type === "radio") {
          control.checked = control.defaultChecked;
        } else {
          control.value = "";
        }
      });
      storage(function (local) { local.removeItem(key); });
      save.checked = false;
      output.hidden = true;
      output.querySelector(".cpd-output-body").textContent = "";
      field("cpd-date").valueAsDate = new Date();
      showProfession();
      fillPrintCopies();
      announce("Your notes and CPD record have been cleared from this page and this device.");
    });

    window.addEventListener("beforeprint", fillPrintCopies);
    fillPrintCopies();
    showProfession();
    offerQuizScore();
    each(form.querySelectorAll(".reflection-storage, .reflection-controls, .cpd-professions, .cpd-make"),
      function (hidden) { hidden.hidden = false; });
  }

  function start() {
    var form = document.getElementById("reflection-form");
    if (form && !form.dataset.ready) {
      form.dataset.ready = "true";
      setUp(form);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
