/* What the records people make in the guide share: the reflection notes and CPD record (reflection.js) and the
   record of a decision (decision-record.js). The device's storage, used only when the person ticks to keep
   something; a text file to download; dates; what a form holds, to keep and put back. Nothing here sends
   anything anywhere. Loaded just before the script that uses it. */
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

  window.guideRecords = {
    storage: storage,
    longDate: longDate,
    download: download,
    values: values,
    restore: restore
  };
}());
