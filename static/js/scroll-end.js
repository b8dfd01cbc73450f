// Charts read left (oldest) to right (newest). On a narrow screen, start them scrolled
// to the newest end, where the person's recent practice is.
(function () {
  document.querySelectorAll("[data-scroll-end]").forEach(function (box) {
    box.scrollLeft = box.scrollWidth;
  });
})();
