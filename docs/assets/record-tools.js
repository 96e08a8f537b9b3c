/* What the records people make in the guide share: the reflection notes and CPD record (reflection.js) and the
   record of a decision (decision-record.js). The device's storage, used only when the person ticks to keep
   something; a text file to download; the clipboard; dates; a form's values; a live region. Nothing here sends
   anything anywhere. Loaded just before the script that uses it (see "scripts" in the page's front matter). */
(function () {
  "use strict";

  function storage(action) {
    try {
      return action(window.localStorage);
    } catch (error) {
      return null; // storage may be blocked by the browser's settings
    }
  }

  function longDate(date) {
    return date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  }

  function squeeze(text) {
    return text.trim().replace(/\s+/g, " ");
  }

  function download(text, name) {
    var blob = new Blob([text], { type: "text/plain;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    window.setTimeout(function () {
      URL.revokeObjectURL(link.href);
      link.remove();
    }, 1000);
  }

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

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return copyBySelecting(text); });
    }
    return copyBySelecting(text);
  }

  // A live region's words: cleared first, so that screen readers say the same words again if they repeat.
  function announcer(region) {
    return function (text) {
      region.textContent = "";
      window.setTimeout(function () { region.textContent = text; }, 50);
    };
  }

  // What a person has filled in, by each control's name: text as typed, the chosen radio's value, and for
  // tick boxes a list with each box's value when ticked ("" when not).
  function values(fields) {
    var kept = {};
    fields.forEach(function (field) {
      if (field.type === "checkbox") {
        (kept[field.name] = kept[field.name] || []).push(field.checked ? field.value : "");
      } else if (field.type === "radio") {
        if (field.checked) {
          kept[field.name] = field.value;
        }
      } else {
        kept[field.name] = field.value;
      }
    });
    return kept;
  }

  function restore(fields, kept) {
    var ticks = {};
    fields.forEach(function (field) {
      var value = kept[field.name];
      if (field.type === "checkbox") {
        var index = ticks[field.name] = (ticks[field.name] || 0) + 1;
        field.checked = Array.isArray(value) && value[index - 1] === field.value;
      } else if (field.type === "radio") {
        field.checked = value === field.value;
      } else if (typeof value === "string") {
        field.value = value;
      }
    });
  }

  // Every control a person fills in, leaving out the ones named (such as the choice to keep it on the device).
  function fieldsOf(form, leaveOut) {
    return Array.prototype.filter.call(form.elements, function (field) {
      return field.name && leaveOut.indexOf(field) < 0;
    });
  }

  window.guideRecords = {
    storage: storage,
    longDate: longDate,
    squeeze: squeeze,
    download: download,
    copyText: copyText,
    announcer: announcer,
    values: values,
    restore: restore,
    fieldsOf: fieldsOf
  };
}());
