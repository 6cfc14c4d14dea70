// Leaving Care Atlas: small enhancements. Every page works without this file.
// "Link" next to each paragraph number gains a "Copy link" button that copies the full URL.
(function () {
  "use strict";

  function enhanceCopyLinks(root) {
    var links = root.querySelectorAll("a[data-copy-link]");
    Array.prototype.forEach.call(links, function (link) {
      if (link.dataset.enhanced || !navigator.clipboard) return;
      link.dataset.enhanced = "yes";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-link";
      var label = link.querySelector(".visually-hidden");
      button.innerHTML = "Copy link<span class=\"visually-hidden\"></span>";
      button.querySelector("span").textContent = label ? label.textContent : "";
      var status = document.createElement("span");
      status.className = "copy-status";
      status.setAttribute("role", "status");
      button.addEventListener("click", function () {
        var url = new URL(link.getAttribute("href"), window.location.href).href;
        navigator.clipboard.writeText(url).then(function () {
          status.textContent = "Link copied";
          setTimeout(function () { status.textContent = ""; }, 4000);
        }, function () {
          status.textContent = "Could not copy: use the Link instead";
        });
      });
      link.insertAdjacentElement("afterend", status);
      link.insertAdjacentElement("afterend", button);
    });
  }

  // Material may swap page content without a reload (instant navigation): re-run on each page.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { enhanceCopyLinks(document); });
  } else {
    document.addEventListener("DOMContentLoaded", function () { enhanceCopyLinks(document); });
  }
})();
