// The named skills of an entry form (<fieldset data-technique-field>): only the
// chosen skill's chips are shown, so naming "TIPP" is one more tap. Before a skill
// is chosen the whole set waits, hidden; a named skill of another skill is let go
// when the skill changes. Without JavaScript every family's chips stay visible,
// under their names, and the server says if one does not fit.
(function () {
  document.querySelectorAll("[data-technique-field]").forEach(function (field) {
    var form = field.form || field.closest("form");
    if (!form) return;
    var skills = form.querySelectorAll("input[name=skill]");
    var none = field.querySelector("[data-technique-none]");
    var groups = field.querySelectorAll("[data-technique-family]");
    var hasError = !!field.querySelector(".invalid-feedback");
    function chosenSkill() {
      var checked = form.querySelector("input[name=skill]:checked");
      return checked ? checked.value : "";
    }
    function update() {
      var skill = chosenSkill();
      var shown = 0;
      groups.forEach(function (group) {
        var isShown = group.getAttribute("data-technique-family") === skill;
        group.hidden = !isShown;
        if (isShown) shown = group.querySelectorAll("input[type=radio]").length;
        if (!isShown) {
          var picked = group.querySelector("input[type=radio]:checked");
          if (picked && none && !hasError) none.checked = true;
        }
      });
      // The family's name is already the chosen chip above: not said twice.
      field.querySelectorAll(".technique-family").forEach(function (name) {
        name.hidden = true;
      });
      field.hidden = (!skill || !shown) && !hasError;
    }
    skills.forEach(function (radio) { radio.addEventListener("change", update); });
    // A form put back as it was (after "Logged", the reset of the quick log).
    form.addEventListener("reset", function () { window.setTimeout(update, 0); });
    update();
  });
})();
