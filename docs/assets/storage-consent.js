/* The theme remembers the light or dark colour scheme in the browser's storage on every page load.
   We store it only once the person has used the light/dark switch themselves: choosing a scheme is
   asking for it to be kept. Until then the site follows the device's own setting and stores nothing. */
(function () {
  "use strict";

  // Loaded in <head>: lets the stylesheet lay out script-only views (present mode) before the body
  // is drawn, so nothing jumps about when the scripts start.
  document.documentElement.classList.add("has-script");

  var CHOSEN = "information-sharing-guide:colour-scheme-chosen";
  var themeSet = window.__md_set;

  function chosen() {
    try {
      return window.localStorage.getItem(CHOSEN) === "yes";
    } catch (error) {
      return false;
    }
  }

  if (typeof themeSet === "function") {
    window.__md_set = function (key) {
      if (key === "__palette" && !chosen()) {
        return undefined;
      }
      return themeSet.apply(this, arguments);
    };
  }

  // The privacy notice's button: remove everything this guide (and its theme) stored on this device.
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.getElementById("clear-all-storage");
    if (!button) {
      return;
    }
    button.parentElement.hidden = false;
    button.addEventListener("click", function () {
      var scope = new URL("..", document.baseURI).pathname;
      try {
        var keys = [];
        for (var i = 0; i < window.localStorage.length; i += 1) {
          keys.push(window.localStorage.key(i));
        }
        keys.forEach(function (key) {
          // Only this guide's own keys: other sites on the same intranet server keep theirs.
          if (key.indexOf("information-sharing-guide:") === 0 || key.indexOf(scope + ".__") === 0) {
            window.localStorage.removeItem(key);
          }
        });
        window.sessionStorage.clear();
      } catch (error) {
        /* storage blocked: nothing was stored */
      }
      document.getElementById("clear-all-storage-status").textContent =
        "Everything this guide stored on this device has been removed.";
    });
  });

  // Capture phase: runs before the theme's own handler stores the new scheme.
  document.addEventListener("change", function (event) {
    var form = event.target.closest && event.target.closest("[data-md-component='palette']");
    if (form) {
      try {
        window.localStorage.setItem(CHOSEN, "yes");
      } catch (error) {
        /* storage blocked: the choice lasts for this page only */
      }
    }
  }, true);
})();
