// The site's own scripts, one file so a first visit costs one request: each part
// below is a small self-contained block that acts only where its data-* hooks are.

// ---- app ----
// The installable app: register the service worker once the page has loaded (so it
// never competes with the first visit; never on a shared page, whose reader is not
// installing anything), remember which account this device is signed in to (a
// one-way hash, for the offline queue), and on log-out forget what the device kept.
(function () {
  var account = document.body.getAttribute("data-account");
  try {
    if (account) {
      localStorage.setItem("bs-account", account);
    }
  } catch (error) {
    // Storage can be off (private browsing); the queue then waits for a page load.
  }

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
    var queue = window.BetweenSessionsQueue;
    var ready = queue ? queue.sendWaiting() : Promise.resolve();
    ready
      .then(function () { return queue ? queue.waitingCount() : 0; })
      .then(function (waiting) {
        if (waiting > 0 && queue) {
          var question = form.getAttribute("data-logout-question").replace("{n}", waiting);
          if (window.confirm(question)) return queue.clear();
        }
      })
      .then(forgetPages)
      .catch(function () {})
      .then(function () {
        try { localStorage.removeItem("bs-account"); } catch (error) {}
        form.dataset.cleared = "yes";
        form.submit();
      });
  });
})();

// ---- offline-queue ----
// Logging without a connection. A quick-log saved offline is kept on this device
// (IndexedDB) with its own uuid, the day it was written (its practice day) and a
// one-way hash of the account it was written in. It is sent when the connection
// returns, and on the next visit, only while that same account is signed in: never
// into another person's journal, never dropped silently. The server's uuid rule
// makes a resend one entry.
(function () {
  var DATABASE = "between-sessions";
  var STORE = "waiting";

  function openDatabase() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DATABASE, 1);
      request.onupgradeneeded = function () {
        request.result.createObjectStore(STORE, { keyPath: "uuid" });
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function withStore(mode, work) {
    return openDatabase().then(function (database) {
      return new Promise(function (resolve, reject) {
        var transaction = database.transaction(STORE, mode);
        var result = work(transaction.objectStore(STORE));
        transaction.oncomplete = function () { resolve(result && result.result); };
        transaction.onerror = function () { reject(transaction.error); };
      });
    });
  }

  function all() {
    return withStore("readonly", function (store) { return store.getAll(); });
  }

  function currentAccount() {
    var fromPage = document.body.getAttribute("data-account");
    if (fromPage) return fromPage;
    try { return localStorage.getItem("bs-account") || ""; } catch (error) { return ""; }
  }

  function localDay(date) {
    var month = String(date.getMonth() + 1).padStart(2, "0");
    var day = String(date.getDate()).padStart(2, "0");
    return date.getFullYear() + "-" + month + "-" + day;
  }

  function keep(form) {
    var fields = {};
    new FormData(form).forEach(function (value, name) {
      if (name !== "csrfmiddlewaretoken" && name !== "return_to") fields[name] = value;
    });
    var now = new Date();
    var item = {
      uuid: crypto.randomUUID(),
      account: currentAccount(),
      written_at: now.toISOString(),
      fields: fields,
      skill_label: (form.querySelector("input[name=skill]:checked + label") || {}).textContent || "",
    };
    item.fields.uuid = item.uuid;
    item.fields.practiced_on = localDay(now);
    return withStore("readwrite", function (store) { return store.put(item); });
  }

  function sendOne(item, token) {
    var body = new URLSearchParams(item.fields);
    return fetch("/journal/entries/new/", {
      method: "POST",
      credentials: "same-origin",
      redirect: "manual",
      headers: {
        "Accept": "application/json",
        "X-CSRFToken": token,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: body,
    }).then(function (response) {
      if (response.status === 201) {
        return withStore("readwrite", function (store) { return store.delete(item.uuid); });
      }
      if (response.status === 400) {
        return response.json().then(function (answer) {
          item.problem = Object.values(answer.errors || {}).flat().join(" ");
          return withStore("readwrite", function (store) { return store.put(item); });
        });
      }
      // Signed out (a redirect to log in) or the server is away: keep waiting.
      throw new Error("not sent");
    });
  }

  function sendWaiting() {
    var account = document.body.getAttribute("data-account");
    if (!navigator.onLine || !account || !window.indexedDB) return Promise.resolve();
    return all().then(function (items) {
      var mine = items.filter(function (item) { return item.account === account && !item.problem; });
      if (!mine.length) return;
      return fetch("/accounts/csrf-token/", { credentials: "same-origin", redirect: "manual" })
        .then(function (response) { return response.ok ? response.json() : Promise.reject(); })
        .then(function (answer) {
          return mine.reduce(function (chain, item) {
            return chain.then(function () { return sendOne(item, answer.token); });
          }, Promise.resolve());
        });
    }).catch(function () {}).then(show);
  }

  function waitingCount() {
    var account = currentAccount();
    return all().then(function (items) {
      return items.filter(function (item) { return item.account === account; }).length;
    }).catch(function () { return 0; });
  }

  function clear() {
    var account = currentAccount();
    return all().then(function (items) {
      return withStore("readwrite", function (store) {
        items.forEach(function (item) {
          if (item.account === account) store.delete(item.uuid);
        });
      });
    });
  }

  function show() {
    var box = document.querySelector("[data-offline-queue]");
    if (!box || !window.indexedDB) return Promise.resolve();
    return all().then(function (items) {
      var account = currentAccount();
      var mine = items.filter(function (item) { return item.account === account; });
      var list = box.querySelector("ul");
      list.textContent = "";
      mine.forEach(function (item) {
        var line = document.createElement("li");
        line.textContent = (item.skill_label || "").trim() + " · " +
          (item.problem || box.getAttribute("data-waiting-text"));
        list.appendChild(line);
      });
      box.hidden = mine.length === 0;
    }).catch(function () {});
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches("[data-offline-form]")) return;
    var mustQueue = !navigator.onLine || form.hasAttribute("data-always-queue");
    if (!mustQueue || !window.indexedDB || !window.crypto || !crypto.randomUUID) return;
    event.preventDefault();
    keep(form).then(function () {
      form.reset();
      var saved = document.querySelector("[data-offline-saved]");
      if (saved) saved.hidden = false;
      return show();
    });
  });

  window.addEventListener("online", sendWaiting);
  window.BetweenSessionsQueue = { sendWaiting: sendWaiting, waitingCount: waitingCount, clear: clear };
  show();
  sendWaiting();
})();

// ---- length-counter ----
// A quiet count under a text field once it nears its limit, so nothing is ever cut
// off silently: the browser's own maxlength is removed by the server (core/forms.py),
// and a too-long text gets the server's message beside the field when sent.
(function () {
  var fields = document.querySelectorAll("[data-max-length]");
  var shownFrom = 0.8;
  fields.forEach(function (field) {
    var limit = parseInt(field.getAttribute("data-max-length"), 10);
    if (!limit) return;
    var counter = document.createElement("p");
    counter.className = "form-text length-counter";
    counter.id = field.id + "_counter";
    counter.setAttribute("aria-live", "polite");
    counter.hidden = true;
    field.insertAdjacentElement("afterend", counter);
    var template = document.documentElement.getAttribute("data-counter-text") ||
      "{count} of {limit} characters";
    var overTemplate = document.documentElement.getAttribute("data-counter-over-text") ||
      "{count} of {limit} characters: please shorten it a little";
    function update() {
      var count = field.value.length;
      if (count < limit * shownFrom) {
        counter.hidden = true;
        return;
      }
      var text = (count > limit ? overTemplate : template)
        .replace("{count}", count.toLocaleString())
        .replace("{limit}", limit.toLocaleString());
      counter.textContent = text;
      counter.hidden = false;
      counter.classList.toggle("is-over", count > limit);
    }
    field.addEventListener("input", update);
    update();
  });
})();

// ---- remember-open ----
// A disclosure the person opened stays open on their next visit ("More detail").
(function () {
  document.querySelectorAll("details[data-remember-open]").forEach(function (details) {
    var key = "open:" + details.getAttribute("data-remember-open");
    try {
      if (window.localStorage.getItem(key) === "1") details.open = true;
    } catch (error) {
      return; // storage off: the disclosure simply starts closed
    }
    details.addEventListener("toggle", function () {
      try {
        window.localStorage.setItem(key, details.open ? "1" : "0");
      } catch (error) {
        /* nothing to remember with */
      }
    });
  });
})();

// ---- undo-delete ----
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

// ---- show-more ----
// Long notes in lists show their first three lines, with "Show more" to read on.
// Without JavaScript (or when a note is short) the whole note simply shows.
(function () {
  var root = document.documentElement;
  var more = root.getAttribute("data-show-more-text") || "Show more";
  var less = root.getAttribute("data-show-less-text") || "Show less";
  document.querySelectorAll(".entry-list .entry-note").forEach(function (note, index) {
    note.classList.add("is-clamped");
    if (note.scrollHeight <= note.clientHeight + 1) {
      note.classList.remove("is-clamped");
      return;
    }
    if (!note.id) note.id = "entry-note-" + index;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "btn btn-link btn-sm show-more p-0 mb-2";
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", note.id);
    button.textContent = more;
    button.addEventListener("click", function () {
      var open = note.classList.toggle("is-clamped") === false;
      button.setAttribute("aria-expanded", open ? "true" : "false");
      button.textContent = open ? less : more;
    });
    note.insertAdjacentElement("afterend", button);
  });
})();

// ---- password-rules ----
// The password rules tick themselves off as the person types, instead of greeting
// them as a wall of text. Without JavaScript the list simply stays visible.
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
    list.hidden = !input.value;
    function update() {
      list.hidden = false;
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

// ---- form-focus ----
// After a form comes back with errors, move focus to the first field that needs
// attention, so keyboard and screen-reader users land right where the message is.
(function () {
  var target =
    document.querySelector("[data-focus-on-load]") ||
    document.querySelector("form .is-invalid, form [aria-invalid='true']");
  if (!target) return;
  var details = target.closest("details");
  if (details) details.open = true;
  target.focus();
})();

// ---- once-submit ----
// Disable the Save button once a form is sent, so a double tap sends it only once.
// The server recognises a re-sent form anyway; this just keeps the page calm.
(function () {
  document.querySelectorAll("form[data-once-submit]").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("button[type=submit]").forEach(function (button) {
        window.setTimeout(function () { button.disabled = true; }, 0);
      });
    });
  });
})();
