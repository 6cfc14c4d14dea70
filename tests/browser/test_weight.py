"""Page weight: a first visit to one page of every template stays under 100 KiB gzipped.

Each page is opened in a fresh browser context (empty cache, no service worker) against the
built site served compressed by tools/serve_gzip.py (gzip level 6, fixed timestamp: the bytes
are the same on every run). Every response the server sends is counted, the page's HTML,
CSS, scripts, images, data, and whatever the offline worker (docs/sw.js) fetches on install;
and the browser's own log of requests must name no other host. Times are not measured here:
speed belongs in bench/. A search (Pagefind's engine and index, fetched when search is used) is
not a first visit: bench/search_bench.py measures it.
"""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import in_flight
from tools.serve_gzip import start

LIMIT = 100 * 1024       # bytes, gzipped, first visit (issue 11, item 1)

# One page of each template, as a reader first arrives at it (with the query a shared link carries).
PAGES = {
    "home": "",
    "guide (care leavers)": "care-leavers/",
    "guide (practitioners)": "practitioners/",
    "lead officers": "lead-officers/",
    "your entry": "lead-officers/your-entry/",
    "monitoring": "monitoring/",
    "protocol": "protocol/",
    "documents": "documents/",
    "document": "documents/lancashire-guidance/",
    "glossary": "glossary/",
    "decisions": "decisions/",
    "tree start: unplanned move": "decisions/unplanned-move/",
    "tree start: step down": "decisions/step-down/",
    "tree start: charging": "decisions/charging/",
    "question": "decisions/unplanned-move/q-receiving-situation/?answers=receiving"
                "&from=lancashire&to=worcestershire",
    "outcome (from, to)": "decisions/unplanned-move/o-receiving-unplanned/?answers=receiving,unplanned"
                          "&from=lancashire&to=district-wychavon",
    "directory": "authorities/",
    "council": "authorities/lancashire/",
    "no leaving care line": "authorities/no-leaving-care-line/",
    "moving (from, to)": "moving/?from=lancashire&to=worcestershire",
    "coverage": "coverage/",
    "open data": "data/",
    "local offers": "local-offers/",
    "offers: mine (from, to)": "local-offers/mine/?from=lancashire&to=district-wychavon",
    "offers: mine, static": "local-offers/mine/lancashire/",
    "offers: compare": "local-offers/compare/?c=lancashire,surrey,worcestershire",
    "entitlement": "local-offers/council-tax-exemption/",
    "send a correction": "local-offers/send-a-correction/",
    "tools": "tools/",
    "timescales": "tools/timescales/",
    "letters": "tools/letters/",
    "letter": "tools/letters/step-down/",
    "housing protocol": "tools/worcestershire-housing/",
    "search fallback": "search/",
    "offline": "offline/",
    "about": "about/",
}

_results: dict[str, tuple[int, int]] = {}


@pytest.fixture(scope="module")
def gzip_server(built_site):
    server = start(built_site)
    yield server, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def first_visit(browser, server, base: str, path: str) -> tuple[list, list[str]]:
    """Open base+path in a fresh context, let the offline worker install, and return
    (responses the server sent, URLs the browser asked of any other host)."""
    context = browser.new_context(viewport={"width": 375, "height": 800})
    origin = urlsplit(base).netloc
    elsewhere: list[str] = []
    context.on("request", lambda r: urlsplit(r.url).netloc != origin and not r.url.startswith("data:")
               and elsewhere.append(r.url))
    page = context.new_page()
    pending = in_flight(page)
    try:
        server.log.clear()
        page.goto(base + path, wait_until="load")
        # The worker precaches on install; "ready" resolves once it is active, so all is fetched.
        page.evaluate("() => 'serviceWorker' in navigator ? Promise.race([navigator.serviceWorker.ready,"
                      " new Promise(r => setTimeout(r, 5000))]).then(() => true) : true")
        # Then quiet: none of the page's own requests in flight (the cards it draws) and nothing new
        # served for half a second (the worker keeps the first page from the browser's cache after
        # it activates). Measured on all 36 pages: the last response came before "ready" resolved;
        # the half second is the margin (it was networkidle and a whole second: 54 s a run idle).
        seen, quiet = -1, 0
        while quiet < 5:
            quiet = quiet + 1 if (len(server.log) == seen and not pending) else 0
            seen = len(server.log)
            page.wait_for_timeout(100)
        return list(server.log), elsewhere
    finally:
        context.close()


@pytest.mark.parametrize("name", list(PAGES))
def test_first_visit_under_limit(browser, gzip_server, name):
    server, base = gzip_server
    log, elsewhere = first_visit(browser, server, base, PAGES[name])
    assert not elsewhere, f"{name}: requests to another host: {elsewhere}"
    assert log and log[0][1] == 200, f"{name}: {PAGES[name]} was not served: {log[:1]}"
    failed = [(p, code) for p, code, _ in log if code >= 400]
    assert not failed, f"{name}: failed requests {failed}"
    total = sum(size for _, _, size in log)
    _results[name] = (total, len(log))
    detail = "\n".join(f"  {size:>7,} {path}" for path, _, size in sorted(log, key=lambda e: -e[2]))
    assert total <= LIMIT, (f"{name} ({PAGES[name]}): first visit {total:,} bytes gzipped in {len(log)} "
                            f"responses, over {LIMIT:,}:\n{detail}")


def teardown_module(module):
    """The table, printed with `pytest -s` (and copied into docs-dev/page-weight.md)."""
    if not _results:
        return
    print("\n| page | URL | responses | gzipped KiB |\n|---|---|---:|---:|")
    for name, (total, count) in _results.items():
        print(f"| {name} | `/{PAGES[name]}` | {count} | {total / 1024:.1f} |")
