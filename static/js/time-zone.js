// Pre-select the browser's time zone on the sign-up form. Without JavaScript the
// select simply stays on UTC, which the person can change.
(function () {
  // Old names browsers still report, mapped to current ones (from journal/timezones.py).
  var data = document.getElementById("legacy-time-zones");
  var LEGACY = data ? JSON.parse(data.textContent) : {};
  var select = document.querySelector("select[data-detect-time-zone]");
  if (!select || !window.Intl) return;
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone) return;
  zone = LEGACY[zone] || zone;
  for (var i = 0; i < select.options.length; i++) {
    if (select.options[i].value === zone) {
      select.value = zone;
      return;
    }
  }
})();
