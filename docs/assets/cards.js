// Council cards (data/councils/<slug>.json, macros/directory/cards.py) for the pages that show a
// council's lines: the planner, tree outcomes and the care leavers' page. Loaded only there.
(function () {
  "use strict";

  // One download per card and page, however often it is asked for; a failure may be retried.
  // A card the offline worker (sw.js) answered from the phone's copy carries the day it was kept
  // (x-atlas-cached-at; a card from the network never does): its numbers say so, wherever shown.
  var got = {};
  function get(base, slug) {
    if (!got[slug]) {
      got[slug] = fetch(base + "data/councils/" + slug + ".json").then(function (r) {
        if (!r.ok) throw new Error("unknown council");
        var saved = r.headers.get("x-atlas-cached-at");
        return r.json().then(function (card) {
          if (saved && !isNaN(Date.parse(saved))) card.saved = saved;
          return card;
        });
      });
      got[slug].catch(function () { delete got[slug]; });
    }
    return got[slug];
  }

  // A district's card names its county, which holds the leaving care duty: the county's card comes
  // back with livesIn (the district's name) and district (its card). A copy each time: the same
  // county may be both councils.
  function fetchCard(base, slug) {
    return get(base, slug).then(function (card) {
      if (!card.county) return Object.assign({}, card);
      return fetchCard(base, card.county).then(function (county) {
        county.livesIn = card.name;
        county.district = card;
        county.saved = county.saved || card.saved;
        return county;
      });
    });
  }

  // One item per number, in calling order (the card's order: the team, out of hours, front door,
  // switchboard, a line for another group last). An incomplete number has none, so it is never a
  // tel: link. says and plain (contact_lines.says, in macros/directory): what the line is and when
  // it is open, in the practitioners' and the care leavers' words; note: how far the number can be
  // trusted, so a number copied into case notes carries it.
  // A card kept before these existed (a page saved before a deploy meeting this script) still gets
  // words from the fields every card has: never "undefined".
  function phones(card) {
    var out = [], saved = savedWords(card);
    card.lines.forEach(function (l) {
      var note = l.note || [l.status_words || l.status, l.source_date ? "source dated " + l.source_date : "source undated"]
        .filter(Boolean).join("; ");
      if (saved) note += "; " + saved;
      var says = l.says || { what: l.kind_words || l.kind, team: l.team, ask: l.ask_for,
                             hours: l.hours ? "Hours: " + l.hours : "Hours not stated", checks: l.checks || [] };
      l.phones.forEach(function (p) {
        out.push({ kind: l.kind, team: l.team, note: note, phone: p[1], tel: p[2], status: l.status,
                   ask_for: l.ask_for, hours: l.hours, for_group: l.for_group, says: says, plain: l.plain || says,
                   out_of_hours: l.out_of_hours !== undefined ? l.out_of_hours
                     : l.kind === "emergency-duty-out-of-hours" || !!l.all_hours });
      });
    });
    return out;
  }

  // "saved on this phone on 4 December 2026: it may have changed", or "" for a card from the network.
  function savedWords(card) {
    if (!card || !card.saved) return "";
    var day = new Date(card.saved).toLocaleDateString("en-GB", {day: "numeric", month: "long", year: "numeric"});
    return "saved on this phone on " + day + ": it may have changed";
  }

  // The same, as a sentence above a council's numbers.
  function savedNotice(card) {
    var words = savedWords(card);
    if (!words) return null;
    return window.atlasDom.el("p", "atlas-saved-card", "No signal for " + card.name + "’s numbers: these were " + words + ".");
  }

  function phoneLink(p) {
    var a = window.atlasDom.link("tel:" + p.tel, p.phone);
    a.className = "phone";
    return a;
  }

  // One number with what it is and when it is open beside it, into `into`, as the pages'
  // macros/templates/_number.html lays them out (the same classes after `prefix`). words: the
  // number's says (practitioners) or plain (care leavers). Returns the link.
  function number(into, p, words, prefix) {
    var el = window.atlasDom.el;
    prefix = prefix || "number__";
    into.setAttribute("data-number", "");
    into.appendChild(el("span", prefix + "what", words.what + (words.team ? ", " + words.team : "") + ":"));
    into.appendChild(document.createTextNode(" "));
    var a = phoneLink(p);
    into.appendChild(a);
    into.appendChild(document.createTextNode(" "));
    into.appendChild(el("span", prefix + "hours", words.hours));
    if (words.ask) into.appendChild(el("span", prefix + "ask", " " + words.ask));
    (words.checks || []).forEach(function (why) { into.appendChild(el("span", prefix + "check", " " + why)); });
    return a;
  }

  // One line to ring per number among a council's front doors and switchboards: where they share
  // a number, the one that says what to ask for stands for both (Lancashire's switchboard: "tell
  // them you are a care leaver"). Out of hours lines are left as they are: their hours differ.
  function askOnce(lines) {
    var ask = function (l) { return l.kind === "children-services-front-door" || l.kind === "council-switchboard"; };
    var best = {};
    lines.forEach(function (l) {
      if (ask(l) && !l.for_group && (!best[l.tel] || (l.ask_for && !best[l.tel].ask_for))) best[l.tel] = l;
    });
    return lines.filter(function (l) { return !ask(l) || l.for_group || best[l.tel] === l; });
  }

  window.atlasCards = { fetch: fetchCard, phones: phones, phoneLink: phoneLink, number: number, savedNotice: savedNotice, askOnce: askOnce };
}());
