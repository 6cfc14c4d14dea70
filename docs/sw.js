// Leaving Care Atlas: offline after one visit (see docs-dev/offline.md).
// Pages and data come from the NETWORK FIRST; the phone's copy is used only when the network
// fails or has not answered within WAIT (a captive portal, one bar), so a changed phone number is
// never hidden behind a stale copy, and a copy is always marked as one: a page by
// data-atlas-saved, a council card by its x-atlas-cached-at header (cards.js says so by its numbers). Theme files whose
// names carry a content hash (main.79ae519e.min.css) and our own scripts and stylesheets, which
// every page names with their hash (cards.js?v=1a2b3c4d5e6f, macros/assets/versions.py), never
// change, so they come from the copy first: a page saved before a deploy runs the scripts it was
// built with. So do the files those scripts load themselves: the build names them by their hash
// inside the scripts (the type-ahead library, search-rank.js: ?v=) and puts Pagefind's files in a
// folder named by their hash (pagefind/<hash>/, macros/search/index.py). Only this site is ever
// asked; nothing typed is kept: copies are stored by path alone, without the query string
// (?answers=, ?from= ... are read by the page's script from the address bar, never from the
// copy), except our own ?v=<hash>.
"use strict";

var CACHE = "atlas-offline-v1";       // bump when the way copies are stored changes
var STAMP = "x-atlas-cached-at";      // when the copy left the site (ISO time)
var ROOT = new URL("./", self.location).pathname;
// Kept on install: our "offline" page (which lists what is saved, with its script) and the care
// leavers' guide, only its text and styles (its council picker needs the network anyway).
// Not the whole site: a first visit stays under 100 KiB (tests/browser/test_weight.py).
var PRECACHE = {"./offline/": /\.(css|js)$/, "./care-leavers/": /\.css$/};
var HASHED = /\.[0-9a-f]{8,}\.min\.(js|css)$/;
var VERSION = /^\?v=[0-9a-f]{8,}$/;         // ours: assets/cards.js?v=<hash>
var BUNDLE = /\/pagefind\/([0-9a-f]{8,})\//;   // Pagefind's files, in a folder named by their hash

function versioned(url) { return /\.(js|css)$/.test(url.pathname) && VERSION.test(url.search); }
function fixed(url) { return HASHED.test(url.pathname) || versioned(url) || BUNDLE.test(url.pathname); }
var WAIT = 4000;                      // ms a page or card may take before the saved copy is shown

// A copy is stored under its path: /x/index.html and /x/ are the same page; no query string.
function key(url) {
  url = new URL(url, self.location);
  return url.origin + url.pathname.replace(/\/index\.html$/, "/") + (versioned(url) ? url.search : "");
}

// The date a copy is stamped with is the site's own Date header: a page or card taken from the
// browser's HTTP cache (keepPage's force-cache) left the site then, not now, and the offline notice
// must not make it younger than it is. Without a usable Date (or one in the future), now.
function sentOn(response) {
  var now = Date.now(), sent = Date.parse(response.headers.get("date") || "");
  return new Date(isNaN(sent) || sent > now ? now : sent).toISOString();
}

function store(cache, url, response) {
  if (!response || response.status !== 200 || response.type !== "basic") return Promise.resolve(response);
  var copy = response.clone();
  return copy.blob().then(function (body) {
    var headers = new Headers(copy.headers);
    headers.set(STAMP, sentOn(copy));
    return cache.put(key(url), new Response(body, {status: 200, statusText: copy.statusText, headers: headers}));
  }).then(function () { return response; });
}

// Fetch a page (allowing the browser's HTTP cache, so a page just seen is not downloaded
// again), keep it and the stylesheets and scripts it loads from this site.
function keepPage(cache, path, wanted) {
  var url = new URL(path, self.location);
  return fetch(url, {cache: "force-cache"}).then(function (response) {
    if (!response.ok) return null;
    return store(cache, url, response).then(function (r) { return r.text(); }).then(function (html) {
      var assets = [], re = /<(?:link|script)\b[^>]*?\b(?:href|src)="([^"#?]+\.(?:css|js)(?:\?v=[0-9a-f]+)?)"/g, m;
      while ((m = re.exec(html))) {
        var asset = new URL(m[1], url);
        if (asset.origin === self.location.origin && (!wanted || wanted.test(asset.pathname))) assets.push(asset.href);
      }
      return Promise.all(assets.map(function (a) {
        return cache.match(key(a)).then(function (hit) {
          return hit || fetch(a, {cache: "force-cache"}).then(function (r) { return store(cache, a, r); });
        });
      }));
    });
  }).catch(function () { return null; });
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(Object.keys(PRECACHE).map(function (p) { return keepPage(cache, p, PRECACHE[p]); }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n.indexOf("atlas-offline-") === 0 && n !== CACHE; })
      .map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.clients.claim(); }));
});

// The first page seen was loaded before this worker ran: the page asks for it to be kept.
// So are the council cards it fetched (taken from the browser's cache: no second download).
self.addEventListener("message", function (event) {
  var paths = event.data && event.data.keep;
  if (!Array.isArray(paths)) return;
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(paths.slice(0, 20).map(function (path) {
      var url = new URL(String(path), self.location);
      if (url.origin !== self.location.origin || url.pathname.indexOf(ROOT) !== 0) return null;
      if (/\.json$/.test(url.pathname)) {
        return fetch(url.pathname, {cache: "force-cache"}).then(function (r) { return store(cache, url, r); }, function () {});
      }
      return keepPage(cache, url.pathname + url.search);   // the query finds the browser's copy; kept by path
    }));
  }));
});

// The copy's headers for a changed body (its old length would be wrong).
function headersOf(response) {
  var headers = new Headers(response.headers);
  headers.delete("content-length");
  return headers;
}

// A copy shown instead of the network says when it was stored: the page's script reads
// data-atlas-saved on <html> and shows the offline notice.
function fromCopy(request) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(key(request.url)).then(function (hit) {
      if (hit && request.mode === "navigate") {
        var saved = hit.headers.get(STAMP) || "";
        return hit.text().then(function (html) {
          html = html.replace(/<html\b/, '<html data-atlas-saved="' + saved.replace(/[^0-9TZ:.\-]/g, "") + '"');
          return new Response(html, {headers: headersOf(hit)});
        });
      }
      if (hit) return hit;
      if (request.mode === "navigate") {
        // Our page listing what is saved; <base> keeps its relative links right at any depth.
        var offline = new URL("./offline/", self.location);
        return cache.match(key(offline)).then(function (page) {
          if (!page) return Response.error();
          return page.text().then(function (html) {
            return new Response(html.replace(/<head>/, '<head><base href="' + offline.pathname + '">'), {headers: headersOf(page)});
          });
        });
      }
      return Response.error();
    });
  });
}

// Files named by their content's hash (the theme's main.<hash>.min.css, our cards.js?v=<hash>)
// are kept while a saved page names them (an old page offline still finds its own CSS and
// scripts) and dropped once none does; without this every deploy that changed one would leave
// the old on the phone for ever. Reading every saved page is done only when the page just kept
// names a file that differs from one kept under the same stem: after a deploy, not on every visit.
function stem(url) { return url.pathname.replace(/\.[0-9a-f]{8,}(\.min\.(js|css))$/, "$1"); }
function fileName(url) { return url.pathname.split("/").pop() + url.search; }   // as a page names it

function tidy(cache, pageUrl) {
  return Promise.all([cache.keys(), cache.match(key(pageUrl))]).then(function (got) {
    var keys = got[0], page = got[1];
    var hashed = keys.filter(function (r) { return fixed(new URL(r.url)); });
    if (!page || hashed.length < 2) return null;
    return page.text().then(function (html) {
      var named = hashed.filter(function (r) { return html.indexOf(fileName(new URL(r.url))) !== -1; });
      var stems = named.map(function (r) { return stem(new URL(r.url)); });
      var replaced = hashed.some(function (r) {
        return named.indexOf(r) === -1 && stems.indexOf(stem(new URL(r.url))) !== -1;
      });
      return replaced ? sweep(cache, keys, hashed) : null;
    });
  });
}

// How a file named by its hash is named where it is used: a page or a script names
// "cards.js?v=<hash>" or "main.<hash>.min.css"; search.js names Pagefind's folder "pagefind/<hash>/".
function nameOf(url) {
  var bundle = BUNDLE.exec(url.pathname);
  return bundle ? "pagefind/" + bundle[1] + "/" : fileName(url);
}

// Kept: the hashed files a saved page names, then those the kept scripts name (typeahead.js names
// the library, search.js Pagefind's folder), and so on; every other hashed file is deleted.
function sweep(cache, keys, hashed) {
  var pages = keys.filter(function (r) { return /(\/|\.html)$/.test(new URL(r.url).pathname); });
  function texts(requests) {
    return Promise.all(requests.map(function (r) {
      return cache.match(r).then(function (res) { return res ? res.text() : ""; });
    })).then(function (all) { return all.join("\n"); });
  }
  function keep(named, left) {
    var found = left.filter(function (r) { return named.indexOf(nameOf(new URL(r.url))) !== -1; });
    left = left.filter(function (r) { return found.indexOf(r) === -1; });
    var scripts = found.filter(function (r) { return /\.js$/.test(new URL(r.url).pathname); });
    if (!scripts.length) return Promise.resolve(left);
    return texts(scripts).then(function (more) { return keep(more, left); });
  }
  return texts(pages).then(function (all) { return keep(all, hashed); }).then(function (unnamed) {
    return Promise.all(unnamed.map(function (r) { return cache.delete(r); }));
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request, url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || url.pathname.indexOf(ROOT) !== 0) return;
  if (fixed(url)) {
    event.respondWith(caches.open(CACHE).then(function (cache) {
      return cache.match(key(url)).then(function (hit) {
        return hit || fetch(request).then(function (r) { return store(cache, url, r); });
      });
    }));
    return;
  }
  // Pages and data always ask the site (a tiny "not modified" when unchanged): the browser's
  // own cache may not keep a page that answers offline as if it were fresh.
  var fresh = request.mode === "navigate" || /(\/|\.html|\.json)$/.test(url.pathname);
  var network = fetch(request, fresh ? {cache: "no-cache"} : undefined);
  // Kept whenever the network answers, even after the copy was shown: the next visit is fresher.
  event.waitUntil(network.then(function (response) {
    var copy = response.clone();        // now: the page starts reading the body at once
    return caches.open(CACHE).then(function (cache) {
      return store(cache, url, copy).then(function () { return request.mode === "navigate" ? tidy(cache, url) : null; });
    });
  }).catch(function () {}));
  event.respondWith(new Promise(function (resolve) {
    var given = false;
    function give(response) { if (!given) { given = true; resolve(response); } }
    // No answer within WAIT: the copy, marked as such, if there is one. Without one, keep waiting:
    // a slow network may still answer, and nothing else could be shown.
    var timer = setTimeout(function () {
      caches.open(CACHE).then(function (cache) { return cache.match(key(request.url)); }).then(function (hit) {
        if (hit) fromCopy(request).then(give);
      });
    }, WAIT);
    network.then(function (response) { clearTimeout(timer); give(response); },
                 function () { clearTimeout(timer); fromCopy(request).then(give); });
  }));
});
