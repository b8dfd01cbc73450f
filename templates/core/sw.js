// Between Sessions service worker. Rendered by core.views.service_worker so the
// precache list follows the static files' (hashed) names.
//
// Privacy: the server decides what this device may keep. A page is kept for offline
// reading only if its answer carries "{{ keep_header }}: {{ keep_value }}" (public pages
// only: the guide, home, help, privacy, the offline page), whatever its address says:
// /%6Aournal/ is /journal/ to the server. Everything else (journal, account, shared
// pages) comes from the network or, offline, the offline page stands in.
const VERSION = "{{ version }}";
const STATIC_CACHE = "bs-static-" + VERSION;
const PAGE_CACHE = "bs-pages";
const OFFLINE_URL = "{{ offline_url }}";
const PRECACHE = [{% for url in precache %}"{{ url|escapejs }}", {% endfor %}OFFLINE_URL];
const KEEP_HEADER = "{{ keep_header }}";
const KEEP_VALUE = "{{ keep_value }}";
// Only an extra refusal, never the reason a page is kept.
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
      .then(forgetUnmarkedPages)
      .then(() => self.clients.claim())
  );
});

function decodedPath(url) {
  try {
    return decodeURIComponent(url.pathname);
  } catch (error) {
    return url.pathname;
  }
}

function isPrivate(url) {
  const path = decodedPath(url);
  return PRIVATE.some((prefix) => path.startsWith(prefix));
}

function mayKeep(url, response) {
  return (
    response.status === 200 &&
    response.type === "basic" &&
    response.headers.get(KEEP_HEADER) === KEEP_VALUE &&
    new URL(response.url || url.href).origin === self.location.origin &&
    url.search === "" &&
    !isPrivate(url)
  );
}

// Pages an older worker kept by their address alone may not be the server's to keep
// (a private page reached by an encoded address, a page marked with who was signed
// in): forget every kept page the server did not mark.
async function forgetUnmarkedPages() {
  const cache = await caches.open(PAGE_CACHE);
  const requests = await cache.keys();
  await Promise.all(requests.map(async (request) => {
    const response = await cache.match(request);
    if (!response || response.headers.get(KEEP_HEADER) !== KEEP_VALUE) {
      await cache.delete(request);
    }
  }));
}

// The language is part of the key: a page read in Spanish is not shown in English.
function pageKey(request) {
  const language = request.headers.get("Accept-Language") || "";
  return new Request(request.url + "#lang=" + language.split(",")[0]);
}

async function offlinePage() {
  return (await caches.match(OFFLINE_URL)) || Response.error();
}

async function networkFirst(request, url) {
  try {
    const response = await fetch(request);
    if (mayKeep(url, response)) {
      const cache = await caches.open(PAGE_CACHE);
      await cache.put(pageKey(request), response.clone());
    }
    return response;
  } catch (error) {
    const cached = await caches.match(pageKey(request), { cacheName: PAGE_CACHE });
    if (cached && cached.headers.get(KEEP_HEADER) === KEEP_VALUE) return cached;
    return offlinePage();
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // Public pages a person has read stay readable offline; nothing private is kept.
    event.respondWith(networkFirst(request, url));
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
