// Long notes in lists show their first three lines, with "Show more" to read on.
// Without JavaScript (or when a note is short) the whole note simply shows.
(function () {
  var root = document.documentElement;
  var more = root.getAttribute("data-show-more-text") || "Show more";
  var less = root.getAttribute("data-show-less-text") || "Show less";
  document.querySelectorAll(".entry-list .entry-note").forEach(function (note, index) {
    note.classList.add("is-clamped");
    if (note.scrollHeight <= note.clientHeight + 1) {
      note.classList.remove("is-clamped");
      return;
    }
    if (!note.id) note.id = "entry-note-" + index;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "btn btn-link btn-sm show-more p-0 mb-2";
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", note.id);
    button.textContent = more;
    button.addEventListener("click", function () {
      var open = note.classList.toggle("is-clamped") === false;
      button.setAttribute("aria-expanded", open ? "true" : "false");
      button.textContent = open ? less : more;
    });
    note.insertAdjacentElement("afterend", button);
  });
})();
