// The navbar's menu button on narrow screens (Bootstrap's markup: data-bs-toggle="collapse",
// data-bs-target, the .collapse/.show classes). The portal uses no other Bootstrap script, so
// this replaces the 80 KB bundle on every page.
(function () {
  "use strict";
  document.querySelectorAll('[data-bs-toggle="collapse"][data-bs-target]').forEach(function (button) {
    var target = document.querySelector(button.getAttribute("data-bs-target"));
    if (!target) {
      return;
    }
    button.addEventListener("click", function () {
      var open = target.classList.toggle("show");
      button.setAttribute("aria-expanded", open ? "true" : "false");
      button.classList.toggle("collapsed", !open);
    });
  });
})();
