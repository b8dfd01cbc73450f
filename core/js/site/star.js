// "Bring this up": star an entry without leaving the page. The form posts as
// data; the server answers with the new button, which replaces the old one's
// inside (the same element, so focus stays on it) and a polite status says what
// changed. Without JavaScript, or if the answer is not what we expect, the form
// is sent the ordinary way and comes back to the same card.
(function () {
  var forms = document.querySelectorAll("[data-star-form]");
  if (!forms.length || !window.fetch) return;

  // Made at load, filled later: a live region added at the moment it speaks is
  // often not read out.
  var status = document.createElement("div");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  document.body.appendChild(status);

  function update(button, html) {
    var holder = document.createElement("template");
    holder.innerHTML = html.trim();
    var fresh = holder.content.firstElementChild;
    if (!fresh) return false;
    button.className = fresh.className;
    button.setAttribute("aria-pressed", fresh.getAttribute("aria-pressed"));
    button.replaceChildren.apply(button, Array.from(fresh.childNodes));
    return true;
  }

  document.addEventListener("submit", function (event) {
    var form = event.target.closest("[data-star-form]");
    if (!form) return;
    var button = form.querySelector("button[aria-pressed]");
    if (!button) return;
    event.preventDefault();
    if (form.hasAttribute("data-busy")) return;
    form.setAttribute("data-busy", "");
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        if (!response.ok) throw new Error("not starred");
        return response.json();
      })
      .then(function (answer) {
        form.removeAttribute("data-busy");
        // Already changed on the server: never send it a second time.
        if (!update(button, answer.button)) return window.location.reload();
        status.textContent = answer.message;
      })
      .catch(function () {
        // Let the server's own page say what happened.
        form.removeAttribute("data-busy");
        form.submit();
      });
  });
})();
