// Guided exercises on a phone: one short step per screen, with Back, Next and "2 of
// 5"; Save on the last step. Without JavaScript, or on a wider screen, the form is one
// page with every step under its heading. After a refused Save the first step with a
// message opens (form-focus.js has already put focus on its field).
(function () {
  var narrow = window.matchMedia("(max-width: 575.98px)");
  var flagged = ".is-invalid, [aria-invalid='true']";

  document.querySelectorAll("form[data-steps]").forEach(function (form) {
    var steps = Array.prototype.slice.call(form.querySelectorAll("[data-step]"));
    var back = form.querySelector("[data-step-back]");
    var next = form.querySelector("[data-step-next]");
    var saves = form.querySelectorAll("button[type=submit]");
    if (steps.length < 2 || !back || !next) return;
    var current = Math.max(0, steps.findIndex(function (step) {
      return step.querySelector(flagged);
    }));

    function show(index, moveFocus) {
      var stepping = narrow.matches;
      var last = index === steps.length - 1;
      current = index;
      form.classList.toggle("is-stepping", stepping);
      steps.forEach(function (step, i) { step.hidden = stepping && i !== index; });
      form.querySelectorAll("[data-step-count]").forEach(function (count) {
        count.hidden = !stepping;
      });
      back.hidden = !stepping || index === 0;
      next.hidden = !stepping || last;
      saves.forEach(function (save) { save.hidden = stepping && !last; });
      if (!moveFocus) return;
      var title = steps[index].querySelector("[data-step-title]");
      if (title) {
        title.focus({ preventScroll: true });
        title.scrollIntoView({ block: "start" });
      }
    }

    next.addEventListener("click", function () { show(current + 1, true); });
    back.addEventListener("click", function () { show(current - 1, true); });
    // Enter in a one-line box goes on to the next step, not straight to Save.
    form.addEventListener("keydown", function (event) {
      var target = event.target;
      if (event.key !== "Enter" || !form.classList.contains("is-stepping")) return;
      if (target.tagName !== "INPUT" || current === steps.length - 1) return;
      event.preventDefault();
      show(current + 1, true);
    });
    narrow.addEventListener("change", function () { show(current, false); });
    show(current, false);
  });
})();
