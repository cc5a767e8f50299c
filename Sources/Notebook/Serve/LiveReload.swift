/// The script `serve` adds to every page: it polls the site's version and
/// reloads the page when the version moves (a notebook was re-rendered).
/// Polling a tiny endpoint needs nothing but `fetch` and survives server
/// restarts, when the page simply waits for the server to come back.
enum LiveReload {
    static let scriptPath = "/__litgrad/live-reload.js"
    static let versionPath = "/__litgrad/version"

    static let javaScript = #"""
// litgrad serve: reload this page when its site is re-rendered.
(function () {
  "use strict";
  var seen = null;
  function poll() {
    fetch("/__litgrad/version", { cache: "no-store" })
      .then(function (response) { return response.text(); })
      .then(function (version) {
        if (seen === null) { seen = version; }
        else if (version !== seen) { location.reload(); return; }
        setTimeout(poll, 700);
      })
      .catch(function () { setTimeout(poll, 2000); });
  }
  poll();
})();
"""#
}
