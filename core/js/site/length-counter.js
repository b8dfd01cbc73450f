// A quiet count under a text field once it nears its limit, so nothing is ever cut
// off silently: the browser's own maxlength is removed by the server (core/forms.py),
// and a too-long text gets the server's message beside the field when sent.
(function () {
  var fields = document.querySelectorAll("[data-max-length]");
  var shownFrom = 0.8;
  fields.forEach(function (field) {
    var limit = parseInt(field.getAttribute("data-max-length"), 10);
    if (!limit) return;
    var counter = document.createElement("p");
    counter.className = "form-text length-counter";
    counter.id = field.id + "_counter";
    counter.setAttribute("aria-live", "polite");
    counter.hidden = true;
    field.insertAdjacentElement("afterend", counter);
    var template = document.documentElement.getAttribute("data-counter-text") ||
      "{count} of {limit} characters";
    var overTemplate = document.documentElement.getAttribute("data-counter-over-text") ||
      "{count} of {limit} characters: please shorten it a little";
    function update() {
      var count = field.value.length;
      if (count < limit * shownFrom) {
        counter.hidden = true;
        return;
      }
      var text = (count > limit ? overTemplate : template)
        .replace("{count}", count.toLocaleString())
        .replace("{limit}", limit.toLocaleString());
      counter.textContent = text;
      counter.hidden = false;
      counter.classList.toggle("is-over", count > limit);
    }
    field.addEventListener("input", update);
    update();
  });
})();
