// Fills hidden time-zone fields (data-detect-time-zone) with the browser's zone, e.g. at
// registration, so deadlines can be shown in the person's own time. Never overwrites a value.
(function () {
  "use strict";
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (error) {
    return;
  }
  if (!zone) {
    return;
  }
  document.querySelectorAll("input[data-detect-time-zone]").forEach(function (field) {
    if (!field.value) {
      field.value = zone;
    }
  });
})();
