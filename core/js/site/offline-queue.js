// Logging without a connection. A quick-log saved offline is kept on this device
// (IndexedDB) with its own uuid, the day it was written (its practice day) and a
// one-way hash of the account it was written in. It is sent when the connection
// returns, and on the next visit, only while the server says that same account is
// signed in: never into another person's journal, never dropped silently. The
// server's uuid rule makes a resend one entry.
//
// Who the account is comes only from the server, for the live session: the mark on
// a page no device keeps (data-account, absent from the public pages the service
// worker keeps, which another person may open offline later), or the answer of
// /accounts/csrf-token/. It is remembered in localStorage for offline use.
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

  function remembered() {
    try { return localStorage.getItem("bs-account") || ""; } catch (error) { return ""; }
  }

  // A mark is remembered; "" (the server says nobody is signed in here now) forgets
  // it, so a note written offline later never goes to whoever was signed in before.
  // What that account left waiting stays and is sent when it signs in again.
  function remember(account) {
    if (typeof account !== "string") return;
    try {
      if (account) localStorage.setItem("bs-account", account);
      else localStorage.removeItem("bs-account");
    } catch (error) {
      // Storage can be off (private browsing); the queue then waits for a page load.
    }
  }

  // The mark of a live page nobody keeps ("" when nobody is signed in); null on a
  // public page the worker may keep.
  var pageAccount = document.body.getAttribute("data-account");
  remember(pageAccount);

  function currentAccount() {
    return pageAccount || remembered();
  }

  // The live session, as the server sees it now (the answer is never kept).
  function askServer() {
    return fetch("/accounts/csrf-token/", {
      credentials: "same-origin", redirect: "manual", cache: "no-store",
    })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(); })
      .then(function (answer) {
        remember(answer.account);
        return answer;
      });
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

  // On a kept page, someone else may have signed in since the device last heard:
  // ask, when this device remembers an account or the page shows a signed-in menu.
  function mustAsk(ready) {
    if (ready.length) return true;
    return pageAccount === null &&
      (remembered() !== "" || document.querySelector("form[data-logout]") !== null);
  }

  function sendWaiting() {
    if (!navigator.onLine || !window.indexedDB) return Promise.resolve();
    return all().then(function (items) {
      var ready = items.filter(function (item) { return item.account && !item.problem; });
      if (!mustAsk(ready)) return;
      return askServer().then(function (answer) {
        // Sent only into the account the live session confirms.
        var mine = ready.filter(function (item) {
          return answer.account && item.account === answer.account;
        });
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
    var nobody = document.querySelector("[data-offline-nobody]");
    if (!currentAccount()) {
      // Nobody is known to be signed in on this device: there is no journal to
      // send it to, so nothing is kept; what was typed stays in the form.
      if (nobody) nobody.hidden = false;
      return;
    }
    if (nobody) nobody.hidden = true;
    keep(form).then(function () {
      form.reset();
      var saved = document.querySelector("[data-offline-saved]");
      if (saved) saved.hidden = false;
      return show();
    });
  });

  // Signing out (app.js): send what can be sent, then ask before deleting anything
  // of this account still waiting.
  document.addEventListener("bs:before-logout", function (event) {
    var form = event.detail.form;
    event.detail.waitUntil(sendWaiting()
      .then(waitingCount)
      .then(function (waiting) {
        if (waiting > 0) {
          var question = form.getAttribute("data-logout-question").replace("{n}", waiting);
          if (window.confirm(question)) return clear();
        }
      }));
  });

  window.addEventListener("online", sendWaiting);
  show();
  sendWaiting();
})();
