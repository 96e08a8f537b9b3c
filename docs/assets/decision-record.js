/* "Make a record of this decision", at each outcome of the "Should I share?" step-through. Without this script
   each outcome links to a printable record of its own (decision-record/), to fill in by hand. With it, the link
   opens the record on this page, holding the date and time, each question answered with its answer, and the
   outcome with what it says to do, its golden rules and sources; the person completes the rest, then copies it as
   text, prints it or downloads it. It is kept on the device only if they tick the box; nothing is ever sent.
   decision-aid.js loads it (after record-tools.js) when it is first wanted, and tells it where the walk is and
   when to open. Every word it writes comes from the page (content/decision-aid.yml). */
(function () {
  "use strict";

  var tools = window.guideRecords;
  var aid = document.getElementById("decision-aid");
  var record = document.querySelector(".decision-record");
  if (!aid || !record || !tools) {
    return;
  }
  var KEY = "information-sharing-guide:decision-record";
  var words = record.dataset;
  var form = record.querySelector("form");
  var heading = record.querySelector("h2");
  var keep = document.getElementById("record-keep");
  var made = document.getElementById("record-made");
  var fields = Array.prototype.filter.call(form.elements, function (field) { return field.name; });
  var announcer = document.getElementById("record-announcer");
  var walk = { step: aid.dataset.start, path: [] }; // where the step-through is
  var shown = null; // the walk the open record was made from

  // The older way to copy, for pages served over plain http (as some intranets are), where the clipboard
  // interface is not offered: a hidden box holding the text is selected and copied, and focus goes back.
  function copyBySelecting(text) {
    var back = document.activeElement;
    var box = document.createElement("textarea");
    box.value = text;
    box.setAttribute("readonly", "");
    box.className = "visually-hidden";
    document.body.appendChild(box);
    box.select();
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    box.remove();
    if (back) {
      back.focus();
    }
    return copied ? Promise.resolve() : Promise.reject(new Error("not copied"));
  }

  // The clipboard where the browser offers it; otherwise the older way.
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return copyBySelecting(text); });
    }
    return copyBySelecting(text);
  }

  function announce(text) {
    announcer.textContent = "";
    window.setTimeout(function () { announcer.textContent = text; }, 50);
  }

  function squeeze(text) {
    return text.trim().replace(/\s+/g, " ");
  }

  function each(list, action) {
    Array.prototype.forEach.call(list, action);
  }

  function textOf(element) {
    // The words a reader sees, without the theme's "link to this section" mark.
    var copy = element.cloneNode(true);
    each(copy.querySelectorAll(".headerlink"), function (mark) { mark.remove(); });
    return squeeze(copy.textContent);
  }

  function part(name) {
    return record.querySelector("[data-part='" + name + "'] .record-value");
  }

  function now() {
    var date = new Date();
    return tools.longDate(date) + ", " + date.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
  }

  // What an outcome says to do, as its page shows it: its own paragraphs and lists, not its links or sources.
  function toDo(outcome) {
    return Array.prototype.filter.call(outcome.children, function (child) {
      return /^(P|UL|OL)$/.test(child.tagName) && !child.className;
    });
  }

  function fill(step, path) {
    var outcome = document.getElementById(step);
    var offer = outcome.querySelector(".decision-record-offer");
    var list = record.querySelector(".record-path");
    var none = record.querySelector(".record-no-path");
    list.textContent = "";
    path.forEach(function (entry) {
      var item = document.createElement("li");
      item.textContent = entry.question + " " + words.answer + " " + entry.answer;
      list.appendChild(item);
    });
    list.hidden = path.length === 0;
    none.hidden = path.length > 0;
    none.textContent = words.noPath;
    part("outcome").textContent = offer.dataset.outcome;
    part("to-do").textContent = "";
    toDo(outcome).forEach(function (block) { part("to-do").appendChild(block.cloneNode(true)); });
    part("rules").textContent = offer.dataset.rules;
    part("sources").textContent = offer.dataset.sources;
  }

  // Which parts have something in them: in print, a filled part loses its prompt, an empty one shows lines. A
  // box grows with its text, so that print shows every line: by the stylesheet where the browser can, else here.
  var growHere = !(window.CSS && window.CSS.supports("field-sizing", "content"));

  function markFilled() {
    each(growHere ? form.querySelectorAll("textarea") : [], function (box) {
      box.style.height = "auto";
      box.style.height = box.scrollHeight + 2 + "px";
    });
    each(form.querySelectorAll(".record-field, .record-choices"), function (entry) {
      var filled = Array.prototype.some.call(entry.querySelectorAll("textarea, input"), function (control) {
        return /radio|checkbox/.test(control.type) ? control.checked : control.value.trim() !== "";
      });
      entry.classList.toggle("is-filled", filled);
    });
  }

  // ---- The record as text: each part's label, then what it holds, as the page shows them ----

  function blockText(block) {
    if (block.tagName === "P") {
      return squeeze(block.textContent);
    }
    return Array.prototype.map.call(block.children, function (item, index) {
      return (block.tagName === "OL" ? (index + 1) + "." : "-") + " " + squeeze(item.textContent);
    }).join("\n");
  }

  function chosen(fieldset) {
    var picked = [];
    each(fieldset.querySelectorAll("input:checked"), function (input) {
      var text = textOf(fieldset.querySelector("label[for='" + input.id + "']"));
      var more = input.parentElement.querySelector("input[type='text']");
      picked.push(more && more.value.trim() ? text + " " + more.value.trim() : text);
    });
    return picked.join("; ");
  }

  function valueOf(entry) {
    var name = entry.dataset.part;
    if (name === "path") {
      var items = entry.querySelectorAll(".record-path li");
      return items.length ? Array.prototype.map.call(items, function (item, index) {
        return (index + 1) + ". " + squeeze(item.textContent);
      }).join("\n") : words.noPath;
    }
    if (name === "to-do") {
      return Array.prototype.map.call(part(name).children, blockText).join("\n");
    }
    if (name) {
      return squeeze(part(name).textContent);
    }
    if (entry.tagName === "FIELDSET") {
      return chosen(entry);
    }
    return entry.querySelector("textarea, input").value.trim();
  }

  function recordText() {
    var lines = [textOf(heading), ""];
    each(form.querySelectorAll(".record-entry"), function (entry) {
      var label = textOf(entry.querySelector(".record-label"));
      lines.push(/[?:.]$/.test(label) ? label : label + ":", valueOf(entry) || words.leftBlank, "");
    });
    return lines.join("\n").trim();
  }

  // ---- Opening, keeping and clearing ----

  function store() {
    if (keep.checked && shown) {
      tools.storage(function (local) {
        local.setItem(KEY, JSON.stringify({ step: shown.step, path: shown.path, fields: tools.values(fields) }));
      });
    }
  }

  function open(step, path, kept) {
    shown = { step: step, path: path.slice() };
    fill(step, path);
    if (kept) {
      tools.restore(fields, kept);
    }
    if (!made.value) {
      made.value = now();
    }
    markFilled();
    record.hidden = false;
    // The record's heading at the top of the window (below the sticky header: its scroll-margin), then the focus.
    heading.scrollIntoView({ block: "start" });
    heading.focus({ preventScroll: true });
    announce(words.messageOpened);
    store();
  }

  aid.addEventListener("decisionstep", function (event) {
    walk = event.detail;
    if (shown && walk.step !== shown.step) {
      // The walk has moved on: this record no longer matches it. What was typed stays, for the next one.
      shown = null;
      record.hidden = true;
    }
  });

  // "Make a record of this decision" at an outcome (decision-aid.js passes the choice on).
  aid.addEventListener("decisionrecord", function (event) {
    var step = event.detail.step;
    open(step, walk.step === step ? walk.path : []);
  });

  form.addEventListener("input", function (event) {
    if (event.target.id === "record-basis-who" && event.target.value.trim()) {
      // Naming who was asked is choosing "not sure".
      event.target.parentElement.querySelector("input[type='radio']").checked = true;
    }
    markFilled();
    store();
  });
  form.addEventListener("change", function () {
    markFilled();
    store();
  });

  keep.addEventListener("change", function () {
    if (keep.checked) {
      store();
      announce(words.messageKept);
    } else {
      tools.storage(function (local) { local.removeItem(KEY); });
      announce(words.messageNotKept);
    }
  });

  document.getElementById("record-copy").addEventListener("click", function () {
    copyText(recordText()).then(function () { announce(words.messageCopied); },
      function () { announce(words.messageNotCopied); });
  });

  document.getElementById("record-print").addEventListener("click", function () {
    // Only the record prints; the class comes off again once the print dialog closes.
    document.documentElement.classList.add("is-printing-decision-record");
    window.print();
    document.documentElement.classList.remove("is-printing-decision-record");
  });

  document.getElementById("record-download").addEventListener("click", function () {
    tools.download(recordText().replace(/\n/g, "\r\n"), record.dataset.file);
    announce(words.messageDownloaded);
  });

  document.getElementById("record-clear").addEventListener("click", function () {
    if (!window.confirm(words.messageConfirmClear)) {
      announce(words.messageNotCleared);
      return;
    }
    fields.forEach(function (field) {
      if (/radio|checkbox/.test(field.type)) {
        field.checked = false;
      } else {
        field.value = "";
      }
    });
    tools.storage(function (local) { local.removeItem(KEY); });
    keep.checked = false;
    made.value = now();
    markFilled();
    announce(words.messageCleared);
  });

  // A record kept on this device comes back with the walk it was made from, unless the address names another step.
  var kept = tools.storage(function (local) { return local.getItem(KEY); });
  try {
    kept = kept && JSON.parse(kept);
  } catch (error) {
    kept = null;
  }
  var named = decodeURIComponent(window.location.hash.slice(1));
  var outcome = kept && kept.step && document.getElementById(kept.step);
  if (outcome && outcome.classList.contains("decision-outcome") && (!named || named === kept.step)) {
    keep.checked = true;
    aid.dispatchEvent(new CustomEvent("decisionwalk", { detail: { step: kept.step, path: kept.path || [] } }));
    open(kept.step, kept.path || [], kept.fields || {});
  }
}());
