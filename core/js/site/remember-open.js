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
