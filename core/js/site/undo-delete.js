// Delete an entry from its card with a few seconds to take it back.
// Nothing is sent until the time is up (or the page is left), so Undo restores the
// entry exactly as it was. Without JavaScript the link opens the confirm page.
(function () {
  var WAIT_MS = 8000;
  var root = document.documentElement;
  var pending = [];
  var toast = null;

  function csrfToken(card) {
    var input = card.querySelector("input[name=csrfmiddlewaretoken]") ||
      document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function showToast(text, buttonText, onUndo) {
    if (!toast) {
      toast = document.createElement("div");
      toast.className = "undo-toast";
      toast.setAttribute("role", "status");
      document.body.appendChild(toast);
    }
    toast.textContent = text + " ";
    if (buttonText) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "btn btn-sm btn-light";
      button.textContent = buttonText;
      button.addEventListener("click", onUndo);
      toast.appendChild(button);
      button.focus();
    }
    toast.hidden = false;
  }

  function hideToast() {
    if (toast) toast.hidden = true;
  }

  function send(item) {
    clearTimeout(item.timer);
    pending = pending.filter(function (other) { return other !== item; });
    var body = new URLSearchParams({ csrfmiddlewaretoken: item.token });
    return fetch(item.url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      keepalive: true,
      redirect: "manual",
    }).then(function () {
      item.card.remove();
      if (!pending.length) hideToast();
    }, function () {
      item.card.hidden = false;
      showToast(root.getAttribute("data-delete-failed-text") || "Not deleted.", "", null);
    });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-delete-entry]");
    if (!link) return;
    var card = link.closest("[data-entry-card]");
    if (!card || !window.fetch) return;
    event.preventDefault();
    var item = {
      url: link.getAttribute("data-delete-entry"),
      card: card,
      token: csrfToken(card),
    };
    card.hidden = true;
    item.timer = setTimeout(function () { send(item); }, WAIT_MS);
    pending.push(item);
    showToast(
      root.getAttribute("data-deleted-text") || "Entry deleted.",
      root.getAttribute("data-undo-text") || "Undo",
      function () {
        clearTimeout(item.timer);
        pending = pending.filter(function (other) { return other !== item; });
        card.hidden = false;
        var menu = card.querySelector(".entry-menu");
        if (menu) menu.open = false;
        hideToast();
        var summary = card.querySelector(".entry-menu summary");
        if (summary) summary.focus();
      }
    );
  });

  // Leaving the page keeps the promise: what was deleted is deleted.
  window.addEventListener("pagehide", function () {
    pending.slice().forEach(send);
  });
})();
