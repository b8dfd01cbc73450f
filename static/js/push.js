// Notifications on this device: ask the browser for a push subscription and hand it
// to the server (POST, with a fresh CSRF token), or take it back.
(function () {
  var box = document.querySelector("[data-push]");
  if (!box) return;
  var status = box.querySelector("[data-push-status]");
  var supported = "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
  box.hidden = false;
  if (!supported) {
    box.querySelectorAll("button").forEach(function (button) { button.hidden = true; });
    status.textContent = box.getAttribute("data-text-unsupported");
    return;
  }

  function keyBytes(base64) {
    var padded = (base64 + "===".slice((base64.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    var raw = atob(padded);
    return Uint8Array.from(raw, function (character) { return character.charCodeAt(0); });
  }

  function post(url, body) {
    return fetch("/accounts/csrf-token/", { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        return fetch(url, {
          method: "POST",
          credentials: "same-origin",
          headers: { "Content-Type": "application/json", "X-CSRFToken": answer.token },
          body: JSON.stringify(body),
        });
      })
      .then(function (response) {
        if (!response.ok) throw new Error("refused");
      });
  }

  function say(name) { status.textContent = box.getAttribute(name); }

  box.querySelector("[data-push-on]").addEventListener("click", function () {
    Notification.requestPermission().then(function (permission) {
      if (permission !== "granted") { say("data-text-denied"); return; }
      return navigator.serviceWorker.ready
        .then(function (registration) {
          return registration.pushManager.subscribe({
            userVisibleOnly: true,
            applicationServerKey: keyBytes(box.getAttribute("data-vapid-key")),
          });
        })
        .then(function (subscription) { return post(box.getAttribute("data-subscribe-url"), subscription.toJSON()); })
        .then(function () { say("data-text-on"); });
    }).catch(function () { say("data-text-failed"); });
  });

  box.querySelector("[data-push-off]").addEventListener("click", function () {
    navigator.serviceWorker.ready
      .then(function (registration) { return registration.pushManager.getSubscription(); })
      .then(function (subscription) {
        if (!subscription) return;
        var endpoint = subscription.endpoint;
        return subscription.unsubscribe().then(function () {
          return post(box.getAttribute("data-unsubscribe-url"), { endpoint: endpoint });
        });
      })
      .then(function () { say("data-text-off"); })
      .catch(function () { say("data-text-failed"); });
  });
})();
