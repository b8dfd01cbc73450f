// The installable app: register the service worker once the page has loaded (so it
// never competes with the first visit; never on a shared page, whose reader is not
// installing anything), and on log-out forget what the device kept (offline-queue.js
// keeps which account the queue belongs to).
(function () {
  if ("serviceWorker" in navigator && !document.body.hasAttribute("data-no-service-worker")) {
    window.addEventListener("load", function () {
      navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});
    });
  }

  function forgetPages() {
    if (navigator.serviceWorker && navigator.serviceWorker.controller) {
      navigator.serviceWorker.controller.postMessage({ type: "forget-pages" });
    }
    if (!window.caches) return Promise.resolve();
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf("bs-pages") === 0;
      }).map(function (name) { return caches.delete(name); }));
    });
  }

  // Pages kept for offline reading are in the old language: forget them on a switch.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches("[data-language-switch]") || form.dataset.cleared === "yes") return;
    event.preventDefault();
    forgetPages().catch(function () {}).then(function () {
      form.dataset.cleared = "yes";
      form.submit();
    });
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches("[data-logout]") || form.dataset.cleared === "yes") return;
    event.preventDefault();
    // Whatever must happen on this device before signing out (offline-queue.js sends
    // what it can and asks about the rest) hears "bs:before-logout" and hands its
    // promise to waitUntil, as in a service worker's install event. The kept pages
    // are forgotten once all of it is done (not if any of it failed); the sign-out
    // goes ahead either way.
    var waits = [];
    document.dispatchEvent(new CustomEvent("bs:before-logout", {
      detail: { form: form, waitUntil: function (promise) { waits.push(promise); } },
    }));
    Promise.all(waits)
      .then(forgetPages)
      .catch(function () {})
      .then(function () {
        try { localStorage.removeItem("bs-account"); } catch (error) {}
        form.dataset.cleared = "yes";
        form.submit();
      });
  });
})();
