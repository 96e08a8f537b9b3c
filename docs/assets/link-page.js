/* The "Link to this guide" page: copy buttons, full addresses where the page only knows paths, a filter, and
   each anchor's own HTML link and card. Without this script every address and each page's snippets are
   still there, grouped by page, as text to select and copy. */
(function () {
  "use strict";

  var status = document.getElementById("link-copy-status");
  if (!status) {
    return;
  }

  // When the guide's own address was not set at build time, addresses are written as paths inside the
  // site; put the address the reader is using in front, so that what they copy works anywhere.
  var root;
  try {
    root = new URL(JSON.parse(document.getElementById("__config").textContent).base + "/", window.location.href);
  } catch (error) {
    root = new URL("../", window.location.href);
  }
  var pathsOnly = status.hasAttribute("data-paths-only");

  function fullAddress(path) {
    return pathsOnly ? new URL(path, root).href : path;
  }

  Array.prototype.forEach.call(pathsOnly ? document.querySelectorAll("[data-path]") : [], function (element) {
    var path = element.getAttribute("data-path");
    var full = fullAddress(path);
    var button = element.parentElement.querySelector(".link-copy");
    if (element.tagName === "TEXTAREA") {
      element.value = element.value.split(path).join(full);
      button.setAttribute("data-copy", element.value);
    } else {
      element.textContent = full;
      button.setAttribute("data-copy", full);
    }
  });

  function announce(text) {
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  // The button's own word changes to "Copied" for a few seconds, so sighted readers see it worked too.
  function copyOnClick(button) {
    var word = button.firstChild;
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = button.getAttribute("data-copy");
      var done = function () {
        announce("Copied: " + text);
        word.nodeValue = "Copied";
        button.classList.add("is-copied");
        window.setTimeout(function () {
          word.nodeValue = "Copy";
          button.classList.remove("is-copied");
        }, 4000);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () {
          announce("Your browser did not allow copying. Select the text and copy it yourself.");
        });
      } else {
        announce("Your browser does not allow copying here. Select the text and copy it yourself.");
      }
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll(".link-copy"), copyOnClick);

  // Each anchor's own HTML link and card, made when its disclosure is first opened. (A page's own are
  // already under its list.)
  var made = 0;

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  function snippetField(details, name, label, text, what) {
    var id = "snippet-" + name + "-made-" + (made += 1);
    var field = element("p", { "class": "link-snippet" });
    field.appendChild(element("label", { "for": id }, label));
    var box = element("textarea", { id: id, rows: String(text.split("\n").length), readonly: "" });
    box.value = text;
    field.appendChild(box);
    var button = element("button", { type: "button", "class": "md-button link-copy", "data-copy": text }, "Copy");
    button.appendChild(element("span", { "class": "visually-hidden" }, " " + label + " for: " + what));
    copyOnClick(button);
    field.appendChild(button);
    details.appendChild(field);
  }

  Array.prototype.forEach.call(document.querySelectorAll(".link-rows"), function (list) {
    var pageTitle = list.getAttribute("data-page");
    Array.prototype.slice.call(list.querySelectorAll(".link-row"), 1).forEach(function (row) {
      var label = row.querySelector(".link-label").textContent;
      var address = fullAddress(row.querySelector(".link-address").getAttribute("data-path"));
      var details = element("details", { "class": "link-snippets" });
      var summary = element("summary", {}, "HTML link and card");
      summary.appendChild(element("span", { "class": "visually-hidden" }, " for: " + label));
      details.appendChild(summary);
      details.addEventListener("toggle", function () {
        if (details.open && details.children.length === 1) {
          snippetField(details, "html", "HTML link", '<a href="' + address + '">' + label + "</a>", label);
          snippetField(details, "card", "Card", label + "\nFrom: " + pageTitle + "\n" + address, label);
        }
      });
      row.appendChild(details);
    });
  });

  // The filter: rows whose name or address holds what was typed; a page's heading shows while any row does.
  var filter = document.getElementById("link-filter");
  var count = document.getElementById("link-filter-count");
  filter.parentElement.hidden = false;
  filter.addEventListener("input", function () {
    var typed = filter.value.trim().toLowerCase().replace(/\s+/g, " ");
    var shown = 0;
    Array.prototype.forEach.call(document.querySelectorAll(".link-rows"), function (list) {
      var any = false;
      Array.prototype.forEach.call(list.querySelectorAll(".link-row"), function (row) {
        var text = (row.querySelector(".link-label").textContent + " " +
                    row.querySelector(".link-address").getAttribute("data-path")).toLowerCase().replace(/\s+/g, " ");
        var match = text.indexOf(typed) >= 0;
        row.hidden = !match;
        any = any || match;
        shown += match ? 1 : 0;
      });
      var group = [list.previousElementSibling, list, list.nextElementSibling];
      group.forEach(function (part) {
        if (part && (part.tagName === "H3" || part === list || part.matches("details.link-snippets"))) {
          part.hidden = !any;
        }
      });
    });
    count.textContent = typed ? shown + (shown === 1 ? " address matches" : " addresses match") : "";
  });
})();
