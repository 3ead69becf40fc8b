// The navbar's menu button on narrow screens and its menus (Bootstrap's markup: data-bs-toggle=
// "collapse"/"dropdown", data-bs-target, the .collapse/.dropdown-menu/.show classes). The portal
// uses no other Bootstrap script, so this replaces the 80 KB bundle on every page.
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

  // Menus follow the disclosure pattern (WAI-ARIA APG "disclosure navigation menu"): the button
  // opens and closes its list of links (Enter, Space or a click); Tab moves through the links;
  // the arrow keys, Home and End move between them too; Escape closes the menu and returns to its
  // button; a click elsewhere, or the focus moving on, closes it.
  function menuOf(button) {
    return document.getElementById(button.getAttribute("aria-controls"));
  }

  var toggles = Array.prototype.slice.call(document.querySelectorAll('[data-bs-toggle="dropdown"]')).filter(menuOf);

  function linksOf(button) {
    return Array.prototype.slice.call(menuOf(button).querySelectorAll("a[href], button:not([disabled])"));
  }

  function setOpen(button, open) {
    var menu = menuOf(button);
    menu.classList.toggle("show", open);
    button.classList.toggle("show", open);
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }

  function closeAll(except) {
    toggles.forEach(function (button) {
      if (button !== except && button.getAttribute("aria-expanded") === "true") {
        setOpen(button, false);
      }
    });
  }

  toggles.forEach(function (button) {
    var item = button.parentElement;
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      closeAll(button);
      setOpen(button, open);
    });
    item.addEventListener("keydown", function (event) {
      var links = linksOf(button);
      var index = links.indexOf(document.activeElement);
      var open = button.getAttribute("aria-expanded") === "true";
      var next = null;
      if (event.key === "Escape" && open) {
        setOpen(button, false);
        button.focus();
        event.preventDefault();
        return;
      }
      if (event.key === "ArrowDown") {
        next = index < 0 ? 0 : Math.min(index + 1, links.length - 1);
      } else if (event.key === "ArrowUp") {
        next = index < 0 ? links.length - 1 : Math.max(index - 1, 0);
      } else if (event.key === "Home" && index >= 0) {
        next = 0;
      } else if (event.key === "End" && index >= 0) {
        next = links.length - 1;
      }
      if (next === null || !links.length) {
        return;
      }
      if (!open) {
        closeAll(button);
        setOpen(button, true);
      }
      links[next].focus();
      event.preventDefault();
    });
    // Focus leaving the whole bar closes the menu. Within the bar, a click is handled below (closing
    // on its mousedown would move the bar's links under the pointer on a phone, where menus open
    // in place) and Tab by the keyup handler.
    var bar = button.closest("nav") || document.body;
    item.addEventListener("focusout", function (event) {
      if (event.relatedTarget && !bar.contains(event.relatedTarget)) {
        setOpen(button, false);
      }
    });
  });

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Tab") {
      return;
    }
    toggles.forEach(function (button) {
      if (!button.parentElement.contains(document.activeElement)) {
        setOpen(button, false);
      }
    });
  });

  document.addEventListener("click", function (event) {
    toggles.forEach(function (button) {
      if (!button.parentElement.contains(event.target)) {
        setOpen(button, false);
      }
    });
  });
})();
