// Follow the device's light or dark preference. Loaded in <head> so the page never
// flashes the wrong colours; a static file, so the Content-Security-Policy stays strict.
(function () {
  var query = window.matchMedia("(prefers-color-scheme: dark)");
  function apply() {
    document.documentElement.setAttribute("data-bs-theme", query.matches ? "dark" : "light");
  }
  apply();
  query.addEventListener("change", apply);
})();
