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

  // One item per number, in calling order. An incomplete number has none, so it is never a tel: link.
  // name and note (macros/directory/cards.py): the team's own name, and how far the number can be
  // trusted, so a number copied into case notes carries it.
  // A card kept before name and note existed (a page saved before a deploy meeting this script)
  // still gets words from the fields every card has: never "undefined".
  function phones(card) {
    var out = [], saved = savedWords(card);
    card.lines.forEach(function (l) {
      var name = l.name || l.team || l.kind_words || "";
      var note = l.note || [l.status_words || l.status, l.source_date ? "source dated " + l.source_date : "source undated"]
        .filter(Boolean).join("; ");
      if (saved) note += "; " + saved;
      l.phones.forEach(function (p) {
        out.push({ kind: l.kind, label: l.kind === "leaving-care-team" ? l.team : l.kind_words, team: l.team,
                   name: name, note: note, phone: p[1], tel: p[2], status: l.status, ask_for: l.ask_for,
                   hours: l.hours, for_group: l.for_group, all_hours: l.all_hours });
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

  window.atlasCards = { fetch: fetchCard, phones: phones, phoneLink: phoneLink, savedNotice: savedNotice, askOnce: askOnce };
}());
