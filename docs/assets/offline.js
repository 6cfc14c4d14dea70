// The "Without signal" page (docs/offline.md): list the pages saved on this phone by docs/sw.js,
// newest first, each with the date it was saved. Read from the phone only; nothing is fetched.
(function () {
  "use strict";
  var list = document.getElementById("atlas-saved");
  var script = document.currentScript;
  if (!list || !script || !window.caches) return;
  var root = new URL("../", script.src).pathname;      // this script lives in <root>/assets/
  function day(iso) {
    return new Date(iso).toLocaleDateString("en-GB", {day: "numeric", month: "long", year: "numeric"});
  }
  caches.keys().then(function (names) {
    var name = names.filter(function (n) { return n.indexOf("atlas-offline-") === 0; })[0];
    if (!name) return;
    return caches.open(name).then(function (cache) {
      return cache.keys().then(function (requests) {
        var pages = requests.filter(function (r) {
          var path = new URL(r.url).pathname;
          return /\/$/.test(path) && path.indexOf(root) === 0 && path !== root + "offline/";
        });
        return Promise.all(pages.map(function (r) {
          return cache.match(r).then(function (hit) {
            return hit.text().then(function (html) {
              var m = /<title>([^<]*)<\/title>/.exec(html);
              var title = new DOMParser().parseFromString(m ? m[1] : r.url, "text/html").documentElement.textContent;
              return {url: r.url, title: title.replace(/ - Leaving Care Atlas$/, ""), saved: hit.headers.get("x-atlas-cached-at") || ""};
            });
          });
        }));
      });
    }).then(function (pages) {
      if (!pages.length) return;
      pages.sort(function (a, b) { return a.saved < b.saved ? 1 : -1; });
      list.textContent = "";
      pages.forEach(function (p) {
        var item = list.appendChild(document.createElement("li"));
        var link = item.appendChild(document.createElement("a"));
        link.href = p.url;
        link.textContent = p.title || p.url;
        if (p.saved) item.appendChild(document.createTextNode(" (saved " + day(p.saved) + ")"));
      });
    });
  }).catch(function () {});
})();
