// Council cards (data/councils/<slug>.json, macros/directory/cards.py) for the pages that show a
// council's lines: the planner, tree outcomes and the care leavers' page. Loaded only there.
(function () {
  "use strict";

  // One download per card and page, however often it is asked for; a failure may be retried.
  var got = {};
  function get(base, slug) {
    if (!got[slug]) {
      got[slug] = fetch(base + "data/councils/" + slug + ".json").then(function (r) {
        if (!r.ok) throw new Error("unknown council");
        return r.json();
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
        return county;
      });
    });
  }

  // One item per number, in calling order. An incomplete number has none, so it is never a tel: link.
  // name and note (macros/directory/cards.py): the team's own name, and how far the number can be
  // trusted, so a number copied into case notes carries it.
  function phones(card) {
    var out = [];
    card.lines.forEach(function (l) {
      l.phones.forEach(function (p) {
        out.push({ kind: l.kind, label: l.kind === "leaving-care-team" ? l.team : l.kind_words, team: l.team,
                   name: l.name, note: l.note, phone: p[1], tel: p[2], status: l.status, ask_for: l.ask_for,
                   hours: l.hours, for_group: l.for_group, all_hours: l.all_hours });
      });
    });
    return out;
  }

  function phoneLink(p) {
    var a = window.atlasDom.link("tel:" + p.tel, p.phone);
    a.className = "phone";
    return a;
  }

  window.atlasCards = { fetch: fetchCard, phones: phones, phoneLink: phoneLink };
}());
