// The safety plan kept on this device, only when the person chose "keep my plan on
// this phone" (safety-plan.js writes it). It is drawn at the top of the offline
// page and of the help page as a device keeps it, so it opens with no connection.
//
// It belongs to the account that kept it (the same one-way mark as the offline
// queue) and is forgotten: on log-out here; on any live page (one that carries
// data-account) of another account or of nobody; and on a kept page opened online
// when /accounts/csrf-token/ names another account or none (signed out elsewhere,
// a reset, an erasure: the phone is never told, so it asks). Clear-Site-Data is not
// used for this: it would also drop entries still waiting to send.
(function () {
  var KEY = "bs-safety-plan";

  function read() {
    try {
      var kept = JSON.parse(localStorage.getItem(KEY) || "null");
      return kept && kept.account && kept.plan ? kept : null;
    } catch (error) {
      return null;
    }
  }

  function forget() {
    try { localStorage.removeItem(KEY); } catch (error) {}
    var box = document.querySelector("[data-kept-plan]");
    if (box) box.hidden = true;
  }

  function element(name, className, text) {
    var made = document.createElement(name);
    if (className) made.className = className;
    if (text) made.textContent = text;
    return made;
  }

  function contactLine(contact, labels) {
    var line = element("li", "plan-contact");
    line.appendChild(element("span", "plan-contact-name", contact.name));
    if (contact.phone) {
      var phone = element("span", "plan-contact-phone", contact.phone);
      phone.dir = "ltr";
      line.appendChild(document.createTextNode(" "));
      line.appendChild(phone);
    }
    if (contact.dial) {
      var actions = element("span", "plan-contact-actions");
      [["tel:", labels.call], ["sms:", labels.text]].forEach(function (pair) {
        var link = element("a", "btn btn-outline-primary", pair[1]);
        link.href = pair[0] + contact.dial;
        var who = element("span", "visually-hidden", " " + contact.name);
        link.appendChild(who);
        actions.appendChild(link);
        actions.appendChild(document.createTextNode(" "));
      });
      line.appendChild(actions);
    }
    return line;
  }

  // Everything is drawn with textContent: the person's words never become markup.
  function show(kept) {
    var box = document.querySelector("[data-kept-plan]");
    if (!box) return;
    var holder = box.querySelector("[data-kept-plan-steps]");
    holder.textContent = "";
    var labels = kept.plan.labels || {};
    (kept.plan.steps || []).forEach(function (step) {
      var section = element("section", "plan-step");
      var title = element("h3", "plan-step-title h5");
      if (step.number) {
        title.appendChild(element("span", "plan-step-number", String(step.number)));
        title.appendChild(document.createTextNode(" "));
      }
      title.appendChild(document.createTextNode(step.title));
      section.appendChild(title);
      var list = element("ul", "plan-items");
      (step.items || []).forEach(function (item) {
        list.appendChild(typeof item === "string"
          ? element("li", "", item)
          : contactLine(item, labels));
      });
      section.appendChild(list);
      holder.appendChild(section);
    });
    box.hidden = false;
  }

  function askServer() {
    return fetch("/accounts/csrf-token/", {
      credentials: "same-origin", redirect: "manual", cache: "no-store",
    }).then(function (response) { return response.ok ? response.json() : Promise.reject(); });
  }

  function check() {
    var kept = read();
    if (!kept) return;
    var pageAccount = document.body.getAttribute("data-account");
    if (pageAccount !== null) {
      // A live page: the server says who is signed in here now ("" for nobody).
      if (pageAccount !== kept.account) forget();
      else show(kept);
      return;
    }
    if (!navigator.onLine) {
      show(kept);
      return;
    }
    askServer().then(function (answer) {
      if (answer.account !== kept.account) forget();
      else show(kept);
    }, function () {
      // The server cannot be asked (no connection after all, or it is down): the
      // plan is what this page is for, so it shows.
      show(kept);
    });
  }

  document.addEventListener("bs:before-logout", function () { forget(); });
  // The plan page (safety-plan.js) keeps and forgets through these events.
  document.addEventListener("bs:keep-plan", function (event) {
    localStorage.setItem(KEY, JSON.stringify(event.detail));
  });
  document.addEventListener("bs:forget-plan", function () { forget(); });
  document.addEventListener("bs:ask-kept-plan", function (event) {
    event.detail.answer(read());
  });
  check();
})();
