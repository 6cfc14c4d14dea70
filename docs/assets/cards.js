// Council cards (data/councils/<slug>.json, macros/council_cards.py) for the pages that show a
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

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"];
  function day(iso) {               // "2017-11-30" -> "30 November 2017"; "2017" stays "2017"
    var m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso || "");
    if (!m) return iso;
    return (m[3] ? parseInt(m[3], 10) + " " : "") + (m[2] ? MONTHS[parseInt(m[2], 10) - 1] + " " : "") + m[1];
  }
  var STATUS = { confirmed: "confirmed by the council", published: "from the council’s own page or document",
                 unverified: "unverified: check it before relying on it" };

  // One item per number, in calling order. An incomplete number has none, so it is never a tel: link.
  // name: the team's own name where the data has one (a "front door" line may be a disability duty
  // line); note: its status, the source's date, hours and whether it is due for review, so a number
  // copied into case notes carries how far it can be trusted.
  function phones(card) {
    var out = [];
    card.lines.forEach(function (l) {
      var kind = l.kind_words.charAt(0).toLowerCase() + l.kind_words.slice(1);
      var name = l.kind === "leaving-care-team" || !l.team ? (l.team || l.kind_words) : l.team + " (" + kind + ")";
      var note = [STATUS[l.status] || l.status, l.source_date ? "source dated " + day(l.source_date) : "source undated"]
        .concat(l.hours ? [l.hours] : []).concat(l.due ? ["due for review"] : []).join("; ");
      l.phones.forEach(function (p) {
        out.push({ kind: l.kind, label: l.kind === "leaving-care-team" ? l.team : l.kind_words, team: l.team,
                   name: name, note: note, phone: p[1], tel: p[2], status: l.status, ask_for: l.ask_for });
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
