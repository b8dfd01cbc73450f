// Between Sessions service worker. Rendered by core.views.service_worker so the
// precache list follows the static files' (hashed) names.
//
// Privacy: pages that hold journal text (/journal/, /accounts/, /share/, /admin/) are
// never cached; they come from the network or, offline, the offline page stands in.
const VERSION = "{{ version }}";
const STATIC_CACHE = "bs-static-" + VERSION;
const PAGE_CACHE = "bs-pages";
const OFFLINE_URL = "{{ offline_url }}";
const PRECACHE = [{% for url in precache %}"{{ url|escapejs }}", {% endfor %}OFFLINE_URL];
const PRIVATE = ["/journal/", "/accounts/", "/share/", "/admin/"];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(STATIC_CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(
        names.filter((name) => name.startsWith("bs-static-") && name !== STATIC_CACHE)
          .map((name) => caches.delete(name))
      ))
      .then(() => self.clients.claim())
  );
});

function isPrivate(url) {
  return PRIVATE.some((prefix) => url.pathname.startsWith(prefix));
}

// The language is part of the key: a page read in Spanish is not shown in English.
function pageKey(request) {
  const language = request.headers.get("Accept-Language") || "";
  return new Request(request.url + "#lang=" + language.split(",")[0]);
}

async function offlinePage() {
  return (await caches.match(OFFLINE_URL)) || Response.error();
}

async function networkFirst(request, { keep }) {
  try {
    const response = await fetch(request);
    if (keep && response.ok && response.type === "basic") {
      const cache = await caches.open(PAGE_CACHE);
      await cache.put(pageKey(request), response.clone());
    }
    return response;
  } catch (error) {
    if (keep) {
      const cached = await caches.match(pageKey(request));
      if (cached) return cached;
    }
    return offlinePage();
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // Guide pages a person has read stay readable offline; nothing private is kept.
    const keep = !isPrivate(url) && url.search === "";
    event.respondWith(networkFirst(request, { keep }));
    return;
  }
  if (url.pathname.startsWith("/static/")) {
    event.respondWith(
      caches.match(request).then((cached) => cached || fetch(request))
    );
  }
});

self.addEventListener("message", (event) => {
  // Logging out on a shared phone: forget every page this device kept.
  if (event.data && event.data.type === "forget-pages") {
    event.waitUntil(caches.delete(PAGE_CACHE));
  }
});

self.addEventListener("push", (event) => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch (error) {
    message = {};
  }
  event.waitUntil(
    self.registration.showNotification(message.title || "Between Sessions", {
      body: message.body || "",
      icon: "{{ icon_url|escapejs }}",
      data: { url: message.url || "/journal/" },
    })
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = (event.notification.data && event.notification.data.url) || "/journal/";
  event.waitUntil(self.clients.openWindow(target));
});
