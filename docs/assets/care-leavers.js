// The care leavers' page: "Who do I call?" shows both councils' numbers in plain words, and
// "Nowhere to stay tonight?" their out of hours lines. Loaded only on that page. Without this file
// the form stays hidden and the page links to the A to Z of every council's numbers.
// Cards come from window.atlasCards (cards.js); the words from the page (#call-words), the
// same words the A to Z uses. Data is only ever inserted as text, never as HTML.
(function () {
  "use strict";

  var el = window.atlasDom.el, link = window.atlasDom.link;   // atlas.js, which runs first
  function say(template, name) { return template.replace("{name}", name); }

  // Each number with what it is and when it is open, in the care leavers' words (atlasCards.number).
  function lineItem(words, l) {
    var li = el("li");
    window.atlasCards.number(li, l, l.plain, "cl-line__");
    li.appendChild(el("span", "hint", " " + words.status[l.status]));
    return li;
  }

  function noLine(words, base, card, template) {
    var p = el("p", null, say(template, card.name) + " ");
    p.appendChild(link(card.website, card.name + "’s website"));
    p.appendChild(document.createTextNode(" or "));
    p.appendChild(link(base + card.page, "our page about " + card.name));
    return p;
  }

  function councilBlock(words, base, title, card) {
    var box = el("section", "cl-council");
    box.appendChild(el("h3", null, title + ": " + card.name));
    if (card.livesIn) box.appendChild(el("p", null, "You live in " + card.livesIn + ". " + card.name + " helps care leavers there."));
    var saved = window.atlasCards.savedNotice(card);
    if (saved) box.appendChild(saved);
    var phones = window.atlasCards.askOnce(window.atlasCards.phones(card));
    if (phones.length) {
      var ul = el("ul", "cl-lines");
      phones.forEach(function (l) { ul.appendChild(lineItem(words, l)); });
      box.appendChild(ul);
      if (card.lines.some(function (l) { return l.due; })) box.appendChild(el("p", "hint", words.old));
    } else {
      box.appendChild(noLine(words, base, card, words.none));
    }
    return box;
  }

  function tonight(words, base, box, cards) {
    box.textContent = "";
    var seen = {};
    cards.forEach(function (c) {
      var card = c.card;
      if (!card || seen[card.slug]) return;
      seen[card.slug] = true;
      // A line recorded as open 24 hours is an out of hours line too; a line for another group is not offered.
      var out = window.atlasCards.phones(card).filter(function (l) { return l.out_of_hours && !l.for_group; });
      if (!out.length) { box.appendChild(noLine(words, base, card, words.noOutOfHours)); return; }
      box.appendChild(el("p", "cl-tonight__council", "Out of hours, " + card.name + " (" + c.role + "):"));
      var ul = el("ul", "cl-lines");
      out.forEach(function (l) { ul.appendChild(lineItem(words, l)); });
      box.appendChild(ul);
      var saved = window.atlasCards.savedNotice(card);
      if (saved) box.appendChild(saved);
    });
    var district = cards[0].card && cards[0].card.district;
    if (district && district.website) {
      var p = el("p", null, "For housing help, try " + district.name + "’s website too: ");
      p.appendChild(link(district.website, district.name + " council"));
      box.appendChild(p);
    }
  }

  function init() {
    var root = document.querySelector("[data-call-root]");
    var wordsEl = document.getElementById("call-words");
    if (!root || !wordsEl || !window.atlasCards) return;
    var words = JSON.parse(wordsEl.textContent);
    var base = root.getAttribute("data-base");
    var form = root.querySelector("[data-call-form]");
    var from = form.querySelector("#call-from");
    var to = form.querySelector("#call-to");
    var result = root.querySelector("[data-call-result]");
    var night = document.querySelector("[data-tonight]");
    var listLink = root.querySelector(".cl-call__list a");
    form.hidden = false;

    function get(slug) {
      return slug ? window.atlasCards.fetch(base, slug).catch(function () { return false; }) : Promise.resolve(null);
    }

    // "See what applies to me" keeps the councils chosen here, so they are not typed again.
    var mine = Array.prototype.filter.call(document.querySelectorAll("a[href]"), function (a) {
      return /local-offers\/mine\/$/.test(a.getAttribute("href"));
    });
    function carry(pair) {
      mine.forEach(function (a) {
        var href = a.getAttribute("href").split("?")[0];
        a.setAttribute("href", pair.from && pair.to ? href + "?from=" + encodeURIComponent(pair.from) + "&to=" + encodeURIComponent(pair.to) : href);
      });
    }

    function show() {
      var pair = { from: from.value, to: to.value };
      carry(pair);
      if (!pair.from && !pair.to) { result.textContent = ""; return; }
      Promise.all([get(pair.from), get(pair.to)]).then(function (both) {
        result.textContent = "";
        if (both[0] === false || both[1] === false) {
          var p = el("p", null, "We could not load the numbers just now. ");
          p.appendChild(link(listLink.href, "Use our list of every council’s numbers"));
          result.appendChild(p);
          return;
        }
        var inCare = both[0], now = both[1];
        if (inCare && now && inCare.slug === now.slug) {
          result.appendChild(councilBlock(words, base, "Where you were in care and where you live now", now));
        } else {
          if (inCare) result.appendChild(councilBlock(words, base, "Where you were in care", inCare));
          if (now) result.appendChild(councilBlock(words, base, "Where you live now", now));
        }
        if (night) tonight(words, base, night, [{ card: now, role: "where you live now" }, { card: inCare, role: "where you were in care" }]);
      });
    }

    var params = new URLSearchParams(window.location.search);
    window.atlasDom.fromLink([[from, params.get("from")], [to, params.get("to")]], form);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.atlasDom.linkNotice(form, "");
      var query = new URLSearchParams();
      if (from.value) query.set("from", from.value);
      if (to.value) query.set("to", to.value);
      var q = query.toString();
      window.history.replaceState(null, "", window.location.pathname + (q ? "?" + q : "") + "#who-do-i-call");
      show();
    });
    show();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
}());
