// Directory: filter the council list as you type; the planner: two councils side by side.
// Without this file the directory is grouped by region with an A to Z index, and every
// council's page has its contact. Data is only ever inserted as text, never as HTML.
(function () {
  "use strict";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function initFilter() {
    var box = document.querySelector("[data-filter]");
    if (!box) return;
    var input = box.querySelector("input");
    var status = box.querySelector("[data-filter-count]");
    var councils = document.querySelectorAll("[data-council]");
    var groups = document.querySelectorAll("[data-region-group]");
    var atoz = document.querySelector("[data-a-to-z]");
    box.hidden = false;

    function apply() {
      // The words as a phrase: "north west" is the region, not every name with "north" and "west".
      var phrase = input.value.toLowerCase().replace(/\./g, "").replace(/\s+/g, " ").trim();
      var words = phrase ? [phrase] : [];
      var shown = 0;
      Array.prototype.forEach.call(councils, function (li) {
        var hay = li.getAttribute("data-search");
        var match = !phrase || hay.indexOf(phrase) !== -1;
        li.hidden = !match;
        if (match) shown += 1;
      });
      Array.prototype.forEach.call(groups, function (group) {
        group.hidden = !group.querySelector("[data-council]:not([hidden])");
      });
      if (atoz) atoz.hidden = words.length > 0;
      status.textContent = words.length
        ? shown + (shown === 1 ? " council matches" : " councils match")
        : "";
    }
    input.addEventListener("input", apply);
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

  function card(role, council, data, district) {
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
    var e = council.entry;
    if (!e) {
      var p = el("p");
      p.appendChild(el("strong", null, "No lead officer registered yet. "));
      p.appendChild(document.createTextNode("Contact " + council.name + " through its website: "));
      var a = el("a", null, council.website);
      a.href = council.website;
      p.appendChild(a);
      box.appendChild(p);
    } else {
      if (e.kind === "public-line") box.appendChild(el("p", "entry__kind", "No lead officer registered yet. Until one is, this is the service's public line:"));
      box.appendChild(el("p", "entry__role", e.role + (e.team ? " (" + e.team + ")" : "")));
      var dl = el("dl", "entry__contacts");
      e.phones.forEach(function (ph) {
        var row = el("div");
        row.appendChild(el("dt", null, ph[0]));
        var dd = el("dd");
        var link = el("a", null, ph[1]);
        link.href = "tel:" + ph[2];
        dd.appendChild(link);
        row.appendChild(dd);
        dl.appendChild(row);
      });
      if (e.email) {
        var row = el("div");
        row.appendChild(el("dt", null, "Email"));
        var dd = el("dd");
        var mail = el("a", null, e.email);
        mail.href = "mailto:" + e.email;
        dd.appendChild(mail);
        row.appendChild(dd);
        dl.appendChild(row);
      }
      box.appendChild(dl);
      if (e.phone_note) box.appendChild(el("p", "hint", e.phone_note));
      var words = { confirmed: "Confirmed by the council", published: "From a public page or document; not yet confirmed by the council",
                    unverified: "Unverified: check before relying on it" }[e.status];
      box.appendChild(el("p", "entry__status", words + ". True as of " + window.atlasDeadlines.longDate(e.as_of).replace(/^\w+ /, "") + (e.due ? ". Due for review: more than 12 months old." : ".")));
    }
    var more = el("a", null, "Everything about " + council.name);
    more.href = document.querySelector("[data-planner-root]").getAttribute("data-base") + council.url;
    var pm = el("p");
    pm.appendChild(more);
    box.appendChild(pm);
    return box;
  }

  function initPlanner() {
    var root = document.querySelector("[data-planner-root]");
    var dataEl = document.getElementById("planner-data");
    if (!root || !dataEl) return;
    var data = JSON.parse(dataEl.textContent);
    var form = root.querySelector("[data-planner-form]");
    var from = root.querySelector("#planner-from");
    var to = root.querySelector("#planner-to");
    var out = root.querySelector("[data-planner-result]");
    form.hidden = false;      // the form needs this script; without it the page lists every council instead

    Array.prototype.forEach.call(root.querySelectorAll("[data-deadline-from-today]"), function (span) {
      var due = longDateFromToday(parseInt(span.getAttribute("data-deadline-from-today"), 10));
      if (due) span.textContent = " (" + span.getAttribute("data-deadline-label") + ": by " + due + ")";
    });

    function show() {
      out.innerHTML = "";
      var responsible = data.councils[from.value];
      var districtKey = to.value.indexOf("district-") === 0 ? to.value : null;
      var district = districtKey ? data.districts[districtKey] : null;
      var receiving = district ? data.councils[district.county] : data.councils[to.value];
      if (!responsible || !receiving) {
        if (from.value || to.value) out.appendChild(el("p", "hint", "Choose both councils."));
        return;
      }
      var h = el("h2", null, responsible.name + " to " + (district ? district.name + " (" + receiving.name + ")" : receiving.name));
      h.id = "planner-pair";
      h.tabIndex = -1;
      out.appendChild(h);
      if (responsible === receiving) {
        out.appendChild(el("p", null, "Both are " + receiving.name + ": the young person lives in the area of the council that looked after them, so the National Protocol's arrangements between councils do not apply."));
      }
      var grid = el("div", "planner-grid");
      grid.appendChild(card("Responsible authority", responsible, data, null));
      grid.appendChild(card("Receiving authority", receiving, data, district ? district.name : null));
      out.appendChild(grid);
      out.appendChild(el("p", "hint", "Local offers: under “Local offers” below."));
      h.focus();
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
      sync();
      show();
    });
    var params = new URLSearchParams(window.location.search);
    if (params.get("from")) from.value = params.get("from");
    if (params.get("to")) to.value = params.get("to");
    if (from.value && to.value) show();
  }

  function init() { initFilter(); initPlanner(); }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
