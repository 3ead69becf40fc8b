// Tables in a scrolling box (templates/includes/_table_scroll.html): show the line above the table
// when some columns are cut off, and keep it true when the window or the table changes (htmx swaps).
(function () {
  "use strict";
  function update(box) {
    var hint = box.previousElementSibling;
    var cut = box.scrollWidth > box.clientWidth + 1;
    box.classList.toggle("is-cut", cut);
    if (hint && hint.hasAttribute("data-table-hint")) {
      hint.hidden = !cut;
    }
  }
  function updateAll() {
    document.querySelectorAll("[data-table-scroll]").forEach(update);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", updateAll);
  } else {
    updateAll();
  }
  window.addEventListener("resize", updateAll);
  document.addEventListener("htmx:afterSettle", updateAll);
})();
