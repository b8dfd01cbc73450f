// Disable the Save button once a form is sent, so a double tap sends it only once.
// The server recognises a re-sent form anyway; this just keeps the page calm.
(function () {
  document.querySelectorAll("form[data-once-submit]").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("button[type=submit]").forEach(function (button) {
        window.setTimeout(function () { button.disabled = true; }, 0);
      });
    });
  });
})();
