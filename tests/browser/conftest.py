"""Browser fixtures: the built site served on 127.0.0.1, and Debian's Chromium via Playwright."""
from __future__ import annotations

import functools
import http.server
import os
import sys
import threading
import weakref

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

# Debian's headless shell (package chromium-headless-shell): the same engine and version as
# /usr/bin/chromium without the browser's windowing; the same tests take about 40% less processor
# (docs-dev/test-speed.md). The full browser if the shell is missing; ATLAS_CHROMIUM names another.
HEADLESS_SHELL, FULL_BROWSER = "/usr/bin/chromium-headless-shell", "/usr/bin/chromium"
CHROMIUM = os.environ.get("ATLAS_CHROMIUM") or (
    HEADLESS_SHELL if os.access(HEADLESS_SHELL, os.X_OK) else FULL_BROWSER)
# Every axe check on the site runs these: WCAG 2.0, 2.1 and 2.2 A and AA, and Deque's best practice.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# Only violations are reported back: building the passes and "inapplicable" lists for every node
# was a third of axe's time, and no test reads them. The rules run are the same.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):   # a page left before its file arrived
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def base_url(built_site):
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


_IN_FLIGHT: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def in_flight(page) -> set:
    """The page's requests not yet answered (or failed), kept up to date from the first call on."""
    if page not in _IN_FLIGHT:
        pending = _IN_FLIGHT[page] = set()
        page.on("request", lambda r: pending.add(r))
        page.on("requestfinished", lambda r: pending.discard(r))
        page.on("requestfailed", lambda r: pending.discard(r))
    return _IN_FLIGHT[page]


def goto_settled(page, url: str, timeout_s: float = 10):
    """Open url and wait until what the page's scripts fetch after load (council cards, offers)
    has arrived and been drawn: no request of the page in flight and nothing aria-busy, seen twice
    20 ms apart. networkidle waits for half a second of quiet after it, on every page."""
    pending = in_flight(page)
    response = page.goto(url)
    quiet = 0
    for _ in range(int(timeout_s / 0.02)):
        busy = bool(pending) or page.evaluate("!!document.querySelector('[aria-busy=true]')")
        quiet = 0 if busy else quiet + 1
        if quiet == 2:
            return response
        page.wait_for_timeout(20)
    raise AssertionError(f"{url}: still fetching after {timeout_s} s: {sorted(r.url for r in pending)[:5]}")


def site_pages(built_site):
    """Every page of the built site, as URLs relative to the root."""
    urls = []
    for html in sorted(built_site.rglob("*.html")):
        rel = html.relative_to(built_site).as_posix()
        urls.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return urls


def search(page, base_url, words):
    """Search as a person would: open the search control, type the query, wait for the results
    of the whole query; returns result paths with anchors, in order."""
    from urllib.parse import urlsplit
    page.goto(base_url)
    page.get_by_role("button", name="Search").click()
    page.get_by_role("searchbox", name="Search this site").fill(words)
    # Results are redrawn as words are typed: wait for those of the whole query.
    page.wait_for_function("q => { const r = document.querySelector('[data-search-results]');"
                           " return r && r.dataset.query === q; }", arg=words)
    results = page.locator("[data-search-results] a")
    hrefs = [urlsplit(results.nth(i).get_attribute("href")) for i in range(results.count())]
    return [f"{h.path}#{h.fragment}" if h.fragment else h.path for h in hrefs]


def choose(page, label, typed, option):
    """Pick from a council type-ahead (assets/typeahead.js) as a person would: type a few letters
    into the box named `label`, then click the suggestion named `option`."""
    box = page.get_by_role("combobox", name=label)
    box.fill("")
    box.press_sequentially(typed)
    listbox = page.locator("#" + box.get_attribute("aria-controls"))
    listbox.get_by_role("option", name=option, exact=True).click()


AXE_SCRIPT = Axe().axe_script          # axe-core, as axe-playwright-python ships it (pinned)
# Only what a failure message needs comes back (not every rule's result as JSON).
_RUN_AXE = ("o => axe.run(document, o).then(r => r.violations.map(v =>"
            " ({id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map(n => n.target)})))")


def with_axe(context):
    """axe-core loaded into every page the context opens, before the page's own scripts: sent to
    the browser once, not again with each page (the whole-site crawl about 7% quicker, measured:
    docs-dev/test-speed.md). axe_violations loads it itself into a page that lacks it."""
    context.add_init_script(script=AXE_SCRIPT)
    return context


def axe_violations(page, where: str = "") -> list[str]:
    """axe on the page as it is now, with every tag the site promises (AXE_TAGS): one line per
    violation, "where: rule (impact): the first three elements", empty when there is none."""
    if not page.evaluate("typeof window.axe === 'object' && typeof window.axe.run === 'function'"):
        page.evaluate(AXE_SCRIPT)
    found = page.evaluate(_RUN_AXE, AXE_OPTIONS)
    return [f"{where or page.url}: {v['id']} ({v['impact']}): {v['targets']}" for v in found]


def axe_pages(browser, base_url, width: int, urls, prepare=None, height: int = 800) -> list[str]:
    """axe on each page at one width, in one context, once what it fetches is drawn: prepare(page,
    url) runs first (fill a form, open what is folded) and may return problems of its own; one
    line per problem found."""
    context = with_axe(browser.new_context(viewport={"width": width, "height": height}))
    page = context.new_page()
    failures = []
    for url in urls:
        goto_settled(page, base_url + url)
        failures += (prepare(page, url) if prepare else None) or []
        failures += axe_violations(page, f"{url} at {width}px")
    context.close()
    return failures
