// Type-ahead for choosing a council: every <select data-typeahead> becomes GOV.UK's
// accessible-autocomplete (vendored in assets/vendor/, MIT). A page needs only the select and
//   <script src=".../assets/typeahead.js" defer></script>
// This file loads the library and its CSS itself, only when the page has such a select.
//
// The select stays in the form, hidden, and keeps its name and id: GET forms submit it and the
// page's own scripts read and set select.value as before (setting it redraws the text box).
// Choosing fires "change" on the select. Without JavaScript the plain select is the form.
//
// Matching: a council's or district's name (start of the name first, then the start of any
// word), then words anywhere in the option ("(Worcestershire)" finds its districts). A council
// option may carry data-typeahead-also="Burnley|Chorley|Preston": the districts in its area
// (data/districts.yaml), so typing "Preston" offers "Lancashire (Preston is in Lancashire)".
(function () {
  "use strict";

  var me = document.currentScript;
  if (!me || !document.querySelector("select[data-typeahead]")) return;
  var base = me.src.replace(/[^\/]*$/, "");          // .../assets/, wherever the site lives
  // Whole names: the build names each with its content's hash (?v=, macros/assets/versions.py), so
  // a page saved on a phone never meets a newer library after a deploy.
  var LIBRARY = "vendor/accessible-autocomplete/accessible-autocomplete.min.js";
  var LIBRARY_CSS = "vendor/accessible-autocomplete/accessible-autocomplete.min.css";
  var nativeValue = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, "value");

  function norm(s) {
    return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/&/g, " and ").replace(/['’.]/g, "").replace(/[^a-z0-9]+/g, " ").trim();
  }

  function escapeHTML(s) {
    return s.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
    });
  }

  function startsWord(haystack, q) { return (" " + haystack).indexOf(" " + q) !== -1; }

  function entriesOf(select) {
    return Array.prototype.filter.call(select.options, function (o) { return o.value; }).map(function (o, i) {
      var text = o.textContent.trim();
      return {
        value: o.value, text: text, order: i,
        name: norm(text.replace(/\s*\(.*\)$/, "")), all: norm(text),
        also: (o.getAttribute("data-typeahead-also") || "").split("|").filter(Boolean)
          .map(function (d) { return { name: d, n: norm(d) }; })
      };
    });
  }

  // What people type that the lists do not say: a council's official style ("Derby City
  // Council", "London Borough of Hackney") and the counties' common short forms ("Lancs").
  var STYLE = /\b(?:london borough of|royal borough of|metropolitan borough council|metropolitan district council|county council|city council|borough council|district council|council)\b/g;
  var SHORT = { hants: "hampshire", lancs: "lancashire", worcs: "worcestershire", glos: "gloucestershire",
    herts: "hertfordshire", bucks: "buckinghamshire", beds: "bedford", berks: "berkshire",
    cambs: "cambridgeshire", notts: "nottinghamshire", northants: "northamptonshire", oxon: "oxfordshire",
    staffs: "staffordshire", wilts: "wiltshire", leics: "leicestershire", lincs: "lincolnshire",
    derbys: "derbyshire", warks: "warwickshire" };
  function plain(query) {
    var q = norm(query), bare = q.replace(STYLE, " ").replace(/\s+/g, " ").trim();
    q = bare || q;
    return SHORT[q] || q;
  }

  // Best match per option: rank 0 name starts with the query, 1 a word of the name does,
  // 2 a district in its area does, 3 a word anywhere, 4 letters anywhere.
  function search(entries, query) {
    var q = plain(query);
    if (!q) return [];
    var found = [];
    entries.forEach(function (e) {
      var rank = e.name === q ? -1 : e.name.indexOf(q) === 0 ? 0 : startsWord(e.name, q) ? 1 : null;
      var via = null;
      if (rank === null) {
        e.also.some(function (d) { if (startsWord(d.n, q)) { via = d.name; return true; } return false; });
        if (via) rank = 2;
        else if (startsWord(e.all, q)) rank = 3;
        else if (e.all.indexOf(q) !== -1) rank = 4;
      }
      if (rank !== null) found.push({ entry: e, rank: rank, via: via });
    });
    return found.sort(function (a, b) { return a.rank - b.rank || a.entry.order - b.entry.order; });
  }

  function enhance(select) {
    if (select.hasAttribute("data-typeahead-done")) return;
    select.setAttribute("data-typeahead-done", "");
    var entries = entriesOf(select);
    var inputId = select.id + "-typeahead";
    var label = select.id && document.querySelector("label[for='" + select.id + "']");
    var hints = (select.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean)
      .map(function (id) { var h = document.getElementById(id); return h ? h.textContent.trim() : ""; })
      .filter(Boolean).join(" ");
    var holder = null, quiet = false, filling = null;

    function byText(text) {
      var n = norm(text || "");
      return n ? entries.filter(function (e) { return e.all === n; })[0] || null : null;
    }

    function current() {
      var v = nativeValue.get.call(select);
      return entries.filter(function (e) { return e.value === v; })[0] || null;
    }

    function choose(entry) {
      var value = entry ? entry.value : "";
      if (nativeValue.get.call(select) === value) return;
      nativeValue.set.call(select, value);
      quiet = true;
      select.dispatchEvent(new Event("change", { bubbles: true }));
      quiet = false;
    }

    function draw() {
      var fresh = document.createElement("div");
      fresh.className = "atlas-typeahead";
      if (holder) holder.parentNode.replaceChild(fresh, holder);
      else select.parentNode.insertBefore(fresh, select);
      holder = fresh;
      var chosen = current();
      window.accessibleAutocomplete({
        element: holder,
        id: inputId,
        name: "",                         // the hidden select is what the form sends
        autoselect: true,
        displayMenu: "overlay",           // over the page: nothing below moves while you click
        source: function (query, populate) {
          populate(filling ? [{ entry: filling, rank: 0, via: null }] : search(entries, query));
        },
        templates: {
          inputValue: function (r) { return r ? (typeof r === "string" ? r : r.entry.text) : ""; },
          suggestion: function (r) {
            if (typeof r === "string") return escapeHTML(r);
            return escapeHTML(r.entry.text) + (r.via ? " <span class=\"atlas-typeahead__via\">(" +
              escapeHTML(r.via) + " is in " + escapeHTML(r.entry.text) + ")</span>" : "");
          }
        },
        onConfirm: function (r) {
          if (r && typeof r !== "string") { say(""); choose(r.entry); return; }
          // Left without choosing from the list: keep what the box says, if it names an option;
          // if it names none, say so, rather than going on with no council chosen.
          window.setTimeout(function () {
            var input = document.getElementById(inputId);
            if (!input) return;
            var entry = byText(input.value);
            choose(entry);
            say(entry || !input.value.trim() ? "" : "Not chosen: type a few letters and pick a council from the list.");
          }, 0);
        },
        tNoResults: function () { return "No council or district matches"; },
        tAssistiveHint: function () {
          return (hints ? hints + " " : "") + "Type a few letters, then use the up and down arrows to review and Enter to choose.";
        }
      });
      // The current choice goes in as if typed and chosen (then Escape), not as the library's
      // defaultValue: that one reopens a one-line menu over the button below whenever the box
      // is focused, and tells a screen reader it is not a choice yet.
      if (chosen) {
        var input = document.getElementById(inputId);
        input.value = chosen.text;
        filling = chosen;
        input.dispatchEvent(new Event("input", { bubbles: true }));
        filling = null;
        var escape = new KeyboardEvent("keydown", { bubbles: true });
        Object.defineProperty(escape, "keyCode", { value: 27 });     // the library reads keyCode
        input.dispatchEvent(escape);
      }
    }

    // A message under the box, read out when it changes.
    var message = document.createElement("p");
    message.className = "atlas-typeahead__message";
    message.setAttribute("aria-live", "polite");
    select.parentNode.insertBefore(message, select.nextSibling);
    function say(text) { message.textContent = text; message.hidden = !text; }
    say("");

    var hadFocus = document.activeElement === select;
    draw();
    select.style.display = "none";
    if (hadFocus) document.getElementById(inputId).focus();
    if (label) label.htmlFor = inputId;
    // The page's own scripts set select.value (a shared link): show it in the text box too.
    Object.defineProperty(select, "value", {
      configurable: true,
      get: function () { return nativeValue.get.call(select); },
      set: function (v) { nativeValue.set.call(select, v); draw(); }
    });
    select.addEventListener("change", function () { if (!quiet) draw(); });
  }

  function enhanceAll() {
    if (!window.accessibleAutocomplete) return;
    Array.prototype.forEach.call(document.querySelectorAll("select[data-typeahead]"), enhance);
  }
  // enhance: for selects added later; load: for a script that shows a picker ("Change the councils").
  window.atlasTypeahead = { enhance: enhanceAll, load: load };

  function addCSS(href) {
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    document.head.appendChild(link);
  }

  // The library (19 KB gzipped) is fetched only once a picker is on screen: a shared link that
  // already names both councils shows their numbers with the pickers folded away, and a phone
  // short of data does not pay for a picker nobody opens (tests/browser/test_weight.py).
  var loading = false;
  function load() {
    if (loading) return;
    loading = true;
    addCSS(base + LIBRARY_CSS);
    addCSS(base + "typeahead.css");          // after the library's, so ours wins
    var lib = document.createElement("script");
    lib.src = base + LIBRARY;
    // After the page's scripts have set the selects from the URL (they run on DOMContentLoaded).
    lib.onload = function () {
      if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", function () { window.setTimeout(enhanceAll, 0); });
      } else {
        window.setTimeout(enhanceAll, 0);
      }
    };
    document.head.appendChild(lib);
  }
  function shown() {
    return Array.prototype.some.call(document.querySelectorAll("select[data-typeahead]"),
      function (s) { return s.getClientRects().length > 0; });
  }
  // Looked at now (a deferred script: the page is parsed and styled), then when a form is shown:
  // its `hidden`, `data-folded` or `open` changes, or <html> loses atlas-pair (atlasDom.fold).
  // Not every class change of the page: the theme changes classes as the page scrolls, and each
  // look measures the page. "Change the councils" (atlasDom.fold) calls load() itself.
  function watch() {
    if (shown()) { load(); return; }
    var seen = new MutationObserver(function () {
      if (loading || shown()) { seen.disconnect(); load(); }
    });
    seen.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
    seen.observe(document.body, { attributes: true, subtree: true, attributeFilter: ["hidden", "data-folded", "open"] });
  }
  watch();
})();
