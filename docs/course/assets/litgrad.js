// litgrad: typeset the page's math with KaTeX (bundled next to this file).
(function () {
  "use strict";
  function typeset() {
    if (typeof katex === "undefined") { return; }
    var nodes = document.querySelectorAll(".math");
    for (var i = 0; i < nodes.length; i++) {
      var node = nodes[i];
      var display = node.classList.contains("display");
      try {
        katex.render(node.textContent, node, { displayMode: display, throwOnError: false });
      } catch (error) {
        node.classList.add("math-error");
        node.title = String(error);
      }
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", typeset);
  } else {
    typeset();
  }
})();