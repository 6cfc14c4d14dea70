"""Measurements, not tests: `make bench` prints one table and keeps the figures.

It builds the site (real data, then a synthetic tenfold set in a temporary copy, then a plain
Material site of as many pages), weighs every page, and opens the built site in Chromium
(bench/build_bench.py, bench/browser_bench.py, bench/search_bench.py). The figures go to
bench/results/latest.json; the run before is kept as bench/results/previous.json, and the table
shows the change from it. Read docs-dev/measurements.md for what each line means.

    python bench/measure.py            everything (a few minutes)
    python bench/measure.py --no-build the browser figures only, on the built site/
    python bench/measure.py --show     the table of the kept figures, without measuring
"""
from __future__ import annotations

import json
import os
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import browser_bench  # noqa: E402
import build_bench  # noqa: E402
import search_bench  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
KIB = 1024


def rows(r: dict) -> list[tuple[str, str, float | None, str]]:
    """(key, label, number, unit) for the table, from the figures of one run."""
    out = []

    def add(key, label, value, unit):
        out.append((key, label, value, unit))

    if "build_cpu_s" in r:
        add("build_cpu_s", f"Build, real data, {r['pages']} pages: CPU", r["build_cpu_s"], "s")
        add("build_wall_s", "Build, real data: wall clock (shows machine load)", r["build_wall_s"], "s")
        add("build_cpu_ms_per_page", "  per page, real data", r["build_cpu_ms_per_page"], "ms")
        add("tenfold_build_cpu_ms_per_page",
            f"  synthetic tenfold, {r['tenfold_pages']} pages: CPU",
            r["tenfold_build_cpu_s"], "s")
        add("tenfold_build_cpu_ms_per_page", "  per page, synthetic tenfold", r["tenfold_build_cpu_ms_per_page"], "ms")
        add("tenfold_per_page_ratio", "  per page, tenfold / real (1.0 = linear)", r["tenfold_per_page_ratio"], "x")
        add("vs_plain_material_cpu_ratio",
            f"Build CPU / plain Material, {r['plain_material_pages']} pages",
            r["vs_plain_material_cpu_ratio"], "x")
        add("html_gzip_median_bytes", "Page HTML gzipped: median", r["html_gzip_median_bytes"] / KIB, "KiB")
        add("html_gzip_largest_bytes", f"Page HTML gzipped: largest ({r['html_gzip_largest_page']})",
            r["html_gzip_largest_bytes"] / KIB, "KiB")
    for name, size in r.get("first_visit_gzip_bytes", {}).items():
        add(f"first_visit.{name}", f"First visit, all files gzipped: {name}", size / KIB, "KiB")
    if "search_queries" in r:
        sizes = sorted(q["bytes_gzip"] for q in r["search_queries"].values() if q["bytes_gzip"] is not None)
        add("search_bytes_without_searching_gzip", "Search: bytes on a visit without searching",
            r["search_bytes_without_searching_gzip"] / KIB, "KiB")
        add("search_bytes_median", f"Search: bytes to first result, median of {len(sizes)}",
            sizes[len(sizes) // 2] / KIB, "KiB")
        add("search_bytes_before_first_result_gzip_max", "Search: bytes to first result, largest",
            r["search_bytes_before_first_result_gzip_max"] / KIB, "KiB")
        add("search_seconds_to_first_result_4x_median", "Search: time to first result, 4x CPU, median",
            r["search_seconds_to_first_result_4x_median"], "s")
    for name, s in r.get("usable_s_4x_cpu", {}).items():
        add(f"usable.{name}", f"4x CPU: {name} usable", s, "s")
    for name, ms in r.get("update_ms_4x_cpu", {}).items():
        add(f"update.{name}", f"4x CPU: {name} updates", ms, "ms")
    friday = r.get("friday")
    if friday:
        for n, (name, s) in enumerate(friday["steps"], start=1):
            add(f"friday.{n}", f"Friday {n}. {name}", s, "s")
        add("friday.total", f"Friday case in all, {friday['taps']} taps (4x CPU, 400 kbit/s, 400 ms)", friday["total_s"], "s")
    return out


def table(now: dict, before: dict | None) -> str:
    old = {key: value for key, _, value, _ in rows(before)} if before else {}
    lines = []
    body = rows(now)
    width = max(len(label) for _, label, _, _ in body)
    head = f"{'':<{width}}  {'now':>9}  {'before':>9}  change"
    lines += [head, "-" * len(head)]
    for key, label, value, unit in body:
        shown = "-" if value is None else f"{value:.1f}" if isinstance(value, float) else str(value)
        was = old.get(key)
        was_shown = "" if was is None else f"{was:.1f}" if isinstance(was, float) else str(was)
        change = f"{100 * (value - was) / was:+.0f}%" if value is not None and was else ""
        lines.append(f"{label:<{width}}  {shown + ' ' + unit:>9}  {was_shown:>9}  {change}")
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    if "--show" in argv:                 # print the kept figures again, without measuring
        now, before = (json.loads((RESULTS / f).read_text(encoding="utf-8")) if (RESULTS / f).exists() else None
                       for f in ("latest.json", "previous.json"))
        print(table(now, before))
        return
    site = ROOT / "site"
    if not (site / "index.html").exists():
        sys.exit("build the site first: make build")
    started = time.perf_counter()
    results: dict = {"measured": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                     "load_average_at_start": round(os.getloadavg()[0], 1)}
    if "--no-build" not in argv:
        print("bench: building (real, synthetic tenfold, plain Material) ...", file=sys.stderr)
        results.update(build_bench.measure())
    print("bench: Chromium (first visits, 4x CPU, the Friday case) ...", file=sys.stderr)
    results.update(browser_bench.measure(site))
    print("bench: search ...", file=sys.stderr)
    results.update(search_bench.measure(site, "pagefind"))
    results["bench_minutes"] = round((time.perf_counter() - started) / 60, 1)
    RESULTS.mkdir(exist_ok=True)
    latest = RESULTS / "latest.json"
    before = json.loads(latest.read_text(encoding="utf-8")) if latest.exists() else None
    if before is not None:
        (RESULTS / "previous.json").write_text(json.dumps(before, indent=2) + "\n", encoding="utf-8")
    latest.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"Leaving Care Atlas bench, {results['measured']}, load average {results['load_average_at_start']} "
          f"(before: {before.get('measured', 'unknown') if before else 'none'})")
    print(table(results, before))
    print(f"Kept in bench/results/latest.json (the run before: previous.json); took {results['bench_minutes']} min.")


if __name__ == "__main__":
    main(sys.argv[1:])
