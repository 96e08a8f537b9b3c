/* Deep links into closed disclosures: a link to #id opens the <details> that holds the element, or the one
   just after a heading, then scrolls to the element. Without this script every summary still opens with a
   click or a key, and Chromium opens a disclosure itself for a link to an id inside it. */
(function () {
  "use strict";

  function reveal() {
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!target) {
      return;
    }
    // An old id (content/site.yml old_anchors) is an empty mark inside the element that now has the id.
    if (target.classList.contains("old-anchor")) {
      target = target.parentElement;
    }
    var opened = false;
    var after = target.nextElementSibling;
    if (/^H[1-6]$/.test(target.tagName) && after && after.matches("details.disclosure") && !after.open) {
      after.open = opened = true;
    }
    for (var holder = target.closest("details"); holder; holder = holder.parentElement.closest("details")) {
      if (!holder.open) {
        holder.open = opened = true;
      }
    }
    if (opened) {
      target.scrollIntoView();
    }
  }

  window.addEventListener("hashchange", reveal);
  reveal();
})();
