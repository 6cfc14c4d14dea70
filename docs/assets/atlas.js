// Leaving Care Atlas: small enhancements. Every page works without this file.
// "Link" next to each paragraph number gains a "Copy link" button that copies the full URL.
(function () {
  "use strict";

  // The page scripts' DOM helper: this file runs before them (overrides/main.html). Text only.
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }
  function link(href, text) { var a = el("a", null, text); a.href = href; return a; }
  // A shared link already names both councils: their answer comes first and the form that
  // chose them waits behind one button (on a phone two pickers push the answer below the fold;
  // their type-ahead library is not fetched until the form is opened). Call it in the same
  // function that shows the form. Takes off atlas-pair, which hid such forms from first paint
  // (the inline script in overrides/main.html).
  function fold(form, named, focus) {
    document.documentElement.classList.remove("atlas-pair");
    if (!named) return;
    form.setAttribute("data-folded", "");
    var p = el("p", "atlas-change");
    var button = el("button", "md-button", "Change the councils");
    button.type = "button";
    p.appendChild(button);
    form.parentNode.insertBefore(p, form);
    button.addEventListener("click", function () {
      form.removeAttribute("data-folded");
      p.parentNode.removeChild(p);
      // The pickers' library waits until a picker is shown (typeahead.js): this is that moment.
      if (window.atlasTypeahead && window.atlasTypeahead.load) window.atlasTypeahead.load();
      if (focus) focus.focus();
    });
  }
  // Words from the address bar shown back on a page: without invisible or direction-changing
  // characters (a link's U+202E would turn round what follows), on one line, at most `max` long.
  var HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\u115f\u1160\u3164\uffa0\u034f]/gu;
  function plain(text, max) {
    text = String(text || "").replace(HIDDEN, "").replace(/\s+/g, " ").trim();
    max = max || 40;
    return text.length > max ? text.slice(0, max) + "…" : text;
  }

  // What a shared link asked for and this page cannot use is said above `before`, never dropped;
  // an empty text takes the notice away (the reader chose again).
  function linkNotice(before, text) {
    var old = before.previousElementSibling;
    if (old && old.classList.contains("atlas-link-notice")) old.parentNode.removeChild(old);
    if (!text) return;
    before.parentNode.insertBefore(el("p", "atlas-link-notice", text), before);
  }
  function quoted(values) { return values.map(function (v) { return "‘" + plain(v) + "’"; }).join(", "); }
  // A shared link's councils ([select, value] pairs) into their pickers: a value no picker offers
  // (a mistyped or old link, a slug we never had) is named above `before`. A district council where
  // only a council may be chosen (the responsible authority) is named too, with its county, which
  // is chosen instead: a councils-only picker's option lists its districts (data-districts, in the
  // order of data-typeahead-also's names, _typeahead.html). Returns the unknown values.
  function countyOf(select, key) {
    var found = null;
    Array.prototype.forEach.call(select.options, function (o) {
      var keys = (o.getAttribute("data-districts") || "").split(" "), at = keys.indexOf(key);
      if (!found && at !== -1) found = {option: o, name: (o.getAttribute("data-typeahead-also") || "").split("|")[at] || key};
    });
    return found;
  }
  function fromLink(pairs, before, more) {
    var unknown = [], served = [];
    pairs.forEach(function (pair) {
      var select = pair[0], value = pair[1];
      if (!select || !value) return;
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
      var county = known ? null : countyOf(select, value);
      if (known) select.value = value;
      else if (county) {
        select.value = county.option.value;
        served.push("This link names " + county.name + ", a district council: leaving care services there come from " +
          county.option.textContent.trim() + ", the county council, chosen below.");
      } else if (unknown.indexOf(value) === -1) unknown.push(value);
    });
    var words = unknown.length ? unknownWords(unknown) + " Choose " + (unknown.length > 1 ? "them" : "it") + " below." : "";
    linkNotice(before, served.concat([words, more || ""]).join(" ").trim());
    return unknown;
  }
  function unknownWords(unknown) {
    return "This link names " + (unknown.length > 1 ? "councils that are" : "a council that is") +
      " not in the list: " + quoted(unknown) + ".";
  }
  window.atlasDom = { el: el, link: link, fold: fold, plain: plain, linkNotice: linkNotice, fromLink: fromLink,
                      unknownWords: unknownWords, quoted: quoted };

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

  // Every prefilled message (a correction, an entry) gains a Copy button. It never throws: with no
  // clipboard, or when the browser refuses, it selects the text and says to copy it by hand.
  function selectText(node) {
    try {
      var range = document.createRange();
      range.selectNodeContents(node);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    } catch (e) { return false; }
  }
  function enhanceCopyMessages(root) {
    Array.prototype.forEach.call(root.querySelectorAll("pre[data-copy-text]"), function (pre) {
      if (pre.dataset.enhanced) return;
      pre.dataset.enhanced = "yes";
      var button = el("button", "md-button copy-message", "Copy the message");
      button.type = "button";
      var status = el("span", "copy-status");
      status.setAttribute("role", "status");
      var byHand = "Select the message below and copy it by hand (Ctrl+C, or press and hold on a phone).";
      function say(text) { status.textContent = text; }
      function fallback() {
        var copied = false;
        if (selectText(pre)) {
          try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
        }
        say(copied ? "Copied: paste it into your message." : "Could not copy here: the message below is selected. " + byHand);
      }
      button.addEventListener("click", function () {
        var text = pre.textContent;
        try {
          if (navigator.clipboard && navigator.clipboard.writeText) {
            navigator.clipboard.writeText(text).then(function () {
              say("Copied: paste it into your message.");
            }, fallback);
            return;
          }
        } catch (e) { /* a clipboard that throws: fall back below */ }
        fallback();
      });
      var bar = el("p", "copy-bar");
      bar.appendChild(button);
      bar.appendChild(status);
      pre.parentNode.insertBefore(bar, pre);
    });
  }

  // The theme's menu button is a <label> for a hidden checkbox, which the keyboard cannot reach
  // (and ARIA allows no role on a <label>). A real button takes its place and works the checkbox.
  function keyboardMenu() {
    var toggle = document.getElementById("__drawer");
    var label = document.querySelector("label.md-header__button[for='__drawer']");
    if (!toggle || !label || label.dataset.enhanced) return;
    label.dataset.enhanced = "yes";
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " atlas-menu-button";
    button.innerHTML = label.innerHTML;        // the theme's own icon
    button.setAttribute("aria-label", "Menu");
    button.setAttribute("aria-expanded", String(toggle.checked));
    button.addEventListener("click", function () {
      toggle.checked = !toggle.checked;
      toggle.dispatchEvent(new Event("change"));
    });
    toggle.addEventListener("change", function () { button.setAttribute("aria-expanded", String(toggle.checked)); });
    label.insertAdjacentElement("afterend", button);
    label.hidden = true;
  }

  // The theme's "Back to top" button (navigation.top): shown while scrolling up, away from the top.
  function backToTop() {
    var top = document.querySelector(".md-top");
    if (!top || top.dataset.enhanced) return;
    top.dataset.enhanced = "yes";
    var last = 0;      // not window.scrollY here: reading it would force a layout while the page loads
    window.addEventListener("scroll", function () {
      var y = window.scrollY;
      top.hidden = !(y < last && y > 400);
      last = y;
    }, {passive: true});
    top.addEventListener("click", function () {
      top.hidden = true;
      top.blur();
      window.scrollTo({top: 0});
    });
  }

  // Offline after one visit (docs/sw.js, at the site root so it serves every page). Only over
  // http(s); the first page was loaded before the worker ran, so it is asked to keep this one.
  var script = document.currentScript;
  function registerOffline() {
    if (!/^https?:$/.test(location.protocol) || !("serviceWorker" in navigator) || !script) return;
    var ready = navigator.serviceWorker.register(new URL("../sw.js", script.src).href)
      .then(function () { return navigator.serviceWorker.ready; });
    ready.catch(function () {});          // no worker (private mode, file://): the site still works
    function keep(paths) {
      ready.then(function (reg) { if (reg.active && paths.length) reg.active.postMessage({keep: paths}); })
        .catch(function () {});
    }
    if (navigator.serviceWorker.controller) return;      // this page came through the worker: kept
    // With its query (a shared link), so the worker finds it in the browser's cache and does not
    // download the page again; the worker stores it by path alone.
    keep([location.pathname + location.search]);
    // ... with the councils' cards it fetches (data/councils/<slug>.json), from the browser's cache.
    if (!window.PerformanceObserver) return;
    new PerformanceObserver(function (list) {
      keep(list.getEntries().map(function (e) { return e.name; }).filter(function (u) {
        return u.indexOf(location.origin) === 0 && /\/data\/[^?#]*\.json$/.test(u);
      }));
    }).observe({type: "resource", buffered: true});
  }

  // A page shown from the phone's copy says so, and how old it is (the worker marks <html>).
  function offlineNotice() {
    var saved = new Date(document.documentElement.getAttribute("data-atlas-saved") || "x");
    var main = document.querySelector(".md-content__inner");
    if (isNaN(saved) || !main || document.getElementById("atlas-offline")) return;
    var notice = document.createElement("div");
    notice.id = "atlas-offline";
    notice.className = "admonition warning atlas-offline";
    notice.setAttribute("role", "status");
    // At the top of the page; opened at a part of it (#para-9-3), just before that part, so the
    // reader sees both (m9): inside a list, a table, a disclosure, a line or a grid (a paragraph's
    // number and its link side by side), before the whole of it, where a block stands alone.
    var part = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    var at = part && main.contains(part) && part !== main ? part : main.firstChild;
    function inside(node) {
      return /^(UL|OL|DL|TABLE|THEAD|TBODY|TFOOT|TR|DETAILS|P|H[1-6])$/.test(node.tagName) ||
        !/^(block|flow-root)$/.test(getComputedStyle(node).display);
    }
    while (at !== main.firstChild && at.parentNode !== main && inside(at.parentNode)) at = at.parentNode;
    at.parentNode.insertBefore(notice, at);
    // In the flow of the page, never over it (a banner over the page can hide what has focus,
    // WCAG 2.4.11). But a reload puts the page back where it was read, at times after this runs
    // and up to the end of loading, and so the notice off the screen (m9 of the December
    // review): until a second after the page has loaded, while the reader has not yet touched,
    // scrolled or keyed, a scroll that hides the notice brings it back under the header: the
    // page's top, or the part the address asks for, the notice just above it.
    var header = document.querySelector(".md-header"), moved = false;
    var touched = ["wheel", "touchstart", "keydown", "pointerdown"];
    function reader() { moved = true; }
    function keep() {
      if (moved) return;
      var under = header ? header.getBoundingClientRect().bottom : 0;
      var box = notice.getBoundingClientRect();
      if (box.top >= under && box.bottom <= window.innerHeight) return;
      if (at === main.firstChild) window.scrollTo(0, 0);
      else window.scrollBy(0, box.top - under - 8);
    }
    function settled() {
      setTimeout(function () {
        window.removeEventListener("scroll", keep);
        touched.forEach(function (type) { window.removeEventListener(type, reader); });
      }, 1000);
    }
    touched.forEach(function (type) { window.addEventListener(type, reader, {passive: true}); });
    window.addEventListener("scroll", keep, {passive: true});
    keep();
    if (document.readyState === "complete") settled(); else window.addEventListener("load", settled, {once: true});
    setTimeout(function () {   // filled after insertion, so screen readers announce it
      notice.appendChild(document.createElement("p")).textContent = "You are offline: this is the copy saved on your phone on " +
        saved.toLocaleDateString("en-GB", {day: "numeric", month: "long", year: "numeric"}) +
        ". Phone numbers may have changed.";
    }, 50);
  }
  registerOffline();

  // Material may swap page content without a reload (instant navigation): re-run on each page.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { enhanceCopyLinks(document); enhanceCopyMessages(document); keyboardMenu(); backToTop(); offlineNotice(); });
  } else {
    document.addEventListener("DOMContentLoaded", function () { enhanceCopyLinks(document); enhanceCopyMessages(document); keyboardMenu(); backToTop(); offlineNotice(); });
  }
})();
