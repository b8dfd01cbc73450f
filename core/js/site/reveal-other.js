// "Something else": its few words are asked for only once "Something else" is
// chosen. Without JavaScript the box simply shows (the server ignores its words when
// "Something else" is not chosen); a box with a message beside it always shows.
(function () {
  document.querySelectorAll("fieldset[data-reveals]").forEach(function (group) {
    var box = document.getElementById("reveal_id_" + group.dataset.reveals);
    var other = group.querySelector("input[value='other']");
    if (!box || !other) return;
    function update() {
      box.hidden = !other.checked && !box.querySelector(".is-invalid");
    }
    group.addEventListener("change", update);
    update();
  });
})();
