// Local offers: "what applies to me", compare, and sortable tables. Loaded only on those pages.
// Without this file each page still works: a static page per council, and a table per kind of
// help. A council's data (/data/offers/<key>.json) is fetched only when it is chosen.
// Data is only ever inserted as text, never as HTML.
(function () {
  "use strict";

  var AREAS = ["Health and well-being", "Relationships", "Education and training", "Employment",
    "Accommodation", "Participation in society"];
  var cache = {};

  var el = window.atlasDom.el, link = window.atlasDom.link;   // atlas.js, which runs first
  // A source on an http:// page is named, not linked: the site links out only to https pages.
  function sourceLink(href, text) {
    return /^http:/.test(href) ? el("span", "offer-insecure", text + " (" + href + "; not a secure page, so not linked)") : link(href, text);
  }
  function upperFirst(s) { return s.charAt(0).toUpperCase() + s.slice(1); }

  function load(base, key) {
    if (!cache[key]) {
      cache[key] = fetch(base + "data/offers/" + key + ".json").then(function (r) {
        if (!r.ok) throw new Error(key);
        return r.json();
      });
    }
    return cache[key];
  }

  function sourceHref(base, src) { return src.external === false ? base + src.href : src.href; }

  function itemLi(base, rec) {
    var li = el("li", "offer-item");
    var line = el("p", "offer-line");
    line.appendChild(el("strong", null, rec.name));
    line.appendChild(document.createTextNode(": " + rec.value + ", " + rec.ages + "."));
    if (rec.disagree) { line.appendChild(document.createTextNode(" ")); line.appendChild(el("strong", "offer-flag", "Sources disagree.")); }
    li.appendChild(line);
    var who = rec.who ? rec.who + (rec.applies_to !== "not stated" ? " (" + rec.applies_to + ")" : "") : rec.applies_to;
    li.appendChild(el("p", "offer-who", "Who it is for: " + who + "."));
    if (rec.note) li.appendChild(el("p", "offer-note", rec.note));
    var meta = el("p", "offer-meta", upperFirst(rec.provenance));
    if (rec.due || rec.undated) {
      meta.appendChild(document.createTextNode(" · "));
      meta.appendChild(el("strong", "offer-due", rec.due ? "due for review" : "undated: check it"));
    }
    meta.appendChild(document.createTextNode(" · Source: "));
    meta.appendChild(sourceLink(sourceHref(base, rec.source), rec.source.title));
    li.appendChild(meta);
    rec.others.forEach(function (o) {
      var p = el("p", "offer-other", (rec.disagree ? "Another source" : "Also") + " (" + o.provenance + ") says " +
        o.value + ", " + o.ages + ": ");
      p.appendChild(sourceLink(/^https?:/.test(o.source.href) ? o.source.href : base + o.source.href, o.source.title));
      li.appendChild(p);
    });
    if (rec.conditions) li.appendChild(el("p", "offer-conditions hint", "Note: " + rec.conditions));
    return li;
  }

  function itemList(base, recs) {
    var ul = el("ul", "offer-list");
    recs.forEach(function (r) { ul.appendChild(itemLi(base, r)); });
    return ul;
  }

  // The council's own local offer page (op, from the place's JSON), linked or named as the static pages do.
  function pageLink(op, text) { return op.linkable ? link(op.url, text) : el("span", null, text + " (" + op.url + "; not a secure page, so not linked)"); }

  // "see X's local offer" (or "look on X's website" where no page was found): never a bare "not known".
  function seeOffer(node, name, website, op) {
    if (op && op.url) {
      node.appendChild(document.createTextNode("see "));
      node.appendChild(pageLink(op, name + "’s local offer"));
    } else {
      node.appendChild(document.createTextNode("look on "));
      node.appendChild(link(website, name + "’s website"));
    }
    return node;
  }

  function offerPage(name, website, op) {
    var p = el("p", "offer-page");
    if (op && op.url) {
      p.appendChild(el("strong", null, name + "’s own local offer"));
      p.appendChild(document.createTextNode(": "));
      p.appendChild(pageLink(op, op.title));
      p.appendChild(document.createTextNode(". "));
      p.appendChild(el("span", "hint", op.words));
    } else if (op && op.searched) {
      p.className += " offer-missing";
      p.appendChild(el("strong", null, name + "’s own local offer page: not found yet."));
      p.appendChild(document.createTextNode(" Look on "));
      p.appendChild(link(website, name + "’s website"));
      p.appendChild(document.createTextNode(" for “care leavers local offer”. Or ask your personal adviser for it."));
    }
    return p;
  }

  function notKnown(name, website, what, op) {
    var p = el("p", "offer-missing");
    p.appendChild(document.createTextNode(what + " "));
    p.appendChild(el("strong", null, "not on this site yet"));
    p.appendChild(document.createTextNode(". That does not mean nothing: "));
    seeOffer(p, name, website, op);
    p.appendChild(document.createTextNode("."));
    return p;
  }

  function section(id, title, level) {
    var s = el("section", "mine-part");
    var h = el(level || "h2", null, title);
    h.id = id;
    s.setAttribute("aria-labelledby", id);
    s.appendChild(h);
    return s;
  }

  // The answer for one pair: part 1 (what the council that looked after you gives, wherever you
  // live), part 2 (what where you live gives care leavers from any council) and, on the
  // "what applies to me" page, part 3 (what everyone gets, listed on the page itself).
  function answer(base, f, t, level, full) {
            var frag = document.createDocumentFragment();
    var one = section("part-1", (full ? "1. " : "") + "What " + f.name + " gives its care leavers", level);
    var fPage = f.council.offer_page;
    one.appendChild(offerPage(f.name, f.website, fPage));
    if (f.travels.length) {
      one.appendChild(itemList(base, f.travels));
      var rest = el("p", "hint", "Anything not listed here is not on this site: ");
      seeOffer(rest, f.name, f.website, fPage);
      rest.appendChild(document.createTextNode(", or ask " + f.name + "."));
      one.appendChild(rest);
    } else {
      one.appendChild(notKnown(f.name, f.website, f.name + "’s local offer is", fPage));
    }
    if (f.stays && f.stays.length) {
      one.appendChild(el("p", "offer-note", f.stays.join(", ") + ": " + f.name + "’s help is for care leavers living in " +
        f.name + ". Its source does not say that it reaches care leavers living somewhere else. Ask " + f.name + "."));
    }
    // Accuracy review 2026-12, M1: only what the National Protocol 4.2 and 7 support.
    var whyP = el("p", null, "Why: the council that looked after you keeps its duties to you, and pays for its own direct financial support, wherever you live. Some items are only for care leavers living in its area: each says who it is for. ");
    whyP.appendChild(link(full ? "#why" : base + "local-offers/mine/#why", "Read why"));
    one.appendChild(whyP);
    frag.appendChild(one);
    var two = section("part-2", (full ? "2. " : "") + "What " + t.name + " gives care leavers who live there", level);
    if (t.council.key !== f.council.key) two.appendChild(offerPage(t.council.name, t.council.website, t.council.offer_page));
    if (!t.here.billing) {
      two.appendChild(el("p", null, t.name + " is a county council. Your district council sends the council tax bill and decides any relief on it: choose your district above. Some county councils also pay council tax for their own care leavers: see part 1."));
    }
    if (t.here.rows.length) two.appendChild(itemList(base, t.here.rows));
    t.here.unknown.forEach(function (topic) {
      var p = el("p", "offer-unknown");
      p.appendChild(el("strong", null, topic));
      p.appendChild(document.createTextNode(": "));
      if (!t.district && t.council.offer_page && t.council.offer_page.url) {
        // The council decides it itself: its own local offer is where to look.
        p.appendChild(el("strong", null, "not on this site"));
        p.appendChild(document.createTextNode(": "));
        seeOffer(p, t.name, t.website, t.council.offer_page);
        p.appendChild(document.createTextNode(", or ask " + t.here.billing + "."));
      } else {
        p.appendChild(el("strong", null, "not known"));
        p.appendChild(document.createTextNode(" to this site. Ask " + t.here.billing + ": "));
        p.appendChild(link(t.here.billing_website, t.here.billing + "’s website"));
      }
      two.appendChild(p);
    });
    frag.appendChild(two);
    if (!full) return frag;
    var three = section("part-3", "3. What the law and national guidance say", level);
    var jump = el("p");
    jump.appendChild(link("#everyone", "See the list below"));
    jump.appendChild(document.createTextNode(": set for all of England; each line says who it is for."));
    three.appendChild(jump);
    frag.appendChild(three);
    var pages = el("p", "hint", "The same answer without JavaScript: ");
    pages.appendChild(link(base + f.page, f.name));
    pages.appendChild(document.createTextNode(" and "));
    pages.appendChild(link(base + t.page, t.name));
    frag.appendChild(pages);
    return frag;
  }

  // "What applies to me": the council that looked after you -> where you live now.
  function initMine() {
    var root = document.querySelector("[data-mine-root]");
    if (!root) return;
    var base = root.getAttribute("data-base");
    var form = root.querySelector("[data-mine-form]");
    var from = root.querySelector("#mine-from");
    var to = root.querySelector("#mine-to");
    var out = root.querySelector("[data-mine-result]");
    form.hidden = false;

    function show() {
      if (!from.value || !to.value) { out.textContent = ""; return Promise.resolve(); }
      var params = new URLSearchParams({ from: from.value, to: to.value });
      history.replaceState(null, "", "?" + params.toString());
      return Promise.all([load(base, from.value), load(base, to.value)]).then(function (both) {
        var frag = answer(base, both[0], both[1], "h2", true);
        out.textContent = "";
        out.appendChild(frag);
      }).catch(function () {
        out.textContent = "This answer could not be loaded. Use the list of councils below.";
      });
    }
    form.addEventListener("submit", function (e) { e.preventDefault(); window.atlasDom.linkNotice(form, ""); show(); });
    var q = new URLSearchParams(window.location.search);
    window.atlasDom.fromLink([[from, q.get("from")], [to, q.get("to")]], form);
    window.atlasDom.fold(form, from.value && to.value, from);
    if (from.value && to.value) show();
    window.atlasOffersMine = show;        // for the bench: time to an answer
  }

  // The planner (/moving/): both councils' offers under their contacts, when the form is used.
  function initMoving() {
    var root = document.querySelector("[data-moving-offers]");
    var form = document.querySelector("[data-planner-form]");
    if (!root || !form) return;
    var base = root.getAttribute("data-base");
    var out = root.querySelector("[data-moving-offers-result]");
    function show() {
      var from = form.querySelector("#planner-from").value, to = form.querySelector("#planner-to").value;
      if (!from || !to) { out.textContent = ""; return Promise.resolve(); }
      return Promise.all([load(base, from), load(base, to)]).then(function (both) {
        out.textContent = "";
        out.appendChild(answer(base, both[0], both[1], "h4", false));
      }).catch(function () { out.textContent = "The local offers could not be loaded: see each council's page."; });
    }
    form.addEventListener("submit", show);
    var q = new URLSearchParams(window.location.search);
    if (q.get("from") && q.get("to")) {
      form.querySelector("#planner-from").value = q.get("from");
      form.querySelector("#planner-to").value = q.get("to");
      show();
    }
  }

  // Compare two to four councils, by area; unknown stays "not known".
  function initCompare() {
    var root = document.querySelector("[data-compare-root]");
    if (!root) return;
    var base = root.getAttribute("data-base");
    var form = root.querySelector("[data-compare-form]");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var out = root.querySelector("[data-compare-result]");
    form.hidden = false;

    function chosen() {
      var keys = [];
      selects.forEach(function (s) { if (s.value && keys.indexOf(s.value) === -1) keys.push(s.value); });
      return keys;
    }

    function show() {
      var keys = chosen();
      if (keys.length) history.replaceState(null, "", "?c=" + keys.join(","));
      if (keys.length < 2) {
        out.textContent = "";
        if (keys.length === 1) out.appendChild(el("p", "hint", "Choose at least one more council."));
        return Promise.resolve();
      }
      return Promise.all(keys.map(function (k) { return load(base, k); })).then(function (councils) {
        var rows = {};
        councils.forEach(function (c, n) {
          c.travels.forEach(function (r) {
            // Help that fits no kind is one row per area, "Other help", each item named in its
            // cell: an item's own words are not a row's heading (m6).
            var other = r.entitlement === "other";
            var id = other ? "other:" + r.area : r.entitlement;
            if (!rows[id]) rows[id] = { name: other ? "Other help" : r.name, area: r.area, other: other, billing: r.set_by === "billing", cells: [] };
            if (!rows[id].cells[n]) rows[id].cells[n] = [];
            rows[id].cells[n].push(r);
          });
        });
        var frag = document.createDocumentFragment();
        var summary = el("p", null, "Comparing " + councils.map(function (c) { return c.name; }).join(", ") + ".");
        frag.appendChild(summary);
        councils.forEach(function (c) {
          frag.appendChild(offerPage(c.name, c.website, c.council.offer_page));
          if (!c.travels.length) frag.appendChild(notKnown(c.name, c.website, c.name + "’s local offer is", c.council.offer_page));
        });
        AREAS.forEach(function (area) {
          var ids = Object.keys(rows).filter(function (id) { return rows[id].area === area; })
            .sort(function (a, b) { return rows[a].name.localeCompare(rows[b].name); });
          if (!ids.length) return;
          var h = el("h2", "offer-area", area);
          frag.appendChild(h);
          ids.forEach(function (id) {
            var row = rows[id];
            var box = el("div", "compare-row");
            var title = el("h3", null, row.name);
            var values = [];
            var unknown = 0;
            councils.forEach(function (c, n) {
              if (row.cells[n]) values.push(row.cells[n].map(function (r) { return r.value + " " + r.ages; }).join("|"));
              else unknown += 1;
            });
            var differs = !row.other && values.some(function (v) { return v !== values[0]; });
            if (differs) { title.appendChild(document.createTextNode(" ")); title.appendChild(el("strong", "offer-flag", "differs")); }
            box.appendChild(title);
            var ul = el("ul", "compare-cells");
            councils.forEach(function (c, n) {
              var li = el("li");
              li.appendChild(el("strong", null, c.name + ": "));
              if (!row.cells[n] && row.billing && c.council.type === "CTY") {
                // a county does not decide council tax or leisure: its districts do, listed on its page
                var districts = el("span", "offer-unknown", "decided by each district council: ");
                districts.appendChild(link(base + "authorities/" + c.council.key + "/#district-offers", "see " + c.name + "’s districts"));
                li.appendChild(districts);
              } else if (!row.cells[n]) {
                var none = el("span", "offer-unknown", "not on this site: ");
                li.appendChild(seeOffer(none, c.name, c.website, c.council.offer_page));
              } else {
                // Each value keeps who it is for and its note, as on the council's page: without
                // them "75%" or "£300" can say something the source does not (M6, December review).
                row.cells[n].forEach(function (r, i) {
                  if (i) li.appendChild(document.createTextNode("; "));
                  if (row.other) li.appendChild(el("span", "compare-what", upperFirst(r.name) + ":"));
                  li.appendChild(document.createTextNode(r.value + ", " + r.ages + " (" + r.provenance + ")"));
                  if (r.disagree) li.appendChild(el("strong", "offer-flag", " sources disagree"));
                  if (r.due) li.appendChild(el("strong", "offer-due", " due for review"));
                  var who = r.who ? r.who + (r.applies_to !== "not stated" ? " (" + r.applies_to + ")" : "") : r.applies_to;
                  li.appendChild(el("span", "compare-who", "Who it is for: " + who + "."));
                  if (r.note) li.appendChild(el("span", "compare-note", r.note));
                  // what another source says, as the council's page shows it
                  r.others.forEach(function (o) {
                    li.appendChild(el("span", "compare-note", (r.disagree ? "Another source" : "Also") + " (" + o.provenance + ") says " + o.value + ", " + o.ages + "."));
                  });
                  if (r.conditions && r.conditions !== r.name) li.appendChild(el("span", "compare-note", "Note: " + r.conditions));
                });
                var more = el("span", "compare-more");
                more.appendChild(link(base + c.page, c.name + "’s offer and its sources"));
                li.appendChild(more);
              }
              ul.appendChild(li);
            });
            box.appendChild(ul);
            if (unknown && values.length) box.appendChild(el("p", "hint", "Not on this site is not “no”: this site has nothing on it yet."));
            frag.appendChild(box);
          });
        });
        out.textContent = "";
        out.appendChild(frag);
      }).catch(function () {
        out.textContent = "This comparison could not be loaded. Use the tables below.";
      });
    }
    selects.forEach(function (s) { s.addEventListener("change", show); });
    // After Compare, the results come into view (the refilled form filled the first screen).
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      show().then(function () {
        if (!out.firstChild) return;
        out.setAttribute("tabindex", "-1");
        out.focus();
      });
    });
    var q = new URLSearchParams(window.location.search);
    var named = q.getAll("c").join(",").split(",").filter(Boolean);
    var wanted = named.slice(0, selects.length), over = named.slice(selects.length);
    window.atlasDom.fromLink(wanted.map(function (k, i) { return [selects[i], k]; }), form,
      over.length ? "A comparison has " + selects.length + " councils at most: " + window.atlasDom.quoted(over) +
        (over.length > 1 ? " are" : " is") + " left out." : "");
    if (wanted.length) show();
    window.atlasOffersCompare = show;     // for the bench: time to an updated comparison
  }

  // Sortable tables: a button in each column heading; without JavaScript the table is plain.
  function initSort() {
    Array.prototype.forEach.call(document.querySelectorAll("table[data-sortable]"), function (table) {
      var heads = table.querySelectorAll("thead th");
      var body = table.tBodies[0];
      Array.prototype.forEach.call(heads, function (th, col) {
        var button = el("button", "sort-button", th.textContent);
        button.type = "button";
        th.textContent = "";
        th.appendChild(button);
        button.addEventListener("click", function () {
          var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
          Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
          th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) {
            if (col === 1) {
              var x = parseFloat(a.getAttribute("data-sort-value")), y = parseFloat(b.getAttribute("data-sort-value"));
              if (isNaN(x)) x = Infinity * dir;
              if (isNaN(y)) y = Infinity * dir;
              return (x - y) * dir || 0;
            }
            return a.cells[col].textContent.localeCompare(b.cells[col].textContent) * dir;
          });
          rows.forEach(function (r) { body.appendChild(r); });
        });
      });
    });
  }

  initMine();
  initMoving();
  initCompare();
  initSort();
}());
