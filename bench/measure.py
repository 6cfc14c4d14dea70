"""Measurements, not tests: build time, page weights and search. Run with `make bench`.

Prints a table and writes bench/results/latest.json so figures can be compared over time.
"""
from __future__ import annotations

import gzip
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 3


def build_seconds() -> list[float]:
    times = []
    for _ in range(RUNS):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", out],
                           cwd=ROOT, check=True)
            times.append(time.perf_counter() - start)
    return times


def sizes(path: Path) -> tuple[int, int]:
    raw = path.read_bytes()
    return len(raw), len(gzip.compress(raw, compresslevel=9))


def main() -> None:
    site = ROOT / "site"
    if not (site / "index.html").exists():
        sys.exit("build the site first: make build")
    times = build_seconds()
    results = {"build_seconds_median": round(statistics.median(times), 2),
               "build_seconds_runs": [round(t, 2) for t in times]}
    for name, rel in [("protocol_html", "protocol/index.html"),
                      ("home_html", "index.html"),
                      ("directory_html", "authorities/index.html"),
                      ("council_page_html", "authorities/lancashire/index.html"),
                      ("planner_html", "moving/index.html"),
                      ("outcome_html", "decisions/unplanned-move/o-receiving-unplanned/index.html")]:
        raw, gz = sizes(site / rel)
        results[f"{name}_bytes"] = raw
        results[f"{name}_gzip_bytes"] = gz
    results["pages"] = sum(1 for _ in site.rglob("*.html"))
    for name, rel in [("compare_html", "local-offers/compare/index.html"),
                      ("offers_js", "assets/offers.js"), ("council_offer_json", "data/offers/lancashire.json")]:
        raw, gz = sizes(site / rel)
        results[f"{name}_bytes"], results[f"{name}_gzip_bytes"] = raw, gz
    from offers_bench import measure as offers_in_browser     # bench/ is on sys.path when run as a script
    results.update(offers_in_browser(site))
    # Search in Chromium: bytes before the first result, time to first result at 4x CPU throttle
    sys.path.insert(0, str(ROOT / "bench"))
    from search_bench import measure as measure_search
    results.update(measure_search(site, "pagefind"))
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    width = max(map(len, results))
    for key, value in results.items():
        if isinstance(value, dict):          # one line per search query
            for query, figures in value.items():
                print(f"{'  ' + query:<{width}}  {figures}")
        else:
            print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    main()
