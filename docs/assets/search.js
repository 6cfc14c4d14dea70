// Leaving Care Atlas: search. Without this file the search control is a link to /search/, which
// says what to use instead. With it, the control opens a dialog; Pagefind and the parts of the
// index a query needs are fetched only then, from this site.
(function () {
  "use strict";

  var opener = document.querySelector("a[data-search-open]");
  if (!opener) return;
  var searchPage = new URL(opener.getAttribute("href"), window.location.href);
  var root = new URL("../", searchPage);             // the site's root, wherever it is served from
  var BOOST = 3;       // outcome pages and the care leavers' page: answers first
  var PHRASE = 10;     // pages with the words side by side, in order: the surest sign of an answer
  var ANSWERS = ["outcome", "care leavers", "local offer"];
  var SHOWN = 20;
  var NAMED = 100;
  var TOPIC = 2;
  var BELOW = 0.01;    // a paragraph that holds the words only apart       // a paragraph one of whose topic labels is the query     // a council page whose name is the query: someone looking a council up
  var KIND_NAMES = {"outcome": "Decision: what to do", "care leavers": "For care leavers",
    "decision": "Decision tree", "council": "Council contact", "document": "Source document",
    "glossary": "Glossary", "local offer": "Local offers", "guide": "Guide"};

  var engine = null;
  function load() {
    if (!engine) {
      engine = Promise.all([
        import(new URL("pagefind/pagefind.js", root).href),
        fetch(new URL("search/synonyms.json", root).href).then(function (r) { return r.ok ? r.json() : []; })
      ]).then(function (parts) {
        var pagefind = parts[0];
        // noWorker: the worker is one more file (12 KiB) before the first result, for an index this small
        return pagefind.options({baseUrl: root.pathname, excerptLength: 24, noWorker: true}).then(function () {
          return pagefind.init();
        }).then(function () { return {pagefind: pagefind, synonyms: parts[1]}; });
      });
      engine.catch(function () { engine = null; });   // a lost connection may be retried
    }
    return engine;
  }

  function escapeRe(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  // The reader's words, then the same with each synonym in their place; "together" words quoted.
  function variants(query, synonyms) {
    var base = query.toLowerCase().replace(/["“”]/g, " ").replace(/\s+/g, " ").trim();
    var out = [base];
    synonyms.forEach(function (s) {
      var re = new RegExp("(^|\\s)" + escapeRe(s.say) + "(?=\\s|$)");
      out.slice().forEach(function (v) {
        if (!re.test(v)) return;
        s.means.forEach(function (m) { out.push(v.replace(re, "$1" + m)); });
      });
    });
    return out.slice(0, 8).map(function (v) {
      synonyms.forEach(function (s) {
        if (s.together) v = v.replace(new RegExp("(^|\\s)" + escapeRe(s.say) + "(?=\\s|$)"), "$1\"" + s.say + "\"");
      });
      return v;
    });
  }

  function base(query) { return query.toLowerCase().replace(/["“”]/g, " ").replace(/\s+/g, " ").trim(); }

  var PARA = /^\d+(\.\d+)+\.?$/;      // a paragraph number typed alone: "8.11", "9.3", "2.2.3"
  var PROTOCOL = "protocol/";         // the protocol's paragraph first when documents share a number

  function within(query, name) { return (" " + query + " ").indexOf(" " + name.toLowerCase() + " ") >= 0; }

  // Every variant, all words required (Pagefind's rule); answers are boosted, best score kept.
  function ranked(e, query) {
    // For each variant: all its words; answers only; its words side by side, as a phrase;
    // paragraphs of the documents only.
    var searches = [];
    var lists = variants(query, e.synonyms);
    lists.forEach(function (v) {
      var words = v.replace(/"/g, "");
      searches.push(e.pagefind.search(v));
      searches.push(e.pagefind.search(v, {filters: {kind: {any: ANSWERS}}}));
      searches.push(words.indexOf(" ") > 0 ? e.pagefind.search('"' + words + '"') : null);
      searches.push(e.pagefind.search(v, {filters: {kind: {any: ["document"]}}}));
    });
    // A council the query names ("Kent allowance"): its page first.
    var q = base(query);
    var named = e.pagefind.search(q, {filters: {kind: {any: ["council"]}}}).then(function (f) {
      return Promise.all(f.results.slice(0, e.live() ? 3 : 0).map(function (r) {
        return r.data().then(function (d) { return within(q, (d.meta && d.meta.title) || "\u0000") ? r.id : null; });
      }));
    });
    return Promise.all([Promise.all(searches), named]).then(function (both) {
      var found = both[0], isNamed = {};
      both[1].forEach(function (id) { if (id) isNamed[id] = true; });
      var answers = {}, phrases = {}, documents = {};
      found.forEach(function (f, i) {
        if (!f) return;
        if (i % 4 === 1) f.results.forEach(function (r) { answers[r.id] = true; });
        if (i % 4 === 2) f.results.forEach(function (r) { phrases[r.id] = true; });
        if (i % 4 === 3) f.results.forEach(function (r) { documents[r.id] = true; });
      });
      // A paragraph is short, so its own score runs high: it counts as an answer only where it
      // holds the words side by side, and comes after the pages otherwise.
      var best = {};
      found.forEach(function (f, i) {
        if (i % 4 || !f) return;
        f.results.forEach(function (r) {
          var score = r.score * (answers[r.id] ? BOOST : 1) * (phrases[r.id] ? PHRASE : 1) *
            (isNamed[r.id] ? NAMED : 1) * (documents[r.id] ? (phrases[r.id] ? BOOST : BELOW) : 1);
          if (!best[r.id] || best[r.id].score < score) {
            best[r.id] = {result: r, score: score, phrase: !!phrases[r.id], words: lists[i / 4].replace(/"/g, "")};
          }
        });
      });
      return {ranked: Object.keys(best).map(function (k) { return best[k]; })
        .sort(function (a, b) { return b.score - a.score; }),
        wordLists: lists.map(function (v) { return v.replace(/"/g, "").split(" "); })};
    });
  }

  // The results shown, their data loaded; a paragraph one of whose topic labels (ours) is the
  // query itself ("emergency financial assistance", 8.11) moves up among them.
  function pagesOf(e, list) {
    // A query typed over since (the reader typed on): its fragments are not fetched at all.
    if (!e.live()) return Promise.reject(new Error("stale"));
    var shown = list.slice(0, SHOWN);
    return Promise.all(shown.map(function (b) { return b.result.data(); })).then(function (pages) {
      var scored = pages.map(function (p, i) {
        var b = shown[i];
        var topics = (p.meta.topics || "").toLowerCase().split(", ");
        return {page: p, score: b.score * (b.phrase && topics.indexOf(b.words) >= 0 ? TOPIC : 1)};
      });
      return scored.sort(function (a, b) { return b.score - a.score; }).map(function (s) { return s.page; });
    });
  }

  // "8.11": the paragraphs with that number (the protocol's first), then pages that cite it.
  function byNumber(e, query) {
    var number = base(query).replace(/\.$/, "");
    return e.pagefind.search(null, {filters: {para: number}}).then(function (f) {
      return Promise.all(f.results.map(function (r) { return r.data(); }));
    }).then(function (paras) {
      paras.sort(function (a, b) {
        return (b.url.indexOf("/" + PROTOCOL) >= 0) - (a.url.indexOf("/" + PROTOCOL) >= 0);
      });
      return ranked(e, number).then(function (r) {
        var seen = {};
        paras.forEach(function (p) { seen[p.url] = true; });
        return pagesOf(e, r.ranked).then(function (pages) {
          var rest = pages.filter(function (p) { return !seen[p.url]; });
          return {total: paras.length + rest.length, pages: paras.concat(rest).slice(0, SHOWN),
                  wordLists: r.wordLists, paragraph: paras.length ? paras[0] : null};
        });
      });
    });
  }

  function subsets(words, size) {
    var out = [];
    (function pick(start, chosen) {
      if (out.length >= 20) return;
      if (chosen.length === size) { out.push(chosen.join(" ")); return; }
      for (var i = start; i < words.length; i++) pick(i + 1, chosen.concat([words[i]]));
    })(0, []);
    return out;
  }

  // No page has every word: the best pages for most of the words, and the council and topic
  // pages the words name, so a search never ends with nothing.
  function partial(e, query) {
    var q = base(query);
    var words = q.split(" ");
    var size = words.length - 1;
    function tryFewer() {
      if (size < 1) return Promise.resolve(null);
      return Promise.all(subsets(words, size).map(function (v) { return ranked(e, v); })).then(function (all) {
        var best = {};
        all.forEach(function (r) {
          r.ranked.forEach(function (b) {
            if (!best[b.result.id] || best[b.result.id].score < b.score) best[b.result.id] = b;
          });
        });
        var list = Object.keys(best).map(function (k) { return best[k]; })
          .sort(function (a, b) { return b.score - a.score; });
        if (list.length) return {ranked: list, size: size, wordLists: [].concat.apply([], all.map(function (r) { return r.wordLists; }))};
        size -= 1;
        return tryFewer();
      });
    }
    return Promise.all([tryFewer(), suggestions(e, q)]).then(function (both) {
      var r = both[0];
      return (r ? pagesOf(e, r.ranked) : Promise.resolve([])).then(function (pages) {
        return {total: r ? r.ranked.length : 0, pages: pages, wordLists: r ? r.wordLists : [],
                partial: {size: r ? r.size : 0, of: words.length}, suggestions: both[1]};
      });
    });
  }

  // The councils the query names, and the best answer page for its other words.
  function suggestions(e, q) {
    return e.pagefind.filters().then(function (filters) {
      var names = Object.keys(filters.council || {}).sort(function (a, b) { return b.length - a.length; });
      var rest = q, named = [];
      names.forEach(function (name) {
        if (within(rest, name)) {
          named.push(name);
          rest = (" " + rest + " ").replace(" " + name.toLowerCase() + " ", " ").trim();
        }
      });
      var councils = Promise.all(named.map(function (name) {
        return e.pagefind.search(null, {filters: {council: name}}).then(function (f) {
          return f.results.length ? f.results[0].data() : null;
        });
      }));
      var topics = rest ? e.pagefind.search(rest, {filters: {kind: {any: ANSWERS}}}).then(function (f) {
        return Promise.all(f.results.slice(0, 2).map(function (r) { return r.data(); }));
      }) : Promise.resolve([]);
      return Promise.all([councils, topics]).then(function (both) {
        return both[0].concat(both[1]).filter(Boolean);
      });
    });
  }

  var asked = 0;
  function run(query) {
    var mine = ++asked;
    return load().then(function (engine) {
      var e = Object.create(engine);
      e.live = function () { return mine === asked; };
      if (PARA.test(base(query))) {
        return byNumber(e, query).then(function (found) {
          return found.total ? found : byWords(e, query);
        });
      }
      return byWords(e, query);
    });
  }

  function byWords(e, query) {
    return ranked(e, query).then(function (r) {
      if (!r.ranked.length && base(query).indexOf(" ") > 0) return partial(e, query);
      return pagesOf(e, r.ranked).then(function (pages) {
        return {total: r.ranked.length, pages: pages, wordLists: r.wordLists};
      });
    });
  }

  // Pagefind's excerpt is text with <mark> around matches: rebuild it as text and <mark> nodes.
  function excerptNode(html) {
    var p = document.createElement("p");
    var doc = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html");
    Array.prototype.forEach.call(doc.body.childNodes, function (n) {
      if (n.nodeName === "MARK") {
        var m = document.createElement("mark");
        m.textContent = n.textContent;
        p.appendChild(m);
      } else {
        p.appendChild(document.createTextNode(n.textContent));
      }
    });
    return p;
  }

  // A council's result shows the lines it holds that the query asks about (the value of an offer,
  // a phone number), whole, rather than a window of words around the council's name.
  function heldLines(page, wordLists) {
    var name = (page.meta.title || "").toLowerCase().split(" ");
    var words = [].concat.apply([], wordLists).filter(function (w, i, all) {
      return w.length > 1 && name.indexOf(w) < 0 && all.indexOf(w) === i;
    });
    if (!words.length) return null;
    var res = words.map(function (w) { return new RegExp("(^|[^a-z0-9])" + escapeRe(w), "i"); });
    var sentences = (page.content || "").split(/(?<=\.)\s+/).map(function (text, at) {
      return {text: text, at: at, hits: res.filter(function (re) { return re.test(text); }).length};
    }).filter(function (s) { return s.hits > 0; });
    // A line with a value or a number in it (£2,000, ages 18 to 21, 0114 ...) before a heading.
    var valued = sentences.filter(function (s) { return /[0-9£%]/.test(s.text); });
    if (valued.length) sentences = valued;
    if (!sentences.length) return null;
    var most = Math.max.apply(null, sentences.map(function (s) { return s.hits; }));
    var p = document.createElement("p");
    p.textContent = sentences.filter(function (s) { return s.hits === most; }).slice(0, 2)
      .map(function (s) { return s.text; }).join(" ");
    return p;
  }

  function link(url, text) {
    var a = document.createElement("a");
    a.href = url;
    a.textContent = text;
    return a;
  }

  function resultItem(page, wordLists) {
    var li = document.createElement("li");
    var kind = (page.filters && page.filters.kind && page.filters.kind[0]) || "guide";
    li.appendChild(link(page.url, page.meta.title || page.url));
    var label = document.createElement("span");
    label.className = "atlas-search__kind";
    label.textContent = KIND_NAMES[kind] || kind;
    li.appendChild(label);
    var held = kind === "council" ? heldLines(page, wordLists) : null;
    if (page.meta.lede) {                  // an outcome answers in one line: show that line
      var lede = document.createElement("p");
      lede.textContent = page.meta.lede;
      li.appendChild(lede);
    } else if (held) {
      li.appendChild(held);
    } else {
      li.appendChild(excerptNode(page.excerpt));
    }
    // Paragraphs and entries that match, most matches first (protocol 9.3, a glossary term...)
    // A heading that holds every word of the query (or of a synonym's version) comes first.
    function named(s) {
      var title = s.title.toLowerCase();
      return wordLists.some(function (words) {
        return words.every(function (w) { return title.indexOf(w) >= 0; });
      }) ? 1 : 0;
    }
    var subs = (page.sub_results || []).filter(function (s) { return s.url.indexOf("#") > 0 && s.url !== page.url; })
      .sort(function (a, b) { return named(b) - named(a) || b.locations.length - a.locations.length; })
      .slice(0, 5);
    if (subs.length && !page.meta.lede) {
      var ul = document.createElement("ul");
      ul.className = "atlas-search__subs";
      subs.forEach(function (s) {
        var item = document.createElement("li");
        item.appendChild(link(s.url, s.title));
        ul.appendChild(item);
      });
      li.appendChild(ul);
    }
    return li;
  }

  // One search box and its results, in the dialog or on the /search/ page.
  function searchUi(container, idPrefix) {
    var form = document.createElement("form");
    form.className = "atlas-search__form";
    form.setAttribute("role", "search");
    form.action = searchPage.href;
    form.innerHTML = '<label></label><input type="search" name="q" autocomplete="off" spellcheck="false" data-search-box>';
    var label = form.querySelector("label");
    var box = form.querySelector("input");
    label.textContent = "Search this site";
    label.htmlFor = box.id = idPrefix + "-box";
    var body = document.createElement("div");
    body.className = "atlas-search__body";
    var status = document.createElement("p");
    status.className = "atlas-search__status";
    status.setAttribute("role", "status");
    status.id = idPrefix + "-status";
    box.setAttribute("aria-describedby", status.id);
    var list = document.createElement("ol");
    list.className = "atlas-search__results";
    list.setAttribute("data-search-results", "");
    list.setAttribute("aria-label", "Results");
    body.appendChild(status);
    body.appendChild(list);
    container.appendChild(form);
    container.appendChild(body);

    var suggest = document.createElement("p");
    suggest.className = "atlas-search__suggest";
    suggest.hidden = true;
    body.insertBefore(suggest, list);

    function showSuggestions(pages) {
      suggest.textContent = "";
      suggest.hidden = !pages.length;
      if (!pages.length) return;
      suggest.appendChild(document.createTextNode("Pages your words name: "));
      pages.forEach(function (p, i) {
        if (i) suggest.appendChild(document.createTextNode(", "));
        suggest.appendChild(link(p.url, p.meta.title || p.url));
      });
      suggest.appendChild(document.createTextNode("."));
    }

    function say(found, query) {
      if (found.paragraph) {
        return "Paragraph " + base(query).replace(/\.$/, "") + " is first. Press Enter to go to it. " +
          found.total + (found.total === 1 ? " result." : " results.");
      }
      if (found.partial) {
        return found.total === 0 ? "Nothing found for " + query + ". Try other words, or the pages below."
          : "No page has all of: " + query + ". These pages have " + found.partial.size + " of its " +
            found.partial.of + " words" + (found.total > SHOWN ? ", best " + SHOWN + " shown." : ".");
      }
      return found.total === 0 ? "Nothing found for " + query + ". Try other words."
        : found.total + (found.total === 1 ? " page" : " pages") + " for " + query +
          (found.total > SHOWN ? ", best " + SHOWN + " shown." : ".");
    }

    var sequence = 0;
    var timer = null;
    // go: a paragraph number was submitted (Enter, or /search/?q=8.11): open that paragraph.
    function update(go) {
      var query = box.value.trim();
      var mine = ++sequence;
      if (!query) {
        list.textContent = "";
        list.dataset.query = "";
        showSuggestions([]);
        status.textContent = "Type words to search for, or a paragraph number such as 8.11.";
        return;
      }
      status.textContent = "Searching…";
      run(query).then(function (found) {
        if (mine !== sequence) return;              // a later query has been typed
        if (go === true && found.paragraph) {
          window.location.href = found.paragraph.url;
          return;
        }
        list.textContent = "";
        found.pages.forEach(function (p) { list.appendChild(resultItem(p, found.wordLists)); });
        showSuggestions(found.suggestions || []);
        list.dataset.query = query;
        status.textContent = say(found, query);
      }, function () {
        if (mine !== sequence) return;
        status.textContent = "Search could not load. The contents, the A to Z of councils and the glossary are on the search page.";
      });
    }
    box.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(update, 120);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      update(PARA.test(base(box.value)));
    });
    // Arrows move between the box and the results; Tab works as everywhere else.
    container.addEventListener("keydown", function (event) {
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      var stops = [box].concat(links);
      var at = stops.indexOf(document.activeElement);
      if (at < 0 || links.length === 0) return;
      event.preventDefault();
      var next = stops[Math.max(0, Math.min(stops.length - 1, at + (event.key === "ArrowDown" ? 1 : -1)))];
      next.focus();
      if (next !== box) next.scrollIntoView({block: "nearest"});
    });
    box.addEventListener("focus", load, {once: true});   // start fetching while the reader types
    return {box: box, update: update};
  }

  var dialog = null;
  var dialogUi = null;
  function openDialog() {
    if (!dialog) {
      dialog = document.createElement("dialog");
      dialog.className = "atlas-search";
      dialog.setAttribute("aria-label", "Search this site");
      dialogUi = searchUi(dialog, "atlas-search");
      var close = document.createElement("button");
      close.type = "button";
      close.textContent = "Close";
      close.setAttribute("aria-label", "Close search");
      close.addEventListener("click", function () { dialog.close(); });
      dialog.querySelector("form").appendChild(close);
      dialog.addEventListener("click", function (event) {   // a tap on the backdrop closes it
        if (event.target === dialog) dialog.close();
      });
      dialog.addEventListener("close", function () { opener.focus(); });
      document.body.appendChild(dialog);
    }
    dialog.showModal();                    // Escape closes it; focus stays inside while open
    dialogUi.box.focus();
    load();
  }

  var pageUi = null;
  var onPage = document.querySelector("[data-search-page]");
  if (onPage) {
    onPage.querySelector("[data-search-nojs]").hidden = true;
    pageUi = searchUi(onPage, "search-page");
    var q = new URLSearchParams(window.location.search).get("q");
    if (q) { pageUi.box.value = q; pageUi.update(true); }
  }

  opener.setAttribute("role", "button");
  opener.setAttribute("aria-haspopup", "dialog");
  opener.addEventListener("click", function (event) {
    event.preventDefault();
    if (pageUi) { pageUi.box.focus(); return; }
    openDialog();
  });
})();
