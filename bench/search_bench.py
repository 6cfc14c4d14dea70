"""Search figures, measured in Chromium: what a reader downloads and waits for.

- bytes before the first result: every response search needs (its script, engine, index and
  fragments), gzipped at level 9 as a host would serve them (files stored already gzipped count
  as stored), from page load to the first result, typing the query key by key;
- the same once every result is drawn (the first few are drawn before the rest are fetched);
- bytes on a visit without searching: the same, when the reader never opens search;
- which files those bytes were, each gzipped, by query (`files_gzip`): what to look at first;
- time to first result at 4x CPU throttle: from opening search (page already loaded) and
  typing the whole query at once, to the first result on screen.

Run alone: `python bench/search_bench.py [site-dir] [material|pagefind]`.
"""
from __future__ import annotations

import functools
import gzip
import http.server
import statistics
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
QUERIES = ["unplanned", "emergency financial assistance", "council tax Lancashire", "council tax",
           "step down letter", "emergency money", "Derby"]
ENGINES = {
    # what counts as search's own bytes, how to open search, and where results appear
    "material": {"parts": ("/search/search_index.json", "/workers/search", "/lunr/"),
                 "open": "label.md-header__button[for='__search']",
                 "box": "input.md-search__input", "result": ".md-search-result__item a",
                 # results are redrawn per key: wait for those of the whole query (?h=<words>)
                 "done": "q => [...document.querySelectorAll('.md-search-result__item a')].some(a =>"
                         " (new URL(a.href).searchParams.get('h') || '').toLowerCase().split(' ')"
                         ".includes(q.toLowerCase().split(' ').pop()))"},
    "pagefind": {"parts": ("/pagefind/", "/assets/search.js", "/assets/search-rank.js", "/search/synonyms.json"),
                 "open": "a.atlas-search-link",
                 "box": "input[data-search-box]", "result": "[data-search-results] a",
                 # the first results on screen (data-shown; builds before it set data-query only)
                 "done": "q => { const r = document.querySelector('[data-search-results]');"
                         " return r && (r.dataset.shown || r.dataset.query) === q && r.querySelector('a') !== null; }",
                 # every result drawn
                 "all": "q => { const r = document.querySelector('[data-search-results]');"
                        " return r && r.dataset.query === q; }"},
}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _serve(site: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def _gzipped(site: Path, url: str) -> int:
    path = site / urlsplit(url).path.lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    if not path.is_file():
        return 0
    raw = path.read_bytes()
    # Pagefind stores its index and engine already gzipped: a host serves those bytes as they are.
    return min(len(raw), len(gzip.compress(raw, compresslevel=9)))


def _session(browser, site, base, engine, query):
    spec = ENGINES[engine]
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url))
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.goto(base, wait_until="load")
    page.wait_for_timeout(1500)          # what the page fetches by itself, searching or not
    unprompted = sum(_gzipped(site, u) for u in set(seen) if any(p in u for p in spec["parts"]))
    result = None
    if query is not None:
        # The moment the first results are on screen, taken in the page (a request the page makes
        # after it, for results drawn later, is not counted as before the first result).
        page.evaluate("q => { const done = " + spec["done"] + "; window.__drawn = null;"
                      " performance.setResourceTimingBufferSize(2000);"
                      " new MutationObserver(() => { if (window.__drawn === null && done(q))"
                      " window.__drawn = performance.now(); })"
                      ".observe(document.body, {subtree: true, childList: true, attributes: true}); }", query)
        start = time.perf_counter()
        page.click(spec["open"])
        page.locator(spec["box"]).first.focus()
        page.keyboard.type(query)     # Material listens to keys: type as a person would, without delay
        try:
            page.wait_for_function(spec["done"], arg=query, timeout=20000, polling=50)
        except Exception:                  # no result for the whole query within 20 s
            context.close()
            return unprompted, {"seconds": None, "first": None, "bytes": None, "files": None}
        elapsed = time.perf_counter() - start
        first = urlsplit(page.locator(spec["result"]).first.get_attribute("href")).path
        before = page.evaluate("() => performance.getEntriesByType('resource')"
                               ".filter(e => e.startTime <= window.__drawn).map(e => e.name)")
        before += [u for u in seen if "/assets/search.js" in u]     # fetched with the page
        files = {urlsplit(u).path: _gzipped(site, u) for u in set(before) if any(p in u for p in spec["parts"])}
        result = {"seconds": elapsed, "first": first, "bytes": sum(files.values()),
                  "files": dict(sorted(files.items(), key=lambda kv: -kv[1]))}
        if "all" in spec:                  # and once every result is drawn
            page.wait_for_function(spec["all"], arg=query, timeout=20000, polling=50)
            page.wait_for_timeout(200)
            result["bytes_all"] = sum(_gzipped(site, u) for u in set(seen) if any(p in u for p in spec["parts"]))
    context.close()
    return unprompted, result


def measure(site: Path, engine: str, runs: int = 1) -> dict:
    from playwright.sync_api import sync_playwright
    server, base = _serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            unprompted, _ = _session(browser, site, base, engine, None)
            figures = {"search_bytes_without_searching_gzip": unprompted}
            per_query = {}
            for query in QUERIES:
                runs_ = [_session(browser, site, base, engine, query)[1] for _ in range(runs)]
                times = [r["seconds"] for r in runs_ if r["seconds"] is not None]
                per_query[query] = {"seconds_median": round(statistics.median(times), 2) if times else None,
                                    "bytes_gzip": runs_[0]["bytes"], "first": runs_[0]["first"],
                                    "bytes_gzip_all_drawn": runs_[0].get("bytes_all"),
                                    "files_gzip": runs_[0]["files"]}
            browser.close()
    finally:
        server.shutdown()
    answered = [q for q in per_query.values() if q["seconds_median"] is not None]
    figures["search_bytes_before_first_result_gzip_max"] = max(q["bytes_gzip"] for q in answered)
    figures["search_bytes_before_first_result_gzip_median"] = statistics.median(q["bytes_gzip"] for q in answered)
    figures["search_seconds_to_first_result_4x_median"] = round(
        statistics.median(q["seconds_median"] for q in answered), 2)
    figures["search_queries"] = per_query
    return figures


if __name__ == "__main__":
    import json
    site_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "site"
    print(json.dumps(measure(site_dir, sys.argv[2] if len(sys.argv) > 2 else "pagefind"), indent=2))
