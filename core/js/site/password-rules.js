// The password rules tick themselves off as the person types. They show before the
// first key, so nobody learns a rule by failing it; without JavaScript they show too.
(function () {
  document.querySelectorAll("[data-password-rules]").forEach(function (input) {
    var ids = (input.getAttribute("aria-describedby") || "").split(/\s+/);
    var list = null;
    ids.forEach(function (id) {
      var element = id && document.getElementById(id);
      if (!list && element) list = element.querySelector("[data-rules]");
    });
    if (!list) return;
    var doneText = document.documentElement.getAttribute("data-rule-done-text") || "done";
    list.querySelectorAll("li").forEach(function (item) {
      var mark = document.createElement("span");
      mark.className = "visually-hidden rule-state";
      item.appendChild(mark);
    });
    function update() {
      var value = input.value;
      list.querySelectorAll("li[data-rule]").forEach(function (item) {
        var rule = item.getAttribute("data-rule");
        var met = false;
        if (rule === "length") met = value.length >= parseInt(item.getAttribute("data-value"), 10);
        if (rule === "not-numeric") met = /\D/.test(value);
        item.classList.toggle("is-met", met);
        item.querySelector(".rule-state").textContent = met ? " (" + doneText + ")" : "";
      });
    }
    input.addEventListener("focus", update);
    input.addEventListener("input", update);
  });
})();
