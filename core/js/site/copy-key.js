// "Copy key" buttons: copy the text of the element they name (the two-factor key,
// without its spaces). Without JavaScript the button stays hidden and the key is
// plain selectable text.
(function () {
  document.querySelectorAll("[data-copy-key]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy-key"));
    if (!source || !navigator.clipboard || !window.isSecureContext) return;
    var original = button.textContent;
    var status = document.getElementById(button.getAttribute("data-copy-status") || "");
    button.hidden = false;
    button.addEventListener("click", function () {
      var key = source.textContent.replace(/\s+/g, "");
      navigator.clipboard.writeText(key).then(function () {
        button.textContent = button.getAttribute("data-copied-text") || original;
        if (status) status.textContent = button.getAttribute("data-copied-text") || "";
        window.setTimeout(function () { button.textContent = original; }, 2500);
      }, function () {});
    });
  });
})();
