// Letters: fill the blanks as you type, copy as plain text, print. Loaded only on letter pages.
// What is typed goes into the page with textContent (never as HTML) and is not sent or stored.
(function () {
  "use strict";

  function init() {
    var root = document.querySelector("[data-letter]");
    if (!root) return;
    var form = root.querySelector("[data-letter-form]");
    var actions = root.querySelector("[data-letter-actions]");
    var letter = root.querySelector("[data-letter-text]");
    var status = root.querySelector("[data-letter-status]");
    form.hidden = false;
    actions.hidden = false;
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    function fill(input) {
      var id = input.getAttribute("data-field"), value = input.value.trim();
      letter.querySelectorAll('[data-blank="' + id + '"]').forEach(function (blank) {
        blank.textContent = value || blank.getAttribute("data-placeholder");
        blank.classList.toggle("blank--filled", Boolean(value));
      });
    }
    form.querySelectorAll("[data-field]").forEach(function (input) {
      input.addEventListener("input", function () { fill(input); });
      fill(input);
    });

    root.querySelector("[data-copy-letter]").addEventListener("click", function () {
      if (!navigator.clipboard) {          // an http:// host, some in-app browsers
        status.textContent = "This browser cannot copy from here: select the letter and copy it by hand.";
        return;
      }
      navigator.clipboard.writeText(letter.innerText.replace(/\n{3,}/g, "\n\n").trim()).then(function () {
        status.textContent = "Copied. Paste it into your letter template.";
      }, function () {
        status.textContent = "Could not copy: select the letter and copy it by hand.";
      });
    });
    root.querySelector("[data-print]").addEventListener("click", function () { window.print(); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
