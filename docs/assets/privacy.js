/* The privacy notice's button: remove everything this guide (and its theme) stored on this device.
   Without JavaScript the button stays hidden: the notice says how to clear the browser's storage instead. */
(function () {
  "use strict";

  var button = document.getElementById("clear-all-storage");
  if (!button) {
    return;
  }
  button.parentElement.hidden = false;
  button.addEventListener("click", function () {
    // The theme's own keys start with the site's address (the theme's __md_scope), so that other sites on the
    // same server keep theirs. Worked out from the theme, not this page's address: in the offline copy this
    // page is privacy.html at the site's root, not privacy/ one folder down.
    var scope = new URL(window.__md_scope || ".", document.baseURI).pathname;
    try {
      var keys = [];
      for (var i = 0; i < window.localStorage.length; i += 1) {
        keys.push(window.localStorage.key(i));
      }
      keys.forEach(function (key) {
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
})();
