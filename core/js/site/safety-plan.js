// The safety plan's pages: an example tapped goes into its step (without a script
// the button sends the form and the server adds it), Print, and the per-device
// choice "keep my plan on this phone" (kept-plan.js draws and forgets the copy).
(function () {
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-plan-example]");
    if (!button) return;
    var key = button.getAttribute("data-plan-example");
    var box = document.querySelector("[data-plan-lines='" + key + "']");
    var target = box;
    if (!box) {
      var names = document.querySelectorAll("[data-contact-row='" + key + "'] input[name$='_name']");
      target = Array.prototype.find.call(names, function (input) { return input.value.trim() === ""; });
      if (!target) return;  // every row is filled: the server says where it went
    }
    event.preventDefault();
    var example = button.textContent.trim();
    if (box) {
      var typed = box.value.replace(/\s+$/, "");
      box.value = typed ? typed + "\n" + example : example;
    } else {
      target.value = example;
    }
    target.dispatchEvent(new Event("input", { bubbles: true }));
    target.focus();
  });

  var printButton = document.querySelector("[data-print]");
  if (printButton) {
    printButton.hidden = false;
    printButton.addEventListener("click", function () { window.print(); });
  }

  var choice = document.querySelector("[data-keep-plan-choice]");
  var data = document.getElementById("kept-plan-data");
  var account = document.body.getAttribute("data-account");
  // kept-plan.js holds the device's copy; it answers through events on document.
  function keptCopy() {
    var found = null;
    document.dispatchEvent(new CustomEvent("bs:ask-kept-plan", {
      detail: { answer: function (kept) { found = kept; } },
    }));
    return found;
  }
  function forget() { document.dispatchEvent(new CustomEvent("bs:forget-plan")); }

  if (account && document.querySelector("[data-forget-kept-plan]")) {
    var stale = keptCopy();
    if (stale && stale.account === account) forget();
  }
  if (!choice || !data || !account) return;
  try {
    localStorage.setItem("bs-storage-check", "1");
    localStorage.removeItem("bs-storage-check");
  } catch (error) {
    return;  // storage is off (private browsing): the choice is not offered
  }
  var plan = JSON.parse(data.textContent);
  var checkbox = choice.querySelector("[data-keep-plan]");
  var status = choice.querySelector("[data-keep-plan-status]");

  function keep() {
    document.dispatchEvent(new CustomEvent("bs:keep-plan", {
      detail: { account: account, plan: plan },
    }));
  }

  var current = keptCopy();
  checkbox.checked = Boolean(current && current.account === account);
  // Kept already: the copy follows the plan as it is now.
  if (checkbox.checked) keep();
  choice.hidden = false;

  checkbox.addEventListener("change", function () {
    try {
      if (checkbox.checked) {
        keep();
        status.textContent = status.getAttribute("data-kept-text");
      } else {
        forget();
        status.textContent = status.getAttribute("data-removed-text");
      }
    } catch (error) {
      checkbox.checked = false;
    }
  });
})();
