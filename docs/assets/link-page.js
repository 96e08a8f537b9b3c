/* The "Link to this guide" page: copy buttons, and full addresses where the page only knows paths.
   Without this script every address and snippet is still there as text to select and copy. */
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

  function fullAddress(path) {
    return new URL(path, root).href;
  }

  var pathsOnly = status.hasAttribute("data-paths-only");
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

  Array.prototype.forEach.call(document.querySelectorAll(".link-copy"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = button.getAttribute("data-copy");
      var done = function () { announce("Copied: " + text); };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () {
          announce("Your browser did not allow copying. Select the text and copy it yourself.");
        });
      } else {
        announce("Your browser does not allow copying here. Select the text and copy it yourself.");
      }
    });
  });
})();
