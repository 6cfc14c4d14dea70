// Decision trees: "Your answers" with Change links, answers carried in the URL, deadlines from
// a start date, and the decision record. Every tree page works without this file: answers are
// plain links and the record is shown as text. Nothing here sends anything; the one thing it
// may keep is the practitioner's own council, and only if they tick "Remember my council".
(function () {
  "use strict";

  var el = window.atlasDom.el, link = window.atlasDom.link;   // atlas.js, which runs first

  function readJSON(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function answersFromURL() {
    var raw = new URLSearchParams(window.location.search).get("answers");
    return raw ? raw.split(",").filter(Boolean) : [];
  }

  // The two councils, when known, travel beside the answers: from= looked after the young
  // person (responsible), to= is where they live now (receiving; a district means its county).
  // A council the link names that is not a council's slug, or has no card, is named on the
  // outcome (linkUnknown), never dropped without a word.
  var SLUG = /^[a-z0-9-]+$/;
  var linkUnknown = [];
  function councilParam(name) {
    var value = new URLSearchParams(window.location.search).get(name);
    if (value && !SLUG.test(value)) linkUnknown.push(value);
    return value && SLUG.test(value) ? value : null;
  }
  var pair = { from: councilParam("from"), to: councilParam("to") };

  function withParams(href, answers, start) {
    var params = new URLSearchParams();
    if (answers.length) params.set("answers", answers.join(","));
    if (start) params.set("start", start);
    if (pair.from) params.set("from", pair.from);
    if (pair.to) params.set("to", pair.to);
    var query = params.toString().replace(/%2C/g, ",");
    return href.split("?")[0] + (query ? "?" + query : "");
  }

  // Replay answer ids from the start; null if they do not fit the tree.
  function replay(tree, answers) {
    var nodeId = tree.start, taken = [];
    for (var i = 0; i < answers.length; i++) {
      var node = tree.nodes[nodeId];
      if (!node || !node.a) return null;
      var answer = node.a.filter(function (a) { return a.id === answers[i]; })[0];
      if (!answer) return null;
      taken.push({ question: nodeId, text: node.q, answer: answer });
      nodeId = answer.next;
    }
    return { taken: taken, end: nodeId };
  }

  // The date arithmetic is shared with the planner (/moving/): docs/assets/deadlines.js, loaded first.
  var addWorkingDays = window.atlasDeadlines.addWorkingDays, longDate = window.atlasDeadlines.longDate,
      shortDate = window.atlasDeadlines.shortDate;

  function todayISO() {
    var now = new Date();
    return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())).toISOString().slice(0, 10);
  }

  function text(el) { return el ? el.textContent.replace(/\s+/g, " ").trim() : ""; }

  function initStart() {
    var startRoot = document.querySelector(".atlas-tree-start");
    if (!startRoot) return;
    Array.prototype.forEach.call(startRoot.querySelectorAll("a.start-button"), function (link) {
      link.href = withParams(link.getAttribute("href"), [], null);
    });
  }

  // The first questions offer both councils, filled in when the link carried them: choosing them
  // here saves the practitioner a trip to the start page. The box is in the page's HTML (so the
  // answers never move under a finger); atlas.css hides it without JavaScript (nothing to carry).
  function pairPick(root, changed) {
    var box = root.querySelector("[data-pair-pick]");
    if (!box) return;
    // The link's councils, as written: one the lists do not have is named above them (atlas.js).
    var params = new URLSearchParams(window.location.search);
    window.atlasDom.fromLink(["from", "to"].map(function (name) {
      return [box.querySelector("select[name=" + name + "]"), params.get(name)];
    }), box.firstElementChild);
    // Which of the two is the practitioner's own ("from" or "to"): the page says, once they have
    // said which council they work for (Tree.own_council).
    var tick = root.querySelector("input[data-remember]");
    var own = tick && tick.getAttribute("data-remember");
    var mine = remembered(tick, own);
    ["from", "to"].forEach(function (name) {
      var select = box.querySelector("select[name=" + name + "]");
      if (!select) return;
      if (!pair[name] && name === own && mine.slug && select.querySelector("option[value='" + mine.slug + "']")) {
        pair[name] = mine.slug;       // the link's own councils come first
        changed();
        select.value = pair[name];
      }
      select.addEventListener("change", function () {
        pair[name] = SLUG.test(select.value) ? select.value : null;
        if (name === own) mine.keep(pair[name]);
        changed();
      });
    });
  }

  // "Remember my council on this phone" (issue 19, point 11): opt-in, unticked until ticked.
  // Kept: one council's slug, under one key in this browser's localStorage on this device; never
  // the other council, the answers or anything typed. Unticking forgets it. Nothing is sent.
  var KEY = "atlas-my-council";
  function remembered(tick, own) {
    var none = { slug: null, keep: function () {} };
    if (!tick || (own !== "from" && own !== "to")) return none;
    var store;
    try { store = window.localStorage; store.getItem(KEY); } catch (e) { store = null; }
    if (!store) {                              // storage refused: no offer, nor the link to it
      var offer = tick.closest("[data-remember-box]"), to = document.querySelector("[data-remember-link]");
      if (offer) offer.hidden = true;
      if (to) to.hidden = true;
      return none;
    }
    var slug = store.getItem(KEY);
    if (slug && !SLUG.test(slug)) { store.removeItem(KEY); slug = null; }
    tick.checked = !!slug;
    function keep(value) {
      try {
        if (tick.checked && value) store.setItem(KEY, value); else store.removeItem(KEY);
      } catch (e) { /* full or refused: nothing kept */ }
    }
    tick.addEventListener("change", function () {
      keep(tick.checked ? pair[own] : null);
    });
    return { slug: slug, keep: keep };
  }

  function init() {
    initStart();
    var root = document.querySelector(".atlas-tree");
    var tree = readJSON("tree-data");
    if (!root || !tree) return;
    var base = root.getAttribute("data-base");
    var here = root.getAttribute("data-node");
    var answers = answersFromURL();
    var path = replay(tree, answers);
    if (!path || path.end !== here) { answers = []; path = { taken: [], end: here }; }
    var start = new URLSearchParams(window.location.search).get("start");

    function nodeHref(nodeId, upTo) { return withParams(base + nodeId + "/", upTo, start); }

    // Answers are links to the next page, carrying the answers so far (and the councils).
    function answerLinks() {
      Array.prototype.forEach.call(root.querySelectorAll("a[data-answer]"), function (link) {
        link.href = withParams(link.getAttribute("href"), answers.concat([link.getAttribute("data-answer")]), start);
      });
    }
    answerLinks();
    pairPick(root, answerLinks);

    var back = root.querySelector("[data-back]");
    if (back && path.taken.length) {
      back.href = nodeHref(path.taken[path.taken.length - 1].question, answers.slice(0, -1));
    }

    var list = root.querySelector("[data-your-answers-list]");
    if (list) {
      if (!path.taken.length) {
        list.innerHTML = "<p class=\"hint\">You have not answered any questions yet.</p>";
      } else {
        var dl = el("dl", "answers-summary");
        path.taken.forEach(function (step, i) {
          var row = el("div");
          var dt = el("dt", null, step.text);
          var dd = el("dd", null, step.answer.label + " ");
          var change = link(nodeHref(step.question, answers.slice(0, i)), "Change");
          change.appendChild(el("span", "visually-hidden", " your answer to: " + step.text));
          dd.appendChild(change);
          row.appendChild(dt);
          row.appendChild(dd);
          dl.appendChild(row);
        });
        list.innerHTML = "";
        list.appendChild(dl);
      }
    }

    if (root.classList.contains("atlas-outcome")) outcome(root, tree, path, answers, start);
  }

  // The councils' cards: docs/assets/cards.js, loaded on outcome pages only (a district resolves to its county).
  function councils(root, path) {
    var siteBase = root.getAttribute("data-site-base");
    if (!siteBase || (!pair.from && !pair.to) || !window.atlasCards) return Promise.resolve(null);
    var missing = [];
    var get = function (slug) {
      return slug ? window.atlasCards.fetch(siteBase, slug).catch(function (error) {
        if (error && error.message === "unknown council") missing.push(slug);   // 404: no such card
        return null;
      }) : Promise.resolve(null);
    };
    return Promise.all([get(pair.from), get(pair.to)]).then(function (both) {
      // named in the link's order (from, then to), whichever answer came first
      [pair.from, pair.to].forEach(function (slug) { if (missing.indexOf(slug) !== -1 && linkUnknown.indexOf(slug) === -1) linkUnknown.push(slug); });
      var side = path.taken.length ? path.taken[0].answer.id : null;
      return { responsible: both[0], receiving: both[1], you: side === "receiving" || side === "responsible" ? side : null };
    });
  }

  // Whom to call, one council at a time, in calling order, each number saying what it is and when
  // it is open (atlasCards.number): the leaving care team first; without one, "No leaving care team
  // line found"; then out of hours (a line recorded as open 24 hours counts); then, without a team
  // line, the front door and the switchboard, to ring and ask for the leaving care team. A line its
  // source gives for one group only (for_group) is never offered here: the council's page lists it.
  // Each number is its own full-width tap target.
  function sortLines(card) {
    var phones = window.atlasCards.phones(card);
    var general = phones.filter(function (l) { return !l.for_group; });
    var team = general.filter(function (l) { return l.kind === "leaving-care-team"; });
    var night = general.filter(function (l) { return l.kind !== "leaving-care-team" && l.out_of_hours; });
    var ask = team.length ? [] : window.atlasCards.askOnce(general.filter(function (l) {
      return !l.out_of_hours && (l.kind === "children-services-front-door" || l.kind === "council-switchboard");
    }));
    return { team: team, night: night, ask: ask, other: phones.length - general.length };
  }

  function numberItem(l) {
    var item = el("li", "glance__line");
    window.atlasCards.number(item, l, l.says, "glance__line-").className = "phone glance__phone";
    item.appendChild(el("span", "glance__line-note", l.note.charAt(0).toUpperCase() + l.note.slice(1) + "."));
    return item;
  }

  function callList(card, siteBase) {
    var sorted = sortLines(card);
    var ul = el("ul", "glance__lines");
    sorted.team.forEach(function (l) { ul.appendChild(numberItem(l)); });
    if (!sorted.team.length && card.lines.length) {
      ul.appendChild(el("li", "glance__none", "No leaving care team line found" +
        (sorted.ask.length ? ": ring " + (sorted.ask.length > 1 ? "a front door or switchboard number"
          : sorted.ask[0].kind === "council-switchboard" ? "the council switchboard" : "the children’s services front door") +
          " below and ask for the leaving care team." : ".")));
    }
    sorted.night.forEach(function (l) { ul.appendChild(numberItem(l)); });
    if (!sorted.night.length) ul.appendChild(el("li", "glance__none", "No out of hours line found for " + card.name + "."));
    sorted.ask.forEach(function (l) { ul.appendChild(numberItem(l)); });
    var more = el("li");
    var words = card.lines.length ? card.name + ": every line and its source" +
      (sorted.other ? " (" + sorted.other + " line" + (sorted.other > 1 ? "s" : "") + " for another group not shown here)" : "")
      : "No line on this site yet: " + card.name + "’s page and website";
    more.appendChild(link(siteBase + card.page, words));
    ul.appendChild(more);
    return ul;
  }

  function showCouncils(root, found) {
    var box = root.querySelector("[data-glance-contacts]");
    var siteBase = root.getAttribute("data-site-base");
    // Said first, above the council that is known: why one council's numbers are missing.
    var notice = null;
    if (box && linkUnknown.length) {
      notice = el("p", "atlas-link-notice", window.atlasDom.unknownWords(linkUnknown) +
        (linkUnknown.length > 1 ? " Their numbers are" : " Its numbers are") +
        " not shown: name the councils again, or use the directory.");
      box.insertBefore(notice, box.firstChild);
    }
    if (!box || !found) return;
    var wrap = el("div", "glance__councils");
    // The council the reader works for last: the other council is the one to ring.
    var order = found.you === "receiving" ? ["responsible", "receiving"] : found.you === "responsible" ? ["receiving", "responsible"] : ["responsible", "receiving"];
    var words = { responsible: "the responsible authority (looked after them)", receiving: "the receiving authority (where they live now)" };
    order.forEach(function (role) {
      var card = found[role];
      if (!card) return;
      var h = el("p", "glance__council");
      h.appendChild(el("strong", null, found.you === role ? "You (" + card.name + ")" : card.name));
      h.appendChild(document.createTextNode(", " + words[role] + (card.livesIn ? ", for " + card.livesIn : "")));
      wrap.appendChild(h);
      var saved = window.atlasCards.savedNotice(card);
      if (saved) wrap.appendChild(saved);
      wrap.appendChild(callList(card, siteBase));
    });
    box.insertBefore(wrap, notice ? notice.nextSibling : box.firstChild);
    // The planner link keeps the two councils chosen, so they are not typed again.
    var moving = box.querySelector("[data-moving-link]");
    if (moving && pair.from && pair.to) {
      moving.href = moving.getAttribute("href") + "?from=" + encodeURIComponent(pair.from) + "&to=" + encodeURIComponent(pair.to);
    }
    // Name the councils beside each step's role.
    Array.prototype.forEach.call(root.querySelectorAll("[data-who]"), function (who) {
      var role = /^Receiving authority$/i.test(who.textContent) ? "receiving" :
                 /^Responsible authority$/i.test(who.textContent) ? "responsible" : null;
      var card = role && found[role];
      if (!card) return;
      who.textContent = (found.you === role ? "You (" + card.name + ")" : card.name) + ", the " + role + " authority";
    });
    // The ready-to-send message, named after the council it goes to (m2): "Message to Lancashire".
    Array.prototype.forEach.call(root.querySelectorAll("[data-message-link]"), function (to) {
      var card = found[to.getAttribute("data-message-link")];
      if (card) to.textContent = "Message to " + card.name;
    });
  }

  // The same lines, in the same order and words, for the record: one paragraph per council.
  function councilLines(found) {
    if (!found) return [];
    var out = [];
    ["responsible", "receiving"].forEach(function (role) {
      var card = found[role];
      if (!card) return;
      var sorted = sortLines(card);
      var said = function (l) {
        return l.says.what + (l.says.team ? ", " + l.says.team : "") + ": " + l.phone + " (" + l.says.hours + "; " + l.note + ")" +
          (l.says.ask ? ". " + l.says.ask.replace(/\.$/, "") : "");
      };
      var lines = sorted.team.map(said);
      if (!sorted.team.length && card.lines.length) lines.push("No leaving care team line found");
      lines = lines.concat(sorted.night.map(said), sorted.ask.map(said));
      window.atlasCards.phones(card).filter(function (l) { return l.for_group; }).forEach(function (l) { lines.push(said(l)); });
      out.push(role.charAt(0).toUpperCase() + role.slice(1) + " authority: " + card.name +
               // A district names where the young person lives (receiving); named for the
               // responsible side (a shared link), it only led to its county: it says so.
               (card.livesIn ? (role === "receiving" ? " (lives in " + card.livesIn + ")"
                 : " (named as " + card.livesIn + ", a district council in its area)") : "") +
               (lines.length ? ". " + lines.join("; ") : ". No line on this site yet."));
    });
    return out;
  }

  // Councils not named on the question can be named here: the form reloads this outcome with them,
  // keeping the answers and the start day. Shown only with JavaScript (only it shows the numbers).
  // again: the link named a council that has no card, so the form is offered after all.
  function nameCouncils(root, answers, start, again) {
    var form = root.querySelector("[data-name-councils]");
    if (!form || (pair.from && pair.to && !again) || (again && !form.hidden)) return;
    form.hidden = false;
    [["answers", answers.join(",")], ["start", start]].forEach(function (kept) {
      if (!kept[1]) return;
      var input = el("input");
      input.type = "hidden";
      input.name = kept[0];
      input.value = kept[1];
      form.appendChild(input);
    });
    ["from", "to"].forEach(function (name) {
      var select = form.querySelector("select[name=" + name + "]");
      if (select && pair[name]) select.value = pair[name];
    });
  }

  function outcome(root, tree, path, answers, start) {
    nameCouncils(root, answers, start);
    var found = null;
    councils(root, path).then(function (result) {
      found = result;
      showCouncils(root, found);
      if (linkUnknown.length) nameCouncils(root, answers, start, true);
      refresh();
    });
    var closedList = readJSON("bank-holidays") || [];
    var closed = {};
    closedList.forEach(function (d) { closed[d] = true; });
    var first = closedList.length ? closedList[0].slice(0, 4) : null;
    var last = closedList.length ? closedList[closedList.length - 1].slice(0, 4) : null;

    var calc = root.querySelector("[data-deadline-calc]");
    var input = root.querySelector("[data-start-date]");
    var results = {};

    function compute() {
      var value = input && input.value;
      var rows = root.querySelectorAll("tr[data-deadline]");
      Array.prototype.forEach.call(rows, function (row) {
        var cell = row.querySelector("[data-date]");
        if (!value) { cell.textContent = "Enter a start date."; return; }
        var due = addWorkingDays(value, parseInt(row.getAttribute("data-working-days"), 10), closed);
        results[row.getAttribute("data-deadline")] = due;
        var note = (first && (value.slice(0, 4) < first || due.slice(0, 4) > last))
          ? " (bank holidays for that year are not known here: check by hand)" : "";
        cell.textContent = longDate(due) + note;
        cell.setAttribute("data-iso", due);
      });
      // The box at the top: the date first, and under "How this date is counted" the day it counts
      // from (today unless the reader changed it under Deadlines), replacing the build day.
      Array.prototype.forEach.call(root.querySelectorAll("[data-glance-date]"), function (date) {
        var due = results[date.getAttribute("data-glance-date")];
        if (due) date.textContent = shortDate(due);
      });
      Array.prototype.forEach.call(root.querySelectorAll("[data-glance-from]"), function (from) {
        if (!value) return;
        from.textContent = "Counted from " + longDate(value) + (value === todayISO() ? " (today)" : "") + ". ";
        from.appendChild(link("#deadlines", "Change the day"));
        from.appendChild(document.createTextNode(" if the count starts on another day."));
      });
      Array.prototype.forEach.call(root.querySelectorAll("[data-deadline-ref]"), function (ref) {
        var due = results[ref.getAttribute("data-deadline-ref")];
        var out = ref.parentNode.querySelector(".step__due") || document.createElement("strong");
        out.className = "step__due";
        out.textContent = due ? " — " + longDate(due) : "";
        ref.parentNode.appendChild(out);
      });
      if (value) {
        var url = withParams(window.location.pathname + window.location.search, answers, value);
        window.history.replaceState(null, "", url + window.location.hash);
      }
    }

    if (calc && input) {
      calc.hidden = false;
      input.value = start && /^\d{4}-\d{2}-\d{2}$/.test(start) ? start : todayISO();
      if (start && input.value !== start) {         // not a date (30 February, words): said, and today instead
        input.value = todayISO();
        window.atlasDom.linkNotice(calc, "The start date in this link, " + window.atlasDom.quoted([start]) +
          ", is not a date: the deadlines count from today until you change the day.");
      }
      input.addEventListener("change", compute);
      input.addEventListener("input", compute);
      compute();
    }

    // The record: "short" (the box at the top) or "full" (below). A detail left empty is left
    // out, so a quick copy has no blanks.
    function record(kind) {
      var lines = ["Decision record: " + tree.title,
                   "Outcome: " + text(root.querySelector("h1"))];
      if (kind !== "short") lines.push(text(root.querySelector(".lede")));
      lines.push("", "Link: " + window.location.href, "Recorded: " + longDate(todayISO()));
      var details = Array.prototype.filter.call(root.querySelectorAll("[data-record-field]"), function (field) { return field.value.trim(); });
      if (details.length) lines.push("");
      details.forEach(function (field) { lines.push(field.getAttribute("data-record-field") + ": " + field.value.trim()); });
      var named = councilLines(found);
      if (named.length) lines.push.apply(lines, [""].concat(named));
      lines.push("", "Answers:");
      if (!path.taken.length) lines.push("- (none given: this outcome was opened directly)");
      path.taken.forEach(function (step) { lines.push("- " + step.text + " " + step.answer.label); });
      if (kind === "short") return lines.concat(shortPart()).join("\n");
      lines.push("", "What to do:");
      Array.prototype.forEach.call(root.querySelectorAll("[data-step]"), function (step, i) {
        var when = text(step.querySelector("[data-when]"));
        var due = step.querySelector("[data-deadline-ref]");
        var dueDate = text(step.querySelector(".step__due"));
        var by = due ? " By: " + text(due) + (dueDate ? " " + dueDate : "") + "." : "";
        lines.push((i + 1) + ". " + text(step.querySelector("[data-who]")) + (when ? " " + when : "") + ": " +
                   text(step.querySelector("[data-text]")) + by + " [" + text(step.querySelector("[data-cites]")) + "]" +
                   sourceWords(step));
      });
      var rows = root.querySelectorAll("tr[data-deadline]");
      if (rows.length) {
        lines.push("", "Deadlines from " + (input && input.value ? longDate(input.value) : "the start date") +
                   " (Monday to Friday, not bank holidays in England and Wales):");
        Array.prototype.forEach.call(rows, function (row) {
          lines.push("- " + text(row.querySelector("[data-label]")) + ": " + text(row.querySelector("[data-date]")) +
                     " (" + text(row.querySelector("[data-rule]")) + ")");
        });
      }
      Array.prototype.forEach.call(root.querySelectorAll("[data-section]"), function (section) {
        lines.push("", section.getAttribute("data-section") + ":");
        Array.prototype.forEach.call(section.querySelectorAll("li[data-line]"), function (li) {
          lines.push("- " + text(li.querySelector("[data-line-text]")) + " " +
                     text(li.querySelector("[data-line-cites]")).replace(/^\(/, "[").replace(/\)$/, "]") + sourceWords(li));
        });
      });
      var cited = Array.prototype.map.call(root.querySelectorAll(".source-para summary"), text);
      lines.push("", "Paragraphs cited: " + cited.join("; "),
                 "Source: Leaving Care Atlas, our plain-English reading of the paragraphs cited.");
      return lines.join("\n");
    }

    // The short record: Do now, the dates, who pays, and the paragraphs cited.
    function shortPart() {
      var out = ["", "Do now:"];
      var who = "";
      Array.prototype.forEach.call(root.querySelectorAll("[data-do-now] .glance__who, [data-do-now] li"), function (item) {
        if (item.tagName === "P") who = text(item);
        else out.push("- " + who + " " + text(item));
      });
      Array.prototype.forEach.call(root.querySelectorAll("tr[data-deadline]"), function (row) {
        out.push("", "Deadline: " + text(row.querySelector("[data-date]")) + ": " + text(row.querySelector("[data-label]")) +
                 " (" + text(row.querySelector("[data-rule]")) + "; counted from " + (input && input.value ? longDate(input.value) : "the start date") +
                 ", Monday to Friday, not bank holidays in England and Wales)");
      });
      var pays = root.querySelector("#who-pays + [data-section] li[data-line]");
      if (pays) out.push("", "Who pays: " + text(pays.querySelector("[data-line-text]")) + " " + text(pays.querySelector("[data-line-cites]")));
      var cited = Array.prototype.map.call(root.querySelectorAll(".source-para summary"), text);
      out.push("", "Paragraphs cited: " + cited.join("; "),
               "Source: Leaving Care Atlas, our plain-English reading of the paragraphs cited. The full record is on the page.");
      return out;
    }

    // The source's own words behind a line, quoted in the record so it stands on its own.
    function sourceWords(el) {
      var quotes = Array.prototype.map.call(el.querySelectorAll(".evidence__quote"), text);
      var reading = el.querySelector(".reading-flag") ? " (our reading)" : "";
      return reading + (quotes.length ? " Source words: " + quotes.join("; ") : "");
    }

    var pre = root.querySelector("[data-record-text]");
    var fields = root.querySelector("[data-record-fields]");
    var refresh = function () { if (pre) pre.textContent = record("full"); };
    if (fields) {
      fields.hidden = false;
      fields.addEventListener("input", function () { refresh(); });
      fields.addEventListener("submit", function (event) { event.preventDefault(); });
    }
    // Two sets of actions: in the at-a-glance box and at the record. Each reports beside itself.
    Array.prototype.forEach.call(root.querySelectorAll("[data-record-actions]"), function (actions) {
      actions.hidden = false;
      var status = actions.querySelector("[data-record-status]");
      var button = actions.querySelector("[data-copy-record]");
      button.addEventListener("click", function () {
        var value = record(button.getAttribute("data-copy-record"));
        if (pre) pre.textContent = value;
        var details = root.querySelector("[data-record-details]");
        if (!navigator.clipboard) {
          if (details) details.open = true;
          status.textContent = "Copy the record text below by hand.";
          return;
        }
        navigator.clipboard.writeText(value).then(function () {
          status.textContent = "Copied. Paste it into your case notes.";
        }, function () {
          if (details) details.open = true;
          status.textContent = "Could not copy: the record is shown as text below; select it instead.";
        });
      });
      var print = actions.querySelector("[data-print]");
      if (print) print.addEventListener("click", function () { window.print(); });
    });
    // The ready-to-send message: fill its [blanks] from the councils and the record's fields.
    var message = root.querySelector("[data-message-text]");
    var template = message ? message.textContent : null;
    function fieldValue(label) {
      var field = root.querySelector("[data-record-field='" + label + "']");
      return field && field.value.trim() ? field.value.trim() : null;
    }
    function fillMessage() {
      if (!message) return;
      var values = {
        "[responsible authority]": found && found.responsible ? found.responsible.name : null,
        "[receiving authority]": found && found.receiving ? found.receiving.name : null,
        "[date presented]": fieldValue("When the young person presented or was referred"),
        "[case reference]": fieldValue("Case reference"),
        "[emergency money]": fieldValue("Emergency financial assistance paid"),
        "[review date]": results.review ? longDate(results.review) : null
      };
      // One pass over the template: a value is never read again, so "[review date]" typed as the
      // case reference stays as typed instead of filling another blank.
      message.textContent = template.replace(/\[[^\[\]]+\]/g, function (blank) {
        return values[blank] || blank;
      });
    }
    var messageActions = root.querySelector("[data-message-actions]");
    if (messageActions) {
      messageActions.hidden = false;
      var messageStatus = messageActions.querySelector("[data-message-status]");
      messageActions.querySelector("[data-copy-message]").addEventListener("click", function () {
        fillMessage();
        if (!navigator.clipboard) { messageStatus.textContent = "Select the message below and copy it by hand."; return; }
        navigator.clipboard.writeText(message.textContent).then(function () {
          messageStatus.textContent = "Copied. Paste it into an email.";
        }, function () { messageStatus.textContent = "Could not copy: select the message below instead."; });
      });
    }
    var refreshRecord = refresh;
    refresh = function () { refreshRecord(); fillMessage(); };
    refresh();
    if (input) input.addEventListener("change", refresh);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
