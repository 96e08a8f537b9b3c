/* Present mode for a training room: one question at a time on the big screen, moved on with the
   buttons or the arrow keys. Without this script the page shows every question one after another. */
(function () {
  "use strict";

  var container = document.getElementById("present");
  if (!container) {
    return;
  }

  function each(list, action) {
    Array.prototype.forEach.call(list, action);
  }

  var slides = container.querySelectorAll(".present-slide");
  var controls = document.querySelector(".present-controls");
  var previous = document.getElementById("present-previous");
  var next = document.getElementById("present-next");
  var position = document.getElementById("present-position");
  var current = 0;

  function show(index, moveFocus, fromUser) {
    current = Math.max(0, Math.min(slides.length - 1, index));
    each(slides, function (slide, i) { slide.hidden = i !== current; });
    previous.disabled = current === 0;
    next.disabled = current === slides.length - 1;
    position.textContent = "Question " + (current + 1) + " of " + slides.length;
    // The address follows the slide, so a trainer can reload or share the current question.
    if (fromUser && window.history.replaceState) {
      window.history.replaceState(null, "", "#" + slides[current].id);
    }
    if (moveFocus) {
      var title = slides[current].querySelector("h2");
      title.setAttribute("tabindex", "-1");
      title.focus();
    }
  }

  previous.addEventListener("click", function () { show(current - 1, false, true); });
  next.addEventListener("click", function () { show(current + 1, false, true); });
  document.addEventListener("keydown", function (event) {
    var tag = event.target.tagName;
    if (event.altKey || event.ctrlKey || event.metaKey || tag === "INPUT" || tag === "TEXTAREA") {
      return;
    }
    if (event.key === "ArrowRight" || event.key === "PageDown") {
      event.preventDefault();
      show(current + 1, true, true);
    } else if (event.key === "ArrowLeft" || event.key === "PageUp") {
      event.preventDefault();
      show(current - 1, true, true);
    }
  });

  var start = 0;
  each(slides, function (slide, i) {
    if ("#" + slide.id === window.location.hash) { start = i; }
  });
  container.classList.add("is-presenting");
  controls.hidden = false;
  show(start, false);
})();
