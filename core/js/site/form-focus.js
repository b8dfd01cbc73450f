// After a form comes back with errors, move focus to the first field that needs
// attention, so keyboard and screen-reader users land right where the message is.
(function () {
  var target =
    document.querySelector("[data-focus-on-load]") ||
    document.querySelector("form .is-invalid, form [aria-invalid='true']");
  if (!target) return;
  var details = target.closest("details");
  if (details) details.open = true;
  target.focus();
})();
