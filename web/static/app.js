// Lacuna's pages work without this file; it adds the Jalali date picker to date fields.
(function () {
  "use strict";
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
