// Timescales calculator: the dates that follow from a council's practice timescales.
// Mirrors macros/practice/dates.py and calculator.py (tests/data/timescales-cases.json runs
// through both). Loaded only on /tools/timescales/. Nothing is sent or stored: the dates are
// worked out here and the calendar file is made in the browser.
(function () {
  "use strict";

  var DAY = 24 * 60 * 60 * 1000;
  var SCHEDULE_MONTHS = 12, SUPPORT_ENDS_AT = 25;
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"];

  // Dates are UTC midnights, so no time zone or clock change moves a day.
  // Years before 1900 are typing slips ("0050" for 2050 or 1950), and Date.UTC would read 0 to 99
  // as 1900 to 1999: refused, as the data checks refuse them (macros/core/dates.py).
  var EARLIEST_YEAR = 1900;
  function parse(iso) {
    if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
    var p = iso.split("-").map(Number);
    if (p[0] < EARLIEST_YEAR) return null;
    var d = new Date(Date.UTC(p[0], p[1] - 1, p[2]));
    return d.getUTCMonth() === p[1] - 1 ? d : null;
  }
  function iso(d) { return d.toISOString().slice(0, 10); }
  function human(d) { return d.getUTCDate() + " " + MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear(); }

  // A month-based date that does not exist falls on the last day of that month.
  function addMonths(d, n) {
    var total = d.getUTCFullYear() * 12 + d.getUTCMonth() + n;
    var y = Math.floor(total / 12), m = total - y * 12;
    var last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last)));
  }
  function shift(d, o) {
    var months = 12 * (o.years || 0) + (o.months || 0);
    var days = 7 * (o.weeks || 0) + (o.days || 0);
    return new Date(addMonths(d, months).getTime() + days * DAY);
  }
  function birthday(birth, years) { return addMonths(birth, 12 * years); }
  function ageOn(birth, day) {
    var years = day.getUTCFullYear() - birth.getUTCFullYear();
    if (birthday(birth, years) > day) years -= 1;
    return years;
  }

  // inputs: {birth, today, looked_after, allocation, last_visit, last_review, left_care} as YYYY-MM-DD
  function compute(rules, inputs) {
    var birth = parse(inputs.birth), today = parse(inputs.today);
    var lookedAfter = parse(inputs.looked_after), allocation = parse(inputs.allocation);
    var anchors = { "birth": birth, "looked-after": lookedAfter, "allocation": allocation };
    var from16 = lookedAfter !== null && lookedAfter >= birthday(birth, 16);
    var applies = { "looked-after-before-16": !from16, "looked-after-from-16": from16 };
    var dates = [];
    rules.forEach(function (rule) {
      if (rule.kind !== "date" || (rule.applies && !applies[rule.applies])) return;
      var anchor = anchors[rule.at.from];
      var when = anchor ? shift(anchor, rule.at) : null;
      var late = null;
      if (rule.checks === "allocation" && when && allocation) late = allocation > when;
      dates.push({ id: rule.id, date: when ? iso(when) : null, needs: anchor ? null : rule.at.from, late: late });
    });
    var start = parse(inputs.last_visit) || allocation || today;
    var end = addMonths(start, SCHEDULE_MONTHS), limit = birthday(birth, SUPPORT_ENDS_AT);
    var bands = rules.filter(function (r) { return r.kind === "visits"; });
    var visits = [], day = start, leftCare = parse(inputs.left_care);
    for (;;) {
      // Our reading: the gap to the next visit is the one that applies on the day of the last.
      var age = ageOn(birth, day);
      var state = leftCare && day >= leftCare ? "left-care" : "looked-after";
      var rule = bands.filter(function (r) {
        return r.ages.from <= age && age < r.ages.to && (!r.applies || r.applies === state);
      })[0];
      if (!rule) break;
      var next = shift(day, rule.every);
      if (next > end || next >= limit) break;
      visits.push({ date: iso(next), rule: rule.id });
      day = next;
    }
    var review = null;
    var reviewRule = rules.filter(function (r) { return r.kind === "review"; })[0];
    if (reviewRule) {
      var from = parse(inputs.last_review) || today;
      var due = shift(from, reviewRule.every);
      if (due < limit) review = { date: iso(due), rule: reviewRule.id, from: iso(from) };
    }
    return { dates: dates, visits: visits, visits_from: iso(start), review: review };
  }

  function byId(rules) {
    var out = {};
    rules.forEach(function (r) { out[r.id] = r; });
    return out;
  }
  function citeText(rule) { return rule.cites.map(function (c) { return c.label; }).join(", "); }

  // Every dated item, in date order: [{date, title, cites}]
  function events(rules, result) {
    var rs = byId(rules), out = [];
    result.dates.forEach(function (d) {
      if (d.date) out.push({ date: d.date, title: rs[d.id].label + (d.late ? " (allocated late)" : ""), cites: citeText(rs[d.id]) });
    });
    result.visits.forEach(function (v) {
      out.push({ date: v.date, title: "Visit due by this date: " + rs[v.rule].label, cites: citeText(rs[v.rule]) });
    });
    if (result.review) {
      out.push({ date: result.review.date, title: "Pathway Plan Review due by this date", cites: citeText(rs[result.review.rule]) });
    }
    return out.sort(function (a, b) { return a.date < b.date ? -1 : a.date > b.date ? 1 : 0; });
  }

  // RFC 5545: CRLF lines, escaped text, all-day events (DTEND is the next day).
  function icsText(s) { return s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\n/g, "\\n"); }
  function fold(line) {
    var out = [];
    while (line.length > 74) { out.push(line.slice(0, 74)); line = " " + line.slice(74); }
    out.push(line);
    return out.join("\r\n");
  }
  function ics(rules, result, council, stamp) {
    var compact = function (s) { return s.replace(/-/g, ""); };
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Leaving Care Atlas//Timescales calculator//EN",
                 "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
    events(rules, result).forEach(function (e, i) {
      var next = iso(new Date(parse(e.date).getTime() + DAY));
      lines.push("BEGIN:VEVENT", "UID:" + compact(e.date) + "-" + i + "@leaving-care-atlas.invalid",
                 "DTSTAMP:" + compact(stamp) + "T000000Z", "DTSTART;VALUE=DATE:" + compact(e.date),
                 "DTEND;VALUE=DATE:" + compact(next), fold("SUMMARY:" + icsText(e.title)),
                 fold("DESCRIPTION:" + icsText(council + ": " + e.cites + ". Worked out by Leaving Care Atlas; check against the guidance.")),
                 "TRANSP:TRANSPARENT", "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.join("\r\n") + "\r\n";
  }

  function caseNotes(rules, result, council, inputs) {
    var rs = byId(rules);
    var lines = ["Timescales (" + council + " practice guidance), worked out on " + human(parse(inputs.today)),
                 "Date of birth: " + human(parse(inputs.birth))];
    if (inputs.looked_after) lines.push("Looked after from: " + human(parse(inputs.looked_after)));
    if (inputs.left_care) lines.push("Left care on: " + human(parse(inputs.left_care)));
    if (inputs.allocation) lines.push("Personal adviser allocated: " + human(parse(inputs.allocation)));
    lines.push("");
    result.dates.forEach(function (d) {
      var r = rs[d.id];
      var when = d.date ? human(parse(d.date)) : "needs the " + (d.needs === "allocation" ? "allocation date" : "date looked after from");
      lines.push("- " + r.label + ": " + when + (d.late ? " (LATE: allocated after this date)" : "") + " [" + citeText(r) + "]");
    });
    lines.push("", "Visits due by (from " + human(parse(result.visits_from)) + ", next 12 months):");
    if (!result.visits.length) lines.push("- none in the next year");
    result.visits.forEach(function (v) { lines.push("- " + human(parse(v.date)) + " [" + citeText(rs[v.rule]) + "]"); });
    if (result.review) {
      lines.push("", "Next Pathway Plan Review by " + human(parse(result.review.date)) + ", or sooner after a significant unplanned change [" + citeText(rs[result.review.rule]) + "]");
    }
    lines.push("", "Source: Leaving Care Atlas, our reading of the paragraphs cited. Month-based dates that do not exist fall on the last day of the month (our reading).");
    return lines.join("\n");
  }

  window.AtlasTimescales = { compute: compute, ics: ics, caseNotes: caseNotes, events: events };

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function citeLinks(rule) {
    var span = el("span", "", "cites");
    rule.cites.forEach(function (c, i) {
      if (i) span.appendChild(document.createTextNode(", "));
      var a = el("a", c.label, "cite");
      a.href = c.url;
      span.appendChild(a);
    });
    return span;
  }
  function todayISO() {
    var now = new Date();
    return iso(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())));
  }

  function init() {
    var root = document.querySelector("[data-timescales]");
    var dataEl = document.getElementById("timescales-data");
    if (!root || !dataEl) return;
    var data = JSON.parse(dataEl.textContent);
    var form = root.querySelector("[data-timescales-form]");
    var out = root.querySelector("[data-result]");
    form.hidden = false;
    var last = null, icsUrl = null;

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var inputs = { today: root.getAttribute("data-today") || todayISO() };
      form.querySelectorAll("[data-input]").forEach(function (input) {
        if (input.value) inputs[input.getAttribute("data-input")] = input.value;
      });
      var error = root.querySelector("[data-birth-error]");
      var birthInput = root.querySelector("#ts-birth");
      if (!parse(inputs.birth)) {
        error.textContent = /^\d{4}-/.test(inputs.birth || "") && Number(inputs.birth.slice(0, 4)) < EARLIEST_YEAR
          ? "Check the year of the date of birth: " + inputs.birth.slice(0, 4) + " is before " + EARLIEST_YEAR + "."
          : "Enter the date of birth.";
        birthInput.setAttribute("aria-invalid", "true");
        birthInput.focus();
        return;
      }
      error.textContent = "";
      birthInput.removeAttribute("aria-invalid");
      var council = data.councils[inputs.council];
      var rules = council.rules, rs = byId(rules);
      var result = compute(rules, inputs);
      last = { rules: rules, result: result, council: council.name, inputs: inputs };

      out.querySelector("[data-result-intro]").textContent = council.title + ", for a young person born on " + human(parse(inputs.birth)) + ". Worked out on " + human(parse(inputs.today)) + ".";
      var tbody = out.querySelector("[data-dates]");
      tbody.textContent = "";
      result.dates.forEach(function (d) {
        var r = rs[d.id], tr = el("tr");
        tr.setAttribute("data-rule", d.id);
        var th = el("th", r.label);
        th.scope = "row";
        var td = el("td");
        if (d.date) {
          td.appendChild(el("span", human(parse(d.date)), "ts-date"));
          td.querySelector(".ts-date").setAttribute("data-iso", d.date);
        } else {
          td.textContent = "Enter the " + (d.needs === "allocation" ? "adviser’s allocation date" : "date looked after from") + " to work this out.";
        }
        if (d.late) {
          var late = el("strong", " Late: the adviser was allocated on " + human(parse(inputs.allocation)) + ", after this date.", "late");
          late.setAttribute("data-late", "");
          td.appendChild(late);
        } else if (d.late === false) {
          td.appendChild(el("span", " Met: allocated on " + human(parse(inputs.allocation)) + ".", "met"));
        }
        var tc = el("td");
        tc.appendChild(citeLinks(r));
        tr.appendChild(th); tr.appendChild(td); tr.appendChild(tc);
        tbody.appendChild(tr);
      });
      out.querySelector("[data-visits-intro]").textContent = "Each visit is due by the date shown, counting from " + human(parse(result.visits_from)) + (result.visits.length ? ":" : ". No visit falls due in the next year under these rules (none before 15, none from the 25th birthday).");
      var ol = out.querySelector("[data-visits]");
      ol.textContent = "";
      result.visits.forEach(function (v) {
        var li = el("li", human(parse(v.date)) + " ");
        li.setAttribute("data-iso", v.date);
        li.appendChild(citeLinks(rs[v.rule]));
        ol.appendChild(li);
      });
      var review = out.querySelector("[data-review]");
      review.textContent = "";
      if (result.review) {
        review.setAttribute("data-iso", result.review.date);
        review.appendChild(document.createTextNode("By " + human(parse(result.review.date)) + " (five months from " + human(parse(result.review.from)) + "), or sooner after a significant unplanned change in circumstances. "));
        review.appendChild(citeLinks(rs[result.review.rule]));
      } else {
        review.removeAttribute("data-iso");
        review.textContent = "None due before the 25th birthday.";
      }
      var link = out.querySelector("[data-ics]");
      if (icsUrl) URL.revokeObjectURL(icsUrl);
      icsUrl = URL.createObjectURL(new Blob([ics(rules, result, council.name, inputs.today)], { type: "text/calendar" }));
      link.href = icsUrl;
      out.querySelector("[data-status]").textContent = "";
      out.hidden = false;
      out.focus();
    });

    out.querySelector("[data-copy]").addEventListener("click", function () {
      var status = out.querySelector("[data-status]");
      var text = caseNotes(last.rules, last.result, last.council, last.inputs);
      if (!navigator.clipboard) {          // an http:// host, some in-app browsers
        status.textContent = "This browser cannot copy from here: select the dates and copy them by hand.";
        return;
      }
      navigator.clipboard.writeText(text).then(function () {
        status.textContent = "Copied. Paste it into your case notes.";
      }, function () {
        status.textContent = "Could not copy: select the dates and copy them by hand.";
      });
    });
    out.querySelector("[data-print]").addEventListener("click", function () { window.print(); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
