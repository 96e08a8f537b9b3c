/* The projector view for a training room: one slide at a time, sized to fit the screen, the answer revealed
   in place, full screen, and an optional count of the room's answers. Moved on with the buttons, the keys,
   or a clicker (which sends arrow or Page keys). Without this script the page shows every question one after
   another, each answer behind "Reveal answer". The room count lives in this page's memory only: it is never
   stored or sent, and is gone when the page is left. */
(function () {
  "use strict";

  var stage = document.getElementById("present");
  if (!stage) {
    return;
  }

  function each(list, action) {
    Array.prototype.forEach.call(list, action);
  }

  var slides = stage.querySelectorAll(".present-slide");
  var controls = stage.querySelector(".present-controls");
  var previous = document.getElementById("present-previous");
  var next = document.getElementById("present-next");
  var position = document.getElementById("present-position");
  var revealButton = document.getElementById("present-reveal");
  var countButton = document.getElementById("present-count");
  var fullscreenButton = document.getElementById("present-fullscreen");
  var current = 0;
  var counting = false;
  // The room's answers: slide index -> option index -> hands. Memory only.
  var tallies = {};
  // Type shrinks from this share of the screen until the slide fits; never below SMALLEST pixels.
  var SMALLEST = 14;
  var NARROW = 600;

  function slideName(index) {
    return index === 0 ? "Title" : "Question " + index + " of " + (slides.length - 1);
  }

  function fit() {
    var slide = slides[current];
    // A phone is not a projector: ordinary type, and the slide scrolls (see quiz-present.css).
    if (window.innerWidth < NARROW) {
      stage.style.fontSize = "";
      return;
    }
    var size = Math.min(window.innerWidth / 34, window.innerHeight / 17);
    stage.style.fontSize = size + "px";
    while (size > SMALLEST && (slide.scrollHeight > slide.clientHeight || slide.scrollWidth > slide.clientWidth)) {
      size = Math.max(SMALLEST, size * 0.97);
      stage.style.fontSize = size + "px";
    }
  }

  function isRevealed() {
    return slides[current].classList.contains("is-revealed");
  }

  function reveal(shown) {
    var slide = slides[current];
    var details = slide.querySelector("details");
    shown = Boolean(shown && details); // the title slide has no answer
    slide.classList.toggle("is-revealed", shown);
    if (details) {
      details.open = shown;
    }
    each(slide.querySelectorAll(".present-verdict"), function (verdict) { verdict.hidden = !shown; });
    revealButton.setAttribute("aria-pressed", String(shown));
    revealButton.textContent = shown ? "Hide answer (R)" : "Reveal answer (R)";
    if (shown) {
      var right = [];
      each(slide.querySelectorAll(".present-option[data-correct='true'] .option-letter"), function (letter) {
        right.push(letter.textContent);
      });
      var letters = right.length > 1 ? right.slice(0, -1).join(", ") + " and " + right[right.length - 1] : right[0];
      position.textContent = slideName(current) + ". Right: " + letters + ".";
    } else {
      position.textContent = slideName(current);
    }
    fit();
  }

  function drawTally(slide, index) {
    var counts = tallies[index] || {};
    var most = 0;
    each(slide.querySelectorAll(".present-option"), function (option, i) { most = Math.max(most, counts[i] || 0); });
    each(slide.querySelectorAll(".present-option"), function (option, i) {
      var tally = option.querySelector(".present-tally");
      if (!tally) {
        return;
      }
      var hands = counts[i] || 0;
      tally.querySelector(".present-hands").textContent = String(hands);
      // CSSOM, not a style attribute: the Content-Security-Policy allows this.
      tally.querySelector(".present-bar").style.width = (most ? (hands / most) * 6 : 0) + "em";
    });
  }

  function addTallies(slide, index) {
    if (slide.querySelector(".present-tally")) {
      return;
    }
    each(slide.querySelectorAll(".present-option"), function (option, i) {
      var letter = option.querySelector(".option-letter").textContent;
      var tally = document.createElement("span");
      tally.className = "present-tally";
      var less = document.createElement("button");
      less.type = "button";
      less.className = "present-tally-button";
      less.textContent = "\u2212";
      less.setAttribute("aria-label", "One hand fewer for " + letter);
      var more = document.createElement("button");
      more.type = "button";
      more.className = "present-tally-button";
      more.textContent = "+";
      more.setAttribute("aria-label", "One more hand for " + letter);
      var bar = document.createElement("span");
      bar.className = "present-bar";
      var hands = document.createElement("span");
      hands.className = "present-hands";
      hands.setAttribute("aria-live", "polite");
      function change(by) {
        var counts = tallies[index] = tallies[index] || {};
        counts[i] = Math.max(0, (counts[i] || 0) + by);
        drawTally(slide, index);
      }
      less.addEventListener("click", function () { change(-1); });
      more.addEventListener("click", function () { change(1); });
      tally.appendChild(less);
      tally.appendChild(hands);
      tally.appendChild(more);
      tally.appendChild(bar);
      option.appendChild(tally);
    });
    drawTally(slide, index);
  }

  function showCounting() {
    stage.classList.toggle("is-counting", counting);
    countButton.setAttribute("aria-pressed", String(counting));
    if (counting && current > 0) {
      addTallies(slides[current], current);
    }
    fit();
  }

  // fromUser: the trainer moved (not the first showing, which leaves the address and the Tab order alone).
  function show(index, moveFocus, fromUser) {
    if (slides[current]) {
      slides[current].classList.remove("is-revealed");
    }
    current = Math.max(0, Math.min(slides.length - 1, index));
    each(slides, function (slide, i) { slide.hidden = i !== current; });
    stage.classList.toggle("is-on-title", current === 0);
    previous.disabled = current === 0;
    next.disabled = current === slides.length - 1;
    revealButton.disabled = current === 0;
    countButton.disabled = current === 0;
    reveal(false);
    showCounting();
    // The address follows the slide, so a trainer can reload or share the current question.
    if (fromUser && window.history.replaceState) {
      window.history.replaceState(null, "", "#" + slides[current].id);
    }
    if (moveFocus) {
      var title = current === 0 ? document.getElementById("quiz-present") : slides[current].querySelector("h2");
      title.setAttribute("tabindex", "-1");
      title.focus({ preventScroll: true });
    }
  }

  function fullscreenOn() {
    return Boolean(document.fullscreenElement);
  }

  function toggleFullscreen() {
    if (fullscreenOn()) {
      document.exitFullscreen();
    } else if (document.documentElement.requestFullscreen) {
      document.documentElement.requestFullscreen().catch(function () { /* refused: stay in the window */ });
    }
  }

  document.addEventListener("fullscreenchange", function () {
    fullscreenButton.textContent = fullscreenOn() ? "Leave full screen (F)" : "Full screen (F)";
    fit();
  });
  window.addEventListener("resize", fit);

  previous.addEventListener("click", function () { show(current - 1, false, true); });
  next.addEventListener("click", function () { show(current + 1, false, true); });
  revealButton.addEventListener("click", function () { reveal(!isRevealed()); });
  countButton.addEventListener("click", function () { counting = !counting; showCounting(); });
  fullscreenButton.addEventListener("click", toggleFullscreen);

  var MOVES = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1 };
  // The theme's own keys that would leave the page (previous/next page) or open its search: not here.
  var THEME_KEYS = [",", ".", "p", "n", "s", "/"];
  // Listening on window while capturing, so these keys reach this view before the theme's handlers.
  window.addEventListener("keydown", function (event) {
    var tag = event.target.tagName;
    if (event.altKey || event.ctrlKey || event.metaKey || tag === "INPUT" || tag === "TEXTAREA") {
      return;
    }
    var key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    if (MOVES[key]) {
      show(current + MOVES[key], true, true);
    } else if (key === "Home") {
      show(0, true, true);
    } else if (key === "End") {
      show(slides.length - 1, true, true);
    } else if (key === "r") {
      reveal(current > 0 && !isRevealed());
    } else if (key === "f") {
      toggleFullscreen();
    } else if (key === "Escape") {
      if (fullscreenOn()) {
        document.exitFullscreen();
      } else {
        reveal(false);
      }
    } else if (THEME_KEYS.indexOf(key) === -1) {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
  }, true);

  var start = 0;
  each(slides, function (slide, i) {
    if ("#" + slide.id === window.location.hash) { start = i; }
  });
  stage.classList.add("is-presenting");
  controls.hidden = false;
  show(start, false, false);
})();
