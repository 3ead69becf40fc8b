/* Change-project outline: live word counters, and nothing typed is ever lost.
 *
 * Every keystroke is copied to localStorage. htmx autosaves a few seconds after typing stops;
 * if the connection is down, the copy stays on this device and is sent again when the browser
 * is back online. On load, a local copy newer than the server's is offered for restore.
 */
(function () {
  "use strict";
  var form = document.getElementById("outline-form");
  if (!form) { return; }
  var key = form.dataset.outlineKey;
  var serverUpdated = parseInt(form.dataset.serverUpdated || "0", 10);
  var offlineBox = document.getElementById("outline-offline");
  var restoreBox = document.getElementById("outline-restore");

  function countWords(text) {
    var words = text.trim().split(/\s+/);
    return text.trim() === "" ? 0 : words.length;
  }

  // --- Word counters -------------------------------------------------------------------
  // The help text states the limit once ("At most 300 words."), which is all a reader without
  // JavaScript needs. Here that same element becomes the live count, so the limit is never
  // stated twice.
  var countLabel = form.dataset.countLabel || "%(count)s of at most %(limit)s words";
  var overLabel = form.dataset.overLabel || "%(count)s words: %(over)s more than the %(limit)s allowed";

  function fill(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (match, name) {
      return name in values ? String(values[name]) : match;
    });
  }

  form.querySelectorAll("textarea[data-word-limit]").forEach(function (area) {
    var limit = parseInt(area.dataset.wordLimit, 10);
    var help = document.getElementById(area.id + "_helptext");
    var counter = help && help.querySelector("[data-word-count]");
    if (!counter) { return; }
    counter.setAttribute("aria-live", "polite");
    function update() {
      var n = countWords(area.value);
      var over = n > limit;
      counter.textContent = fill(over ? overLabel : countLabel, { count: n, limit: limit, over: n - limit });
      counter.classList.toggle("text-danger", over);
      counter.classList.toggle("fw-bold", over);
    }
    area.addEventListener("input", update);
    update();
  });

  // --- The local copy ------------------------------------------------------------------
  function fieldValues() {
    var values = {};
    new FormData(form).forEach(function (value, name) {
      if (name === "csrfmiddlewaretoken") { return; }
      (values[name] = values[name] || []).push(value);
    });
    return values;
  }

  function readCopy() {
    try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }

  function writeCopy(pending) {
    try {
      localStorage.setItem(key, JSON.stringify({ values: fieldValues(), savedAt: Date.now(), pending: pending }));
    } catch (e) { /* storage full or disabled: the server autosave still works */ }
  }

  function markSynced(serverTime) {
    var copy = readCopy();
    if (copy) {
      copy.pending = false;
      copy.savedAt = Math.max(copy.savedAt, serverTime || Date.now());
      try { localStorage.setItem(key, JSON.stringify(copy)); } catch (e) { /* ignore */ }
    }
  }

  function applyValues(values) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === "csrfmiddlewaretoken") { return; }
      var stored = values[el.name] || [];
      if (el.type === "checkbox" || el.type === "radio") {
        el.checked = stored.indexOf(el.value) !== -1;
      } else if (stored.length) {
        el.value = stored[0];
      }
      el.dispatchEvent(new Event("input"));
    });
  }

  function sameAsForm(values) {
    return JSON.stringify(values) === JSON.stringify(fieldValues());
  }

  form.addEventListener("input", function () {
    writeCopy(true);
    if (!navigator.onLine) { showOffline(true); }
  });
  form.addEventListener("change", function () { writeCopy(true); });

  // --- Sending it ------------------------------------------------------------------------
  function csrfToken() {
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  // Offline, "Saved at 14:21" would sit next to text that is not saved: say so instead.
  function showOffline(show) {
    if (offlineBox) { offlineBox.classList.toggle("d-none", !show); }
    var status = document.getElementById("autosave-status");
    if (show && status && form.dataset.unsavedLabel) { status.textContent = form.dataset.unsavedLabel; }
  }

  function resend() {
    var copy = readCopy();
    if (!copy || !copy.pending) { return; }
    fetch(form.dataset.autosaveUrl, {
      method: "POST",
      body: new FormData(form),
      headers: { "X-CSRFToken": csrfToken(), "HX-Request": "true" },
      credentials: "same-origin"
    }).then(function (response) {
      if (!response.ok) { throw new Error(String(response.status)); }
      return response.text();
    }).then(function (html) {
      var status = document.getElementById("autosave-status");
      if (status) { status.innerHTML = html; }
      markSynced();
      showOffline(false);
    }).catch(function () { showOffline(true); });
  }

  document.body.addEventListener("htmx:afterRequest", function (event) {
    if (!form.contains(event.target)) { return; }
    if (event.detail.successful) { markSynced(); showOffline(false); } else { showOffline(!navigator.onLine); }
  });
  document.body.addEventListener("htmx:sendError", function () { showOffline(true); });
  window.addEventListener("offline", function () { showOffline(true); });
  window.addEventListener("online", function () { showOffline(false); resend(); });

  // An explicit save while offline would lose the page: keep the copy and wait instead.
  form.addEventListener("submit", function (event) {
    writeCopy(true);
    if (!navigator.onLine) {
      event.preventDefault();
      showOffline(true);
    }
  });

  // --- Restore prompt on load ------------------------------------------------------------
  var copy = readCopy();
  if (copy && copy.pending && copy.savedAt > serverUpdated && !sameAsForm(copy.values) && restoreBox) {
    restoreBox.classList.remove("d-none");
    restoreBox.querySelector("[data-outline-restore]").addEventListener("click", function () {
      applyValues(copy.values);
      restoreBox.classList.add("d-none");
      if (navigator.onLine) { resend(); }
    });
    restoreBox.querySelector("[data-outline-discard]").addEventListener("click", function () {
      localStorage.removeItem(key);
      restoreBox.classList.add("d-none");
    });
  } else if (copy && copy.pending && navigator.onLine && sameAsForm(copy.values)) {
    markSynced();
  }
})();
