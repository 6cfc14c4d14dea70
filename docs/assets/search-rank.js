// Leaving Care Atlas: how search ranks (loaded with Pagefind when search is opened, not on every
// page). All words required (Pagefind's rule), for the reader's words and each synonym version;
// answers first; a paragraph number typed alone; and, when no page has every word, the best
// pages for most of them with the council and topic pages the words name.
const BOOST = 3;       // outcome pages and the care leavers' page: answers first
const PHRASE = 10;     // pages with the words side by side, in order: the surest sign of an answer
const ANSWERS = ["outcome", "care leavers", "local offer"];
export const SHOWN = 20;
const NAMED = 100;     // a council the query names: someone looking a council up
const TOPIC = 2;       // a paragraph one of whose topic labels is the query
const BELOW = 0.01;    // a paragraph that holds the words only apart

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
  // A paragraph one of whose topic labels (ours, a filter: no fragment is fetched to know it)
  // is the query itself ("emergency financial assistance", 8.11) moves up.
  var searches = [];
  var lists = variants(query, e.synonyms);
  lists.forEach(function (v) {
    var words = v.replace(/"/g, "");
    var several = words.indexOf(" ") > 0;
    searches.push(e.pagefind.search(v));
    searches.push(e.pagefind.search(v, {filters: {kind: {any: ANSWERS}}}));
    searches.push(several ? e.pagefind.search('"' + words + '"') : null);
    searches.push(e.pagefind.search(v, {filters: {kind: {any: ["document"]}}}));
    // (with the words: a search with no words would fetch every index chunk)
    searches.push(several ? e.pagefind.search(v, {filters: {topic: words}}) : null);
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
    var answers = {}, phrases = {}, documents = {}, topics = lists.map(function () { return {}; });
    found.forEach(function (f, i) {
      if (!f) return;
      if (i % 5 === 1) f.results.forEach(function (r) { answers[r.id] = true; });
      if (i % 5 === 2) f.results.forEach(function (r) { phrases[r.id] = true; });
      if (i % 5 === 3) f.results.forEach(function (r) { documents[r.id] = true; });
      if (i % 5 === 4) f.results.forEach(function (r) { topics[(i - 4) / 5][r.id] = true; });
    });
    // A paragraph is short, so its own score runs high: it counts as an answer only where it
    // holds the words side by side, and comes after the pages otherwise.
    var best = {};
    found.forEach(function (f, i) {
      if (i % 5 || !f) return;
      var topic = topics[i / 5];
      f.results.forEach(function (r) {
        var score = r.score * (answers[r.id] ? BOOST : 1) * (phrases[r.id] ? PHRASE : 1) *
          (isNamed[r.id] ? NAMED : 1) * (documents[r.id] ? (phrases[r.id] ? BOOST : BELOW) : 1) *
          (phrases[r.id] && topic[r.id] ? TOPIC : 1);
        if (!best[r.id] || best[r.id].score < score) best[r.id] = {result: r, score: score};
      });
    });
    return {ranked: Object.keys(best).map(function (k) { return best[k]; })
      .sort(function (a, b) { return b.score - a.score; }),
      wordLists: lists.map(function (v) { return v.replace(/"/g, "").split(" "); })};
  });
}

// The results shown, their data loaded: the first few at once (a phone's first screen), drawn
// before the rest are fetched; `rest()` fetches the others, unless the reader has typed on.
export const FIRST = 3;
function pagesOf(e, list) {
  // A query typed over since (the reader typed on): its fragments are not fetched at all.
  if (!e.live()) return Promise.reject(new Error("stale"));
  var shown = list.slice(0, SHOWN);
  function data(b) { return b.result.data(); }
  return Promise.all(shown.slice(0, FIRST).map(data)).then(function (first) {
    return {first: first, count: shown.length, rest: function () {
      return e.live() ? Promise.all(shown.slice(FIRST).map(data)) : Promise.reject(new Error("stale"));
    }};
  });
}

// "8.11": the paragraphs with that number (the protocol's first), then pages that cite it.
function byNumber(e, query) {
  var number = base(query).replace(/\.$/, "");
  var ids = {};
  // With the number as a word (each paragraph's record begins with it): a search by the filter
  // alone would fetch every index chunk.
  return e.pagefind.search(number, {filters: {para: number}}).then(function (f) {
    f.results.forEach(function (r) { ids[r.id] = true; });
    return Promise.all(f.results.map(function (r) { return r.data(); }));
  }).then(function (paras) {
    paras.sort(function (a, b) {
      return (b.url.indexOf("/" + PROTOCOL) >= 0) - (a.url.indexOf("/" + PROTOCOL) >= 0);
    });
    return ranked(e, number).then(function (r) {
      var others = r.ranked.filter(function (b) { return !ids[b.result.id]; }).slice(0, SHOWN - paras.length);
      return pagesOf(e, others).then(function (p) {
        return {total: paras.length + others.length, count: paras.length + p.count,
                pages: paras.concat(p.first), more: p.rest,
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
    return (r ? pagesOf(e, r.ranked) : Promise.resolve({first: [], count: 0, rest: null})).then(function (p) {
      return {total: r ? r.ranked.length : 0, count: p.count, pages: p.first, more: p.rest,
              wordLists: r ? r.wordLists : [], partial: {size: r ? r.size : 0, of: words.length},
              suggestions: both[1]};
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

let asked = 0;
function run(engine, query) {
  var mine = ++asked;
  return Promise.resolve().then(function () {
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
    return pagesOf(e, r.ranked).then(function (p) {
      return {total: r.ranked.length, count: p.count, pages: p.first, more: p.rest, wordLists: r.wordLists};
    });
  });
}


// The engine search.js uses: Pagefind, the synonyms, and a run for each query.
export function ranker(pagefind, synonyms) {
  var engine = {pagefind: pagefind, synonyms: synonyms};
  return {run: function (query) { return run(engine, query); }};
}
