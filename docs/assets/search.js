// Leaving Care Atlas: search. Without this file the search control is a link to /search/, which
// says what to use instead. With it, the control opens a dialog; Pagefind and the parts of the
// index a query needs are fetched only then, from this site.
(function () {
  "use strict";

  var opener = document.querySelector("a[data-search-open]");
  if (!opener) return;
  var searchPage = new URL(opener.getAttribute("href"), window.location.href);
  var root = new URL("../", searchPage);             // the site's root, wherever it is served from
  var KIND_NAMES = {"outcome": "Decision: what to do", "care leavers": "For care leavers",
    "decision": "Decision tree", "council": "Council contact", "document": "Source document",
    "glossary": "Glossary", "local offer": "Local offers", "guide": "Guide"};

  var engine = null;
  function load() {
    if (!engine) {
      engine = Promise.all([
        import(new URL("pagefind/pagefind.js", root).href),
        fetch(new URL("search/synonyms.json", root).href).then(function (r) { return r.ok ? r.json() : []; }),
        import(new URL("assets/search-rank.js", root).href)     // how results are ranked
      ]).then(function (parts) {
        var pagefind = parts[0];
        // noWorker: the worker is one more file (12 KiB) before the first result, for an index this small
        return pagefind.options({baseUrl: root.pathname, excerptLength: 24, noWorker: true}).then(function () {
          return pagefind.init();
        }).then(function () { return parts[2].ranker(pagefind, parts[1]); });
      });
      engine.catch(function () { engine = null; });   // a lost connection may be retried
    }
    return engine;
  }

  function run(query) { return load().then(function (e) { return e.run(query); }); }

  // Once the browser has painted what was drawn (the first results), before more work.
  function afterPaint() {
    return new Promise(function (done) {
      requestAnimationFrame(function () { setTimeout(done, 0); });
    });
  }

  function escapeRe(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

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
      if (window.atlasDom) query = window.atlasDom.plain(query, 200);    // pasted text too
      if (found.paragraph) {
        return "Paragraph " + query.replace(/\.$/, "") + " is first. Press Enter to go to it. " +
          found.total + (found.total === 1 ? " result." : " results.");
      }
      if (found.partial) {
        return found.total === 0 ? "Nothing found for " + query + ". Try other words, or the pages below."
          : "No page has all of: " + query + ". These pages have " + found.partial.size + " of its " +
            found.partial.of + " words" + (found.total > found.count ? ", best " + found.count + " shown." : ".");
      }
      return found.total === 0 ? "Nothing found for " + query + ". Try other words."
        : found.total + (found.total === 1 ? " page" : " pages") + " for " + query +
          (found.total > found.count ? ", best " + found.count + " shown." : ".");
    }

    var sequence = 0;
    var timer = null;
    // go: a paragraph number was submitted (Enter, or /search/?q=8.11): open that paragraph.
    function update(go) {
      var query = box.value.trim();
      var mine = ++sequence;
      if (!query) {
        list.textContent = "";
        list.dataset.query = list.dataset.shown = "";
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
        // The first few are drawn as soon as they come (data-shown); the rest are fetched after
        // and added below them, never moving what is on screen (data-query: all drawn).
        list.textContent = "";
        found.pages.forEach(function (p) { list.appendChild(resultItem(p, found.wordLists)); });
        showSuggestions(found.suggestions || []);
        list.dataset.shown = query;
        status.textContent = say(found, query);
        return afterPaint().then(function () {
          return found.more ? found.more() : [];
        }).then(function (more) {
          if (mine !== sequence) return;
          more.forEach(function (p) { list.appendChild(resultItem(p, found.wordLists)); });
          list.dataset.query = query;
        }, function () {});                 // typed over: that query's other results are not fetched
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
      update(true);                          // a paragraph number goes straight to it
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
    // A link's words go in the box and back into the status line: never its invisible or
    // direction-changing characters (a U+202E would turn round the words after it), and at
    // most 200 characters (atlasDom.plain, atlas.js).
    var q = new URLSearchParams(window.location.search).get("q");
    if (q && window.atlasDom) q = window.atlasDom.plain(q, 200);
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
