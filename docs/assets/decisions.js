// Decision trees: "Your answers" with Change links, answers carried in the URL, deadlines from
// a start date, and the decision record. Every tree page works without this file: answers are
// plain links and the record is shown as text. Nothing here sends or stores anything.
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
  var SLUG = /^[a-z0-9-]+$/;
  function councilParam(name) {
    var value = new URLSearchParams(window.location.search).get(name);
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
  var addWorkingDays = window.atlasDeadlines.addWorkingDays, longDate = window.atlasDeadlines.longDate;

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

  // The first questions offer both councils when the link did not carry them: choosing them here
  // saves the practitioner a trip to the start page. Hidden without JavaScript (nothing to carry).
  function pairPick(root, changed) {
    var box = root.querySelector("[data-pair-pick]");
    if (!box || (pair.from && pair.to)) return;
    box.hidden = false;
    ["from", "to"].forEach(function (name) {
      var select = box.querySelector("select[name=" + name + "]");
      if (!select) return;
      if (pair[name]) select.value = pair[name];
      select.addEventListener("change", function () {
        pair[name] = SLUG.test(select.value) ? select.value : null;
        changed();
      });
    });
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
    var get = function (slug) { return slug ? window.atlasCards.fetch(siteBase, slug).catch(function () { return null; }) : Promise.resolve(null); };
    return Promise.all([get(pair.from), get(pair.to)]).then(function (both) {
      var side = path.taken.length ? path.taken[0].answer.id : null;
      return { responsible: both[0], receiving: both[1], you: side === "receiving" || side === "responsible" ? side : null };
    });
  }

  function line(l) {
    var item = el("li", null, l.name + ": ");
    item.appendChild(window.atlasCards.phoneLink(l));
    item.appendChild(el("span", "glance__line-note", " (" + l.note + ")"));
    return item;
  }

  function showCouncils(root, found) {
    var box = root.querySelector("[data-glance-contacts]");
    var siteBase = root.getAttribute("data-site-base");
    if (!box || !found) return;
    var wrap = el("div");
    [["responsible", "Responsible authority (looked after them)"], ["receiving", "Receiving authority (where they live now)"]].forEach(function (role) {
      var card = found[role[0]];
      if (!card) return;
      var h = el("p", "glance__council");
      h.appendChild(el("strong", null, found.you === role[0] ? "You (" + card.name + ")" : card.name));
      h.appendChild(document.createTextNode(": " + role[1].toLowerCase() + (card.livesIn ? ", for " + card.livesIn : "")));
      wrap.appendChild(h);
      var saved = window.atlasCards.savedNotice(card);
      if (saved) wrap.appendChild(saved);
      var ul = el("ul");
      var phones = window.atlasCards.phones(card);
      phones.forEach(function (l) { ul.appendChild(line(l)); });
      var more = el("li");
      more.appendChild(link(siteBase + card.page, phones.length ? card.name + ": every line and its source" : "No line on this site yet: " + card.name + "’s page and website"));
      ul.appendChild(more);
      wrap.appendChild(ul);
    });
    box.insertBefore(wrap, box.firstChild);
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
  }

  function councilLines(found) {
    if (!found) return [];
    var out = [];
    ["responsible", "receiving"].forEach(function (role) {
      var card = found[role];
      if (!card) return;
      var lines = window.atlasCards.phones(card).map(function (l) { return l.name + ": " + l.phone + " (" + l.note + ")"; });
      out.push(role.charAt(0).toUpperCase() + role.slice(1) + " authority: " + card.name +
               (card.livesIn ? " (lives in " + card.livesIn + ")" : "") +
               (lines.length ? ". " + lines.join("; ") : ". No line on this site yet."));
    });
    return out;
  }

  function outcome(root, tree, path, answers, start) {
    var found = null;
    councils(root, path).then(function (result) {
      found = result;
      showCouncils(root, found);
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
      // The box at the top keeps the rule (and its "our reading" labels) and adds the date, saying
      // which day it counts from: today unless the reader changed it under Deadlines.
      Array.prototype.forEach.call(root.querySelectorAll("[data-glance-deadline]"), function (rule) {
        var due = results[rule.getAttribute("data-glance-deadline")];
        var out = rule.parentNode.querySelector(".glance__due");
        if (!out) out = rule.parentNode.appendChild(el("span", "glance__due"));
        out.textContent = "";
        if (!due) return;
        out.appendChild(document.createTextNode(" — "));
        out.appendChild(el("strong", null, "by " + longDate(due)));
        out.appendChild(document.createTextNode(", counting from " + longDate(value)
          + (value === todayISO() ? " (today)" : "") + " ("));
        out.appendChild(link("#deadlines", "change the day"));
        out.appendChild(document.createTextNode(")"));
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
      input.addEventListener("change", compute);
      input.addEventListener("input", compute);
      compute();
    }

    function record() {
      var lines = ["Decision record: " + tree.title,
                   "Outcome: " + text(root.querySelector("h1")),
                   text(root.querySelector(".lede")), "",
                   "Link: " + window.location.href, "Recorded: " + longDate(todayISO()), ""];
      Array.prototype.forEach.call(root.querySelectorAll("[data-record-field]"), function (field) {
        lines.push(field.getAttribute("data-record-field") + ": " + (field.value.trim() || "____________"));
      });
      var named = councilLines(found);
      if (named.length) lines.push.apply(lines, [""].concat(named));
      lines.push("", "Answers:");
      if (!path.taken.length) lines.push("- (none given: this outcome was opened directly)");
      path.taken.forEach(function (step) { lines.push("- " + step.text + " " + step.answer.label); });
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

    // The source's own words behind a line, quoted in the record so it stands on its own.
    function sourceWords(el) {
      var quotes = Array.prototype.map.call(el.querySelectorAll(".evidence__quote"), text);
      var reading = el.querySelector(".reading-flag") ? " (our reading)" : "";
      return reading + (quotes.length ? " Source words: " + quotes.join("; ") : "");
    }

    var pre = root.querySelector("[data-record-text]");
    var fields = root.querySelector("[data-record-fields]");
    var refresh = function () { if (pre) pre.textContent = record(); };
    if (fields) {
      fields.hidden = false;
      fields.addEventListener("input", function () { refresh(); });
      fields.addEventListener("submit", function (event) { event.preventDefault(); });
    }
    // Two sets of actions: in the at-a-glance box and at the record. Each reports beside itself.
    Array.prototype.forEach.call(root.querySelectorAll("[data-record-actions]"), function (actions) {
      actions.hidden = false;
      var status = actions.querySelector("[data-record-status]");
      actions.querySelector("[data-copy-record]").addEventListener("click", function () {
        var value = record();
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
      var out = template;
      Object.keys(values).forEach(function (blank) {
        if (values[blank]) out = out.split(blank).join(values[blank]);
      });
      message.textContent = out;
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
