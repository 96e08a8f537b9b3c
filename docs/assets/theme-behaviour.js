/* Two changes to the theme, loaded in <head> before the theme's own script.
   Storage: the theme stores the colour scheme on every page load. We store it only once the person has
   used the light/dark switch: until then the site follows the device's setting and stores nothing.
   Search: the theme downloads its search index and program on every page, though most visits never
   search. We hold both back until the search is opened; if the theme changes, search still works. */
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

  var searchWanted = false;
  var waitingForSearch = [];

  function whenSearchWanted(start) {
    if (searchWanted) {
      start();
    } else {
      waitingForSearch.push(start);
    }
  }

  function wantSearch() {
    if (!searchWanted) {
      searchWanted = true;
      waitingForSearch.splice(0).forEach(function (start) { start(); });
    }
  }

  function isSearchIndex(url) {
    return /\/search\/search_index\.json$/.test(new URL(String(url), document.baseURI).pathname);
  }

  // The index is fetched once; its request is sent when the search is first opened.
  var openRequest = XMLHttpRequest.prototype.open;
  var sendRequest = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.waitsForSearch = isSearchIndex(url);
    return openRequest.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var body = arguments;
    if (!request.waitsForSearch) {
      return sendRequest.apply(request, body);
    }
    whenSearchWanted(function () { sendRequest.apply(request, body); });
  };

  // The search program runs in a worker: a stand-in takes its place until the first message is sent,
  // which happens only once the index has arrived.
  var RealWorker = window.Worker;
  if (typeof RealWorker === "function" && typeof EventTarget === "function") {
    var SearchWorker = class extends EventTarget {
      constructor(url, options) {
        super();
        this.url = url;
        this.options = options;
        this.worker = null;
      }

      postMessage(message) {
        if (!this.worker) {
          var standIn = this;
          this.worker = new RealWorker(this.url, this.options);
          this.worker.addEventListener("message", function (event) {
            standIn.dispatchEvent(new MessageEvent("message", { data: event.data }));
          });
        }
        this.worker.postMessage(message);
      }

      terminate() {
        if (this.worker) {
          this.worker.terminate();
        }
      }
    };
    window.Worker = function (url, options) {
      return /\/workers\/search\.[^/]*js$/.test(String(url))
        ? new SearchWorker(url, options) : new RealWorker(url, options);
    };
  }

  // The search opens when its field gets focus (click, tap, or the "/" and "s" keys) or its toggle is used.
  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest("[data-md-component='search']")) {
      wantSearch();
    }
  }, true);

  // Capture phase: runs before the theme's own handler stores the new scheme.
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search") {
      wantSearch();
    }
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
