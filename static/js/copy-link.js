// "Copy link" buttons: copy the text of the input they point at.
(function () {
  document.querySelectorAll("[data-copy-target]").forEach(function (button) {
    var input = document.getElementById(button.getAttribute("data-copy-target"));
    if (!input) return;
    var original = button.textContent;
    button.addEventListener("click", function () {
      input.select();
      var done = function () {
        button.textContent = button.getAttribute("data-copied-text") || original;
        window.setTimeout(function () { button.textContent = original; }, 2500);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(input.value).then(done, function () {});
      } else {
        document.execCommand("copy");
        done();
      }
    });
  });
})();
