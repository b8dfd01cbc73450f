// The offline page's crisis lines follow the country of the last page seen online.
// Every page drawn online carries its crisis-line country on <body> (the person's
// country, "" when unknown); it is remembered on this device only, never sent
// anywhere. The offline page, kept once by the service worker, carries every
// country's lines hidden and shows the remembered one (the unknown country's, the US
// lines and the directory, when none was seen), with the footer's words to match.
(function () {
  var KEY = "bs-crisis-country";
  var sections = document.querySelectorAll("[data-crisis-lines-for]");

  if (!sections.length) {
    var seen = document.body.getAttribute("data-crisis-country");
    if (seen === null) return; // an error page drawn without a request
    try { localStorage.setItem(KEY, seen); } catch (error) {}
    return;
  }

  var wanted = "";
  try { wanted = localStorage.getItem(KEY) || ""; } catch (error) {}
  var chosen = null;
  sections.forEach(function (section) {
    if (section.getAttribute("data-crisis-lines-for") === wanted) chosen = section;
  });
  if (!chosen) chosen = document.querySelector('[data-crisis-lines-for=""]');
  if (!chosen) return;
  sections.forEach(function (section) { section.hidden = section !== chosen; });

  var link = document.querySelector("[data-crisis-footer-link]");
  var note = document.querySelector("[data-crisis-footer-note]");
  if (link) link.textContent = chosen.getAttribute("data-footer-link");
  if (note) note.textContent = chosen.getAttribute("data-footer-note");
})();
