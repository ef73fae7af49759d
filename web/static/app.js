// Lacuna's pages work without this file; it adds the Jalali date picker to date fields and the print
// buttons (CSP allows no inline script, so a button marks itself with data-print).
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-print]");
    if (button) window.print();
  });
  function start() {
    if (window.jalaliDatepicker) {
      window.jalaliDatepicker.startWatch({
        separatorChars: { date: "-" },
        persianDigits: true,
        autoShow: true,
        autoHide: true,
        hideAfterChange: true,
        date: true,
        time: false,
      });
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
