"""Local offers in Chromium (measurements, not tests): the compare page's first visit, gzipped,
counting every file it loads; and, with the CPU throttled 4x, the time from choosing councils to
the updated comparison and to the "what applies to me" answer (each council's JSON fetched then).
"""
from __future__ import annotations

import functools
import gzip
import http.server
import statistics
import threading
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
RUNS = 5


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _ready(page, name: str) -> None:
    # The page's policy refuses eval, so poll with evaluate() rather than wait_for_function().
    for _ in range(200):
        if page.evaluate(f"() => typeof window.{name} === 'function'"):
            return
        page.wait_for_timeout(25)
    raise RuntimeError(f"{name} never appeared")


def measure(site: Path) -> dict:
    from playwright.sync_api import sync_playwright
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    out = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            loaded = []
            page.on("requestfinished", lambda r: loaded.append(r.url))
            page.goto(base + "local-offers/compare/", wait_until="networkidle")
            stable, seen = 0, -1          # the search worker fetches its index late: wait until nothing new for 2 s
            while stable < 8:
                page.wait_for_timeout(250)
                stable, seen = (stable + 1, seen) if len(loaded) == seen else (0, len(loaded))
            total, by_file = 0, {}
            for url in set(loaded):
                path = site / url[len(base):].split("?")[0].split("#")[0]
                if path.is_dir():
                    path = path / "index.html"
                if path.is_file():
                    size = len(gzip.compress(path.read_bytes(), compresslevel=9))
                    total += size
                    by_file[url[len(base):] or "/"] = size
            out["compare_first_visit_gzip_bytes"] = total
            out["compare_first_visit_files"] = len(set(loaded))
            out["compare_first_visit_gzip_by_file"] = dict(sorted(by_file.items(), key=lambda kv: -kv[1]))
            cdp = page.context.new_cdp_session(page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
            compare, mine = [], []
            for n in range(RUNS):
                page.goto(base + "local-offers/compare/", wait_until="networkidle")
                _ready(page, "atlasOffersCompare")
                compare.append(page.evaluate("""async () => {
                    document.querySelector('#compare-1').value = 'lancashire';
                    document.querySelector('#compare-2').value = 'surrey';
                    document.querySelector('#compare-3').value = 'oxfordshire';
                    document.querySelector('#compare-4').value = 'kent';
                    let t = performance.now(); await window.atlasOffersCompare(); const first = performance.now() - t;
                    t = performance.now(); await window.atlasOffersCompare(); return [first, performance.now() - t]; }"""))
                page.goto(base + "local-offers/mine/", wait_until="networkidle")
                _ready(page, "atlasOffersMine")
                mine.append(page.evaluate("""async () => {
                    document.querySelector('#mine-from').value = 'lancashire';
                    document.querySelector('#mine-to').value = 'district-wychavon';
                    let t = performance.now(); await window.atlasOffersMine(); const first = performance.now() - t;
                    t = performance.now(); await window.atlasOffersMine(); return [first, performance.now() - t]; }"""))
            # first: the councils' JSON fetched then; again: the same choice redrawn from loaded data
            out["compare_update_ms_4x_cpu_median"] = round(statistics.median(c[0] for c in compare), 1)
            out["compare_redraw_ms_4x_cpu_median"] = round(statistics.median(c[1] for c in compare), 1)
            out["mine_answer_ms_4x_cpu_median"] = round(statistics.median(m[0] for m in mine), 1)
            out["mine_redraw_ms_4x_cpu_median"] = round(statistics.median(m[1] for m in mine), 1)
            browser.close()
    finally:
        server.shutdown()
    return out


if __name__ == "__main__":
    import json
    print(json.dumps(measure(Path(__file__).resolve().parent.parent / "site"), indent=2))
