/* The reflection exercise. Notes stay in this page unless the person ticks "Save on this device";
   "Clear my notes" removes them from the page and the device. Nothing is ever sent anywhere. */
(function () {
  "use strict";

  var STORAGE_PREFIX = "information-sharing-guide:reflection:";

  function each(list, action) {
    Array.prototype.forEach.call(list, action);
  }

  function storage(action) {
    try {
      return action(window.localStorage);
    } catch (error) {
      return null; // storage may be blocked by the browser's settings
    }
  }

  function today() {
    return new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  }

  function setUp(form) {
    var key = STORAGE_PREFIX + form.dataset.exercise;
    var notes = form.querySelectorAll("textarea");
    var save = form.querySelector("#reflection-save");
    var announcer = form.querySelector("#reflection-announcer");

    function announce(text) {
      announcer.textContent = "";
      window.setTimeout(function () { announcer.textContent = text; }, 50);
    }

    function questionOf(note) {
      return document.querySelector("label[for='" + note.id + "']").textContent.trim();
    }

    function promptOf(note) {
      return document.getElementById(note.id + "-prompt").textContent.trim().replace(/\s+/g, " ");
    }

    function store() {
      if (!save.checked) {
        return;
      }
      var values = {};
      each(notes, function (note) { values[note.name] = note.value; });
      storage(function (local) { local.setItem(key, JSON.stringify(values)); });
    }

    function fillPrintCopies() {
      // Text areas print only what fits in their box; the print copy shows every line, or lines to write on.
      each(form.querySelectorAll(".reflection-print-notes"), function (copy) {
        var value = document.getElementById(copy.dataset.for).value.trim();
        copy.textContent = value;
        copy.classList.toggle("is-empty", value === "");
      });
      each(document.querySelectorAll(".reflection-print-date"), function (date) { date.textContent = today(); });
    }

    function asText() {
      var lines = [form.dataset.title, "Date: " + today(), ""];
      each(notes, function (note, index) {
        lines.push((index + 1) + ". " + questionOf(note), promptOf(note), "", "My notes:");
        var value = note.value.trim();
        if (value) {
          lines.push(value);
        } else {
          lines.push("_______________________________________________", "_______________________________________________",
            "_______________________________________________");
        }
        lines.push("");
      });
      return lines.join("\r\n");
    }

    var saved = storage(function (local) { return local.getItem(key); });
    if (saved) {
      try {
        var values = JSON.parse(saved);
        each(notes, function (note) { note.value = values[note.name] || ""; });
        save.checked = true;
      } catch (error) {
        /* unreadable: start with empty notes */
      }
    }

    form.addEventListener("input", function () {
      store();
      fillPrintCopies();
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

    form.querySelector("#reflection-clear").addEventListener("click", function () {
      each(notes, function (note) { note.value = ""; });
      storage(function (local) { local.removeItem(key); });
      save.checked = false;
      fillPrintCopies();
      announce("Your notes have been cleared from this page and this device.");
    });

    form.querySelector("#reflection-print").addEventListener("click", function () {
      fillPrintCopies();
      window.print();
    });

    form.querySelector("#reflection-download").addEventListener("click", function () {
      var blob = new Blob([asText()], { type: "text/plain;charset=utf-8" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = "reflection-notes.txt";
      document.body.appendChild(link);
      link.click();
      window.setTimeout(function () {
        URL.revokeObjectURL(link.href);
        link.remove();
      }, 1000);
      announce("Your notes have been downloaded as a text file.");
    });

    window.addEventListener("beforeprint", fillPrintCopies);
    fillPrintCopies();
    form.querySelector(".reflection-storage").hidden = false;
    form.querySelector(".reflection-controls").hidden = false;
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
