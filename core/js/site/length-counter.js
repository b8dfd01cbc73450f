// A quiet count under a text field once it nears its limit, so nothing is ever cut
// off silently: the browser's own maxlength is removed by the server (core/forms.py).
// Past the limit the counter says the server's own message for that field
// (data-over-limit-text), its numbers written in the page's language as the server
// writes them, so there is one message in one voice. When the server has already
// said it beside the field, the counter stays quiet until the text changes, then
// takes the server's place (the server's count would be out of date).
(function () {
  var fields = document.querySelectorAll("[data-max-length]");
  var shownFrom = 0.8;
  var language = document.documentElement.lang || undefined;
  function readable(number) {
    try {
      return number.toLocaleString(language);
    } catch (error) {
      return String(number);
    }
  }
  function serverMessages(field) {
    var ids = (field.getAttribute("aria-describedby") || "").split(/\s+/);
    var found = [];
    ids.forEach(function (id) {
      var element = id && document.getElementById(id);
      if (element && element.classList.contains("invalid-feedback")) found.push(element);
    });
    if (field.parentElement) {
      field.parentElement.querySelectorAll(".invalid-feedback").forEach(function (element) {
        if (found.indexOf(element) === -1) found.push(element);
      });
    }
    return found;
  }
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
    var overTemplate = field.getAttribute("data-over-limit-text") ||
      document.documentElement.getAttribute("data-counter-over-text") ||
      "Please keep this to {limit} characters (it has {count} now).";
    var serverSaidIt = field.classList.contains("is-invalid") &&
      field.value.length > limit && serverMessages(field).length > 0;
    var typedSince = false;
    function update() {
      var count = field.value.length;
      var isOver = count > limit;
      if (count < limit * shownFrom || (serverSaidIt && !typedSince)) {
        counter.hidden = true;
        return;
      }
      counter.textContent = (isOver ? overTemplate : template)
        .replace("{count}", readable(count))
        .replace("{limit}", readable(limit));
      counter.hidden = false;
      counter.classList.toggle("is-over", isOver);
    }
    field.addEventListener("input", function () {
      if (serverSaidIt && !typedSince) {
        typedSince = true;
        serverMessages(field).forEach(function (element) { element.hidden = true; });
        field.classList.remove("is-invalid");
      }
      update();
    });
    update();
  });
})();
