"""Lighthouse (mobile) on six pages of the built site, served compressed as any host would.

A measurement, not a test: `make lighthouse` (after `make build`). Lighthouse is pinned in
package.json / package-lock.json here and installed into node_modules/ (ignored by git) with
`npm ci`. Pages run one at a time under `nice`: Lighthouse is heavy on a shared machine.
Writes bench/results/lighthouse.json (and the full reports into bench/lighthouse/reports/): each page's four scores, its metrics, and every audit that
is not passed, so a low score says why.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from tools.serve_gzip import start  # noqa: E402

PAGES = {
    "home": "",
    "protocol": "protocol/",
    "moving": "moving/",
    "tree outcome": "decisions/unplanned-move/o-receiving-unplanned/",
    "council": "authorities/lancashire/",
    "comparison": "local-offers/compare/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
REPORTS = HERE / "reports"        # each page's full Lighthouse report (ignored by git)
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
           "cumulative-layout-shift", "speed-index")


def run(url: str, out: Path) -> dict:
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    command = ["nice", str(HERE / "node_modules/.bin/lighthouse"), url, "--quiet",
               "--output=json", f"--output-path={out}", f"--only-categories={','.join(CATEGORIES)}",
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu"]
    # On a busy machine Chromium can miss Lighthouse's protocol timeouts: one more try, then say so.
    if subprocess.run(command, env=env).returncode and subprocess.run(command, env=env).returncode:
        return {"error": "Lighthouse failed twice (see its message above)"}
    report = json.loads(out.read_text())
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    metrics = {m: report["audits"][m]["displayValue"] for m in METRICS if m in report["audits"]}
    failing = {}
    for c in CATEGORIES:
        for ref in report["categories"][c]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if audit.get("score") is not None and audit["score"] < 1 and audit["scoreDisplayMode"] in ("binary", "numeric", "metricSavings"):
                failing[ref["id"]] = audit.get("displayValue") or audit["title"]
    return {"scores": scores,
            "metrics": metrics, "not_passed": failing,
            "lighthouse": report["lighthouseVersion"], "form_factor": report["configSettings"]["formFactor"],
            # Lighthouse's own CPU benchmark for this run (a recent laptop scores 1000 to 2000):
            # its 4x slowdown is calibrated for such a machine, so a busy one inflates blocking time.
            "benchmark_index": report["environment"]["benchmarkIndex"],
            "load_average": os.getloadavg()[0]}


def main(argv: list[str]) -> int:
    site = Path(argv[1]) if len(argv) > 1 else ROOT / "site"
    only = argv[2:]
    server = start(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    out = ROOT / "bench/results/lighthouse.json"
    results = json.loads(out.read_text()) if only and out.exists() else {}   # a subset updates its pages
    REPORTS.mkdir(exist_ok=True)
    for name, path in PAGES.items():
        if only and name not in only:
            continue
        results[name] = {"url": "/" + path, **run(base + path, REPORTS / f"{name.replace(' ', '-')}.json")}
        if "error" in results[name]:
            print(f"{name:13} /{path:50} {results[name]['error']}", flush=True)
            continue
        s = results[name]["scores"]
        print(f"{name:13} /{path:50} perf {s['performance']:3}  a11y {s['accessibility']:3}  "
              f"best {s['best-practices']:3}  seo {s['seo']:3}  (CPU benchmark {results[name]['benchmark_index']:.0f})",
              flush=True)
    server.shutdown()
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"Written {out.relative_to(ROOT)}")
    low = [n for n, r in results.items() if "error" in r or r["scores"]["performance"] < 95
           or any(r["scores"][c] < 100 for c in CATEGORIES[1:])]
    if low:
        print("Below the aim (performance 95, others 100): " + ", ".join(low))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
