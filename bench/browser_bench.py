"""Browser figures (measurements, not tests), in Debian's Chromium against a local static server
that gzips what it sends, as a host would:

- each template's first visit: every byte the server sends for one page opened in a fresh
  browser (the page, its CSS, scripts, data, and what the offline worker saves), gzipped;
- at 4x CPU throttle (`Emulation.setCPUThrottlingRate`): time until the home page, a comparison
  and a tree outcome with both councils are usable, and how long a filter or an answer takes to
  update once the page is loaded;
- the Friday case: a practitioner in Worcestershire, a Lancashire care leaver has turned up,
  clicked through from the home page at 4x CPU and a slow network (400 kbit/s, 400 ms), with the
  machine time of each step.
"""
from __future__ import annotations

import functools
import gzip
import http.server
import statistics
import threading
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PHONE = {"width": 375, "height": 800}
RUNS = 3
OUTCOME = "decisions/unplanned-move/o-receiving-unplanned/?answers=receiving,unplanned&from=lancashire&to=worcestershire"

# One page per template, as a reader would open it.
TEMPLATES = {
    "home": "", "guide": "practitioners/", "care leavers' guide": "care-leavers/", "protocol": "protocol/",
    "document": "documents/lancashire-guidance/", "glossary": "glossary/", "tree start": "decisions/unplanned-move/",
    "tree question": "decisions/unplanned-move/q-receiving-situation/?answers=receiving",
    "tree outcome": OUTCOME, "directory": "authorities/", "council": "authorities/lancashire/",
    "planner": "moving/?from=lancashire&to=worcestershire", "coverage": "coverage/", "open data": "data/",
    "local offers": "local-offers/", "what applies to me": "local-offers/mine/?from=lancashire&to=district-wychavon",
    "compare": "local-offers/compare/?c=lancashire,surrey", "entitlement": "local-offers/council-tax-exemption/",
    "timescales": "tools/timescales/", "letter": "tools/letters/step-down/",
    "housing": "tools/worcestershire-housing/", "search page": "search/",
}


class _Server(http.server.ThreadingHTTPServer):
    sent = 0                   # bytes of bodies sent since the last reset
    last = 0.0                 # when the last request came


class _Gzip(http.server.SimpleHTTPRequestHandler):
    """Serves site/ gzipped (level 6, as hosts commonly do); Pagefind's files are already gzipped."""
    cache: dict[str, bytes] = {}

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.server.last = time.perf_counter()
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                self.send_response(301)
                self.send_header("Location", self.path.split("?")[0] + "/" + ("?" + self.path.split("?", 1)[1] if "?" in self.path else ""))
                self.end_headers()
                return
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return
        body = path.read_bytes()
        zipped = "gzip" in self.headers.get("Accept-Encoding", "") and "/pagefind/" not in self.path
        if zipped:
            key = str(path)
            if key not in self.cache:
                self.cache[key] = gzip.compress(body, compresslevel=6)
            body = self.cache[key]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if zipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):    # the browser moved on
            return
        self.server.sent += len(body)


def serve(site: Path):
    server = _Server(("127.0.0.1", 0), functools.partial(_Gzip, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def _quiet(page, server, for_s: float = 1.5, limit_s: float = 30) -> None:
    """Wait until the server has had no request for `for_s` (the offline worker saves pages late)."""
    end = time.perf_counter() + limit_s
    while time.perf_counter() < end:
        page.wait_for_timeout(250)
        if time.perf_counter() - server.last > for_s:
            return


def _context(browser, cpu: float = 1, slow_network: bool = False):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    if cpu > 1:
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu})
    if slow_network:
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 400,
                                                      "downloadThroughput": 400_000 / 8, "uploadThroughput": 400_000 / 8})
    return context, page


def _until(page, script: str, limit_ms: int = 60000) -> None:
    # The pages' policy refuses eval, so poll with evaluate() rather than wait_for_function().
    for _ in range(limit_ms // 20):
        try:
            if page.evaluate(script):
                return
        except Exception:            # the page is between documents: ask again
            pass
        page.wait_for_timeout(20)
    raise RuntimeError(f"bench: never true: {script}")


def first_visits(browser, server, base) -> dict:
    out = {}
    for name, url in TEMPLATES.items():
        context, page = _context(browser)
        server.sent = 0
        page.goto(base + url, wait_until="load")
        _quiet(page, server)
        out[name] = server.sent
        context.close()
    return out


USABLE = {
    # what "usable" means: the page has loaded and its script has drawn what the reader came for
    "home": ("", "() => document.readyState === 'complete' && !!document.querySelector('a.start-link')"),
    "comparison": ("local-offers/compare/?c=lancashire,surrey",
                   "() => (document.querySelector('[data-compare-result]')?.textContent || '').includes('Comparing')"),
    "tree outcome": (OUTCOME, "() => (document.querySelector('[data-glance-contacts]')?.textContent || '').includes('Lancashire:')"),
}


def usable_times(browser, base) -> dict:
    out = {}
    for name, (url, ready) in USABLE.items():
        times = []
        for _ in range(RUNS):
            context, page = _context(browser, cpu=4)
            start = time.perf_counter()
            page.goto(base + url, wait_until="commit")
            _until(page, ready)
            times.append(time.perf_counter() - start)
            context.close()
        out[name] = round(statistics.median(times), 2)
    return out


def _offers_update(page, base, url: str, fn: str, choices: dict) -> float:
    """ms for an offers page's window.<fn>() to redraw for the councils set in its selects."""
    page.goto(base + url, wait_until="load")
    _until(page, f"() => typeof window.{fn} === 'function'")
    sets = "".join(f"document.querySelector({sel!r}).value = {value!r};" for sel, value in choices.items())
    return page.evaluate(f"async () => {{ {sets} const t = performance.now(); await window.{fn}(); "
                         "return performance.now() - t; }")


def update_times(browser, base) -> dict:
    """Once the page is loaded: the directory filter, the comparison and "what applies to me"
    (their councils' JSON fetched then), at 4x CPU; ms, median."""
    filt, compare, mine = [], [], []
    for _ in range(RUNS):
        context, page = _context(browser, cpu=4)
        page.goto(base + "authorities/", wait_until="load")
        filt.append(page.evaluate("""async () => {
            const input = document.querySelector('[data-filter] input'); const t = performance.now();
            input.value = 'lanc'; input.dispatchEvent(new Event('input'));
            await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
            return performance.now() - t; }"""))
        compare.append(_offers_update(page, base, "local-offers/compare/", "atlasOffersCompare",
                                      {"#compare-1": "lancashire", "#compare-2": "surrey"}))
        mine.append(_offers_update(page, base, "local-offers/mine/", "atlasOffersMine",
                                   {"#mine-from": "lancashire", "#mine-to": "district-wychavon"}))
        context.close()
    return {"directory filter": round(statistics.median(filt)), "comparison": round(statistics.median(compare)),
            "what applies to me": round(statistics.median(mine))}


def friday(browser, base) -> dict:
    """Home page to the receiving-unplanned outcome with both councils' contacts, then Copy.

    The path tests/browser/test_friday.py walks: "A care leaver has turned up here" opens the
    first question, which offers both councils; then "They moved here at short notice" and Copy.
    Taps are counted as on a phone: a drop-down list is two (open it, pick); a type-ahead is one
    (tap the suggestion, after typing a few letters)."""
    context, page = _context(browser, cpu=4, slow_network=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    steps, taps = [], 0

    def step(name: str, n_taps: int, action, ready: str) -> None:
        nonlocal taps
        start = time.perf_counter()
        action()
        _until(page, ready)
        steps.append((name, round(time.perf_counter() - start, 1)))
        taps += n_taps

    def choose(label: str, typed: str, name: str) -> int:
        box = page.get_by_role("combobox", name=label)
        if box.count() == 0:                           # no type-ahead (its script did not load)
            page.get_by_label(label).select_option(label=name)
            return 2
        box.press_sequentially(typed)
        page.locator("#" + box.get_attribute("aria-controls")).get_by_role("option", name=name, exact=True).click()
        return 1

    loaded = "() => document.readyState === 'complete'"
    step("open the home page", 0, lambda: page.goto(base, wait_until="commit"),
         "() => document.readyState === 'complete' && !!document.querySelector('a.start-link')")
    step("tap A care leaver has turned up here", 1, lambda: page.get_by_role("link", name="A care leaver has turned up here").click(),
         "() => document.readyState === 'complete' && !!document.querySelector('[data-pair-pick]:not([hidden])')")
    start = time.perf_counter()
    picked = (choose("The council that looked after them", "lanc", "Lancashire")
              + choose("Where they live now (a council or a district)", "worc", "Worcestershire"))
    steps.append(("choose both councils on the first question", round(time.perf_counter() - start, 1)))
    taps += picked
    step("tap short notice: outcome, both contacts", 1,
         lambda: page.get_by_role("link", name="They moved here at short notice").click(),
         "() => document.readyState === 'complete' && "
         "(document.querySelector('[data-glance-contacts]')?.textContent || '').includes('Lancashire:') && "
         "document.querySelector('[data-glance-contacts]').textContent.includes('Worcestershire')")
    step("tap Copy for case notes", 1, lambda: page.locator("[data-copy-record]").first.click(),
         "() => [...document.querySelectorAll('[data-record-status]')].some(s => s.textContent.startsWith('Copied'))")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    context.close()
    if "Lancashire" not in copied or "Worcestershire" not in copied:
        raise RuntimeError("bench: the copied record does not name both councils")
    return {"steps": steps, "taps": taps, "total_s": round(sum(s for _, s in steps), 1)}


def in_browser(site: Path, measures) -> dict:
    """Serve `site` compressed, start Chromium, and return measures(browser, server, base)."""
    from playwright.sync_api import sync_playwright
    server, base = serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            out = measures(browser, server, base)
            browser.close()
    finally:
        server.shutdown()
    return out


def measure(site: Path) -> dict:
    return in_browser(site, lambda browser, server, base: {
        "first_visit_gzip_bytes": first_visits(browser, server, base),
        "usable_s_4x_cpu": usable_times(browser, base),
        "update_ms_4x_cpu": update_times(browser, base),
        "friday": friday(browser, base)})


if __name__ == "__main__":
    import json
    import sys
    print(json.dumps(measure(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "site"), indent=2))
