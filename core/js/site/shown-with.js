// Details that matter only while a switch is on (a reminder's time and days) are
// hidden while it is off: <div data-shown-with="id_enabled id_other"> shows while
// any of those boxes is ticked. Hidden fields still send their values, so turning
// the switch back on finds them as they were. Without JavaScript they stay visible,
// and a group with an error message in it is never hidden.
(function () {
  document.querySelectorAll("[data-shown-with]").forEach(function (group) {
    var switches = group.getAttribute("data-shown-with").split(" ")
      .map(function (id) { return document.getElementById(id); })
      .filter(Boolean);
    if (!switches.length) return;
    function update() {
      var isOn = switches.some(function (box) { return box.checked; });
      group.hidden = !isOn && !group.querySelector(".invalid-feedback, .is-invalid");
    }
    switches.forEach(function (box) { box.addEventListener("change", update); });
    update();
  });
})();
