/* Behaviour declared with data attributes, so templates carry no inline JavaScript (strict CSP).
 * Loaded on every page by base.html.
 *   data-confirm="Question?"  on a button, link or form: asks first; cancelling does nothing.
 *   data-print                on a button: prints the page.
 * The question is written (and translated) in the template, so apostrophes and quotes in any
 * language are safe; without JavaScript the action simply goes ahead, as the server checks
 * everything anyway. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    var asking = target.closest("button[data-confirm], input[data-confirm], a[data-confirm]");
    if (asking && !window.confirm(asking.dataset.confirm)) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    if (target.closest("[data-print]")) {
      event.preventDefault();
      window.print();
    }
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });
})();
