// Directory: filter the council list as you type; the planner: two councils side by side.
// Without this file the directory is grouped by region with an A to Z index, and every
// council's page has its contact. Data is only ever inserted as text, never as HTML.
(function () {
  "use strict";

  var el = window.atlasDom.el, link = window.atlasDom.link;   // atlas.js, which runs first

  function initFilter() {
    var box = document.querySelector("[data-filter]");
    if (!box) return;
    var input = box.querySelector("input");
    var status = box.querySelector("[data-filter-count]");
    var councils = document.querySelectorAll("[data-council]");
    var groups = document.querySelectorAll("[data-region-group]");
    var atoz = document.querySelector("[data-a-to-z]");
    var gap = box.querySelector("[data-gap-filter]");   // only councils with no leaving care team line
    box.hidden = false;

    function apply() {
      // The words as a phrase: "north west" is the region, not every name with "north" and "west".
      var phrase = input.value.toLowerCase().replace(/\./g, "").replace(/\s+/g, " ").trim();
      var words = phrase ? [phrase] : [];
      var shown = 0;
      Array.prototype.forEach.call(councils, function (li) {
        var hay = li.getAttribute("data-search");
        var match = (!phrase || hay.indexOf(phrase) !== -1) &&
          !(gap && gap.checked && li.getAttribute("data-best") === "team");
        li.hidden = !match;
        if (match) shown += 1;
      });
      Array.prototype.forEach.call(groups, function (group) {
        // The heading's count follows the filter: "(3 of 23)" while filtering, "(23)" when not.
        var inGroup = group.querySelectorAll("[data-council]").length;
        var visible = group.querySelectorAll("[data-council]:not([hidden])").length;
        var count = group.querySelector(".region__count");
        group.hidden = visible === 0;
        if (count) count.textContent = visible === inGroup ? "(" + inGroup + ")" : "(" + visible + " of " + inGroup + ")";
      });
      var filtering = words.length > 0 || (gap && gap.checked);
      if (atoz) atoz.hidden = filtering;
      status.textContent = filtering
        ? shown + (shown === 1 ? " council matches" : " councils match")
        : "";
    }
    input.addEventListener("input", apply);
    if (gap) gap.addEventListener("change", apply);
    var initial = new URLSearchParams(window.location.search).get("q");
    if (initial) { input.value = initial; apply(); }
  }

  function longDateFromToday(days) {
    var api = window.atlasDeadlines;
    var holidays = document.getElementById("planner-holidays");
    if (!api || !holidays) return null;
    var closed = {};
    JSON.parse(holidays.textContent).forEach(function (d) { closed[d] = true; });
    var now = new Date();
    var today = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())).toISOString().slice(0, 10);
    return api.longDate(api.addWorkingDays(today, days, closed));
  }

  function row(dl, term, content) {
    var div = el("div");
    div.appendChild(el("dt", null, term));
    var dd = el("dd");
    if (typeof content === "string") dd.textContent = content; else dd.appendChild(content);
    div.appendChild(dd);
    dl.appendChild(div);
    return dd;
  }

  // One line, as on the council's page (macros/templates/_entry.html): what it is first (its says,
  // from contact_lines.says through the card), then each number with its hours beside it, then its
  // status and age.
  function lineItem(line, council) {
    var says = line.says || { what: line.kind_words, ask: line.ask_for, checks: line.checks,
                              hours: line.hours ? "Hours: " + line.hours : "Hours not stated" };
    var li = el("li", "line line--" + line.kind + (line.for_group ? " line--for-group" : ""));
    li.setAttribute("data-line", line.kind);
    li.setAttribute("data-says", "");
    var head = el("p", "line__kind");
    head.appendChild(el("strong", null, says.what));
    head.appendChild(el("br"));
    head.appendChild(document.createTextNode(line.team));
    li.appendChild(head);
    var dl = el("dl", "entry__contacts");
    line.phones.forEach(function (ph) {
      var dd = row(dl, "Phone" + (ph[0] ? " (" + ph[0] + ")" : ""), link("tel:" + ph[2], ph[1]));
      dd.setAttribute("data-number", "");
      dd.appendChild(document.createTextNode(" "));
      dd.appendChild(el("span", "number__hours", says.hours));
    });
    if (line.incomplete) {
      var dd = row(dl, "Phone", el("strong", null, line.status === "unverified"
        ? "The page we read prints an incomplete number; check the council's website"
        : "The council's page prints an incomplete number; check its website"));
      dd.setAttribute("data-incomplete", "");
      dd.appendChild(document.createTextNode(": "));
      dd.appendChild(link(council.website, council.website));
    }
    if (line.email) row(dl, "Email", link("mailto:" + line.email, line.email));
    if (line.hours && !line.phones.length) row(dl, "Hours", line.hours);
    li.appendChild(dl);
    if (says.ask) li.appendChild(el("p", "line__ask hint", says.ask));
    (line.says ? says.checks : line.checks.map(function (why) { return "Check this number: " + why + " (our note)."; }))
      .forEach(function (why) { li.appendChild(el("p", "line__check due", why)); });
    line.conflicts.forEach(function (c) {
      li.appendChild(el("p", "line__conflict", "Sources disagree: " + c[0] + " gives " + c[1].join(" or ") + ". Both are shown, each with its source: check with the council."));
    });
    if (line.shared_with.length) li.appendChild(el("p", "hint", "One line shared with " + line.shared_with.join(", ") + "."));
    var when = line.source_date ? "Source dated " + line.source_date + " (" + line.age + ")" : "Undated source, read " + line.read_on;
    li.appendChild(el("p", "entry__status status-" + line.status, line.status_words + ". " + when +
      (line.due ? ". Due for review." : ".")));
    var src = el("p", "line__source hint", "Source: ");
    src.appendChild(line.source_url && line.source_url.indexOf("https://") === 0
      ? link(line.source_url, line.source) : document.createTextNode(line.source));
    li.appendChild(src);
    return li;
  }

  // The council's card (data/councils/<slug>.json, through cards.js): entry kind, role, run_by, lines.
  function card(role, council, district) {
    var box = el("section", "planner-card");
    var id = "planner-" + role.toLowerCase().replace(/[^a-z]+/g, "-");
    var h = el("h3", null, role + ": " + council.name);
    h.id = id;
    box.setAttribute("aria-labelledby", id);
    box.appendChild(h);
    if (district) {
      box.appendChild(el("p", "hint", district + " is a district council. Leaving care services there come from " +
        council.name + ", the county council: this is the council to contact."));
    }
    var saved = window.atlasCards.savedNotice(council);
    if (saved) box.appendChild(saved);
    if (!council.lines.length) {
      var p = el("p");
      p.appendChild(el("strong", null, "No lead officer registered yet. "));
      p.appendChild(document.createTextNode("No public line found yet: contact " + council.name + " through its website: "));
      p.appendChild(link(council.website, council.website));
      box.appendChild(p);
    } else {
      // The order said is the order shown: without a team line, out of hours comes first (m7).
      var has = function (kind) { return council.lines.some(function (l) { return l.kind === kind; }); };
      var night = council.lines.some(function (l) { return l.out_of_hours && !l.for_group; });
      var order = has("leaving-care-team") ? "in calling order: the team first, then out of hours, then the rest:"
        : night ? "out of hours first (we found no leaving care team line: ask for the leaving care team on the others):"
        : "(we found no leaving care team line: ask for the leaving care team on these):";
      if (council.kind === "public-line") box.appendChild(el("p", "entry__kind", "No lead officer registered yet. Until one is, these are the public lines we could source, " + order));
      else if (council.role) box.appendChild(el("p", "entry__role", council.role));
      var list = el("ol", "lines");
      council.lines.forEach(function (line) { list.appendChild(lineItem(line, council)); });
      box.appendChild(list);
    }
    var runBy = council.run_by;
    if (runBy) {
      var rb = el("p", "entry__run-by", "Run by ");
      rb.appendChild(runBy.url && runBy.url.indexOf("https://") === 0
        ? link(runBy.url, runBy.name) : document.createTextNode(runBy.name));
      rb.appendChild(document.createTextNode(" (a children's trust or company, not the council itself)."));
      box.appendChild(rb);
    }
    var more = el("a", null, "Everything about " + council.name);
    more.href = document.querySelector("[data-planner-root]").getAttribute("data-base") + council.page;
    var pm = el("p");
    pm.appendChild(more);
    box.appendChild(pm);
    return box;
  }

  function initPlanner() {
    var root = document.querySelector("[data-planner-root]");
    if (!root || !window.atlasCards) return;
    var form = root.querySelector("[data-planner-form]");
    var from = root.querySelector("#planner-from");
    var to = root.querySelector("#planner-to");
    var out = root.querySelector("[data-planner-result]");
    form.hidden = false;      // the form needs this script; without it the page lists every council instead

    Array.prototype.forEach.call(root.querySelectorAll("[data-deadline-from-today]"), function (span) {
      var due = longDateFromToday(parseInt(span.getAttribute("data-deadline-from-today"), 10));
      if (due) span.textContent = " (" + span.getAttribute("data-deadline-label") + ": by " + due + ")";
    });

    // Each council's card is fetched when chosen: a first visit does not carry all 153. A district
    // resolves to its county (cards.js). The selects hold only councils and districts.
    function show() {
      out.innerHTML = "";
      if (!from.value || !to.value) {
        if (from.value || to.value) out.appendChild(el("p", "hint", "Choose both councils."));
        return;
      }
      // On a slow phone the fetch can take seconds: say so, and mark the result busy until drawn.
      out.setAttribute("aria-busy", "true");
      out.appendChild(el("p", "hint", "Fetching both councils' contacts…"));
      var base = root.getAttribute("data-base");
      return Promise.all([window.atlasCards.fetch(base, from.value), window.atlasCards.fetch(base, to.value)]).then(function (both) {
        draw(both[0], both[1], both[1].district);
      }).catch(function () {
        out.innerHTML = "";
        out.appendChild(el("p", "hint", "The councils' contacts could not be loaded. Each council's page has them: see the list at the foot of this page."));
      }).then(function () { out.removeAttribute("aria-busy"); });
    }

    function draw(responsible, receiving, district) {
      out.innerHTML = "";
      var h = el("h2", null, responsible.name + " to " + (district ? district.name + " (" + receiving.name + ")" : receiving.name));
      h.id = "planner-pair";
      h.tabIndex = -1;
      out.appendChild(h);
      if (responsible.slug === receiving.slug) {
        out.appendChild(el("p", null, "Both are " + receiving.name + ": the young person lives in the area of the council that looked after them, so the National Protocol's arrangements between councils do not apply."));
      }
      // Between two councils only: the tree's steps do not apply within one council (4.3).
      if (responsible.slug !== receiving.slug) out.appendChild(nextSteps(responsible, receiving));
      var grid = el("div", "planner-grid");
      grid.appendChild(card("Responsible authority", responsible, null));
      grid.appendChild(card("Receiving authority", receiving, district ? district.name : null));
      out.appendChild(grid);
      pairLinks(root);
      out.appendChild(el("p", "hint", "Local offers: under “Local offers” below."));
      h.focus();
    }

    // The tree outcomes for this pair, one tap away, with both councils carried in the link.
    function nextSteps(responsible, receiving) {
      var box = el("nav", "planner-next");
      box.setAttribute("aria-labelledby", "planner-next-h");
      var h = el("h3", null, "What to do now");
      h.id = "planner-next-h";
      box.appendChild(h);
      var list = el("ul");
      [["o-receiving-unplanned", "receiving,unplanned",
        "You are " + receiving.name + " and they have turned up: the steps, who pays, and the responsible authority's deadline"],
       ["o-responsible-unplanned", "responsible,unplanned",
        "You are " + responsible.name + " and they moved away at short notice: the steps"],
       ["o-responsible-planned", "responsible,planned",
        "You are " + responsible.name + ", the move is planned and you want " + receiving.name + "'s help: the steps"],
       ["o-responsible-planned-direct", "responsible,planned-direct",
        "You are " + responsible.name + ", the move is planned and you will keep giving every service yourselves: the steps"]].forEach(function (row) {
        var a = el("a", null, row[2]);
        a.href = root.getAttribute("data-base") + "decisions/unplanned-move/" + row[0] + "/?answers=" + row[1];
        a.setAttribute("data-pair-link", "");
        var li = el("li");
        li.appendChild(a);
        list.appendChild(li);
      });
      box.appendChild(list);
      return box;
    }

    // Every link marked data-pair-link gains from= and to=, so the tree shows both councils.
    function pairLinks(scope) {
      Array.prototype.forEach.call(scope.querySelectorAll("a[data-pair-link]"), function (a) {
        var url = new URL(a.getAttribute("href"), window.location.href);
        url.searchParams.set("from", from.value);
        url.searchParams.set("to", to.value);
        a.href = url.pathname + "?" + url.searchParams.toString().replace(/%2C/g, ",") + url.hash;
      });
    }

    function sync() {
      var params = new URLSearchParams();
      if (from.value) params.set("from", from.value);
      if (to.value) params.set("to", to.value);
      var query = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.atlasDom.linkNotice(form, "");
      sync();
      show();
    });
    var params = new URLSearchParams(window.location.search);
    window.atlasDom.fromLink([[from, params.get("from")], [to, params.get("to")]], form);
    window.atlasDom.fold(form, from.value && to.value, from);
    if (from.value && to.value) show();
  }

  function init() { initFilter(); initPlanner(); }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
