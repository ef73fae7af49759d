// Lacuna's pages work without this file; it adds the Jalali date picker to date fields and the print
// buttons (CSP allows no inline script, so a button marks itself with data-print).
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-print]");
    if (button) window.print();
  });
  // The picker's year and month lists have no names of their own; a screen reader would announce two
  // bare lists. They are named whenever the picker draws them.
  function nameLists(root) {
    var names = { "jdp-year": "سال", "jdp-month": "ماه" };
    Object.keys(names).forEach(function (cls) {
      root.querySelectorAll("." + cls + " > select:not([aria-label])").forEach(function (select) {
        select.setAttribute("aria-label", names[cls]);
      });
    });
  }
  // The picker opens on a date field; it closes when the focus moves on (Tab to the next field) or on
  // Escape, so it never covers the rest of the form for someone using the keyboard.
  function onPicker(element) {
    return element && element.matches && (element.matches("[data-jdp]") || element.closest("jdp-container"));
  }
  function hidePicker(always) {
    var picker = window.jalaliDatepicker;
    if (!picker) return;
    picker.hide();
    // The picker finishes opening 300 ms after it starts and shows itself again then: close it once more.
    setTimeout(function () {
      if (always || !onPicker(document.activeElement)) picker.hide();
    }, 350);
  }
  document.addEventListener("focusin", function (event) {
    if (!onPicker(event.target)) hidePicker(false);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hidePicker(true);
  });
  // A form htmx replaced takes its date field, and the picker's reason to be open, with it.
  document.addEventListener("htmx:afterSwap", function () { hidePicker(true); });
  function start() {
    new MutationObserver(function () { nameLists(document); })
      .observe(document.body, { childList: true, subtree: true });
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
