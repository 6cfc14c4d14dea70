"""How long the whole test suite takes: a measurement, not a test (docs-dev/test-speed.md).

Runs what `make test` runs (every test, pytest-xdist with one worker per core) as a fresh
process, and keeps the wall time, the counts and the slowest tests in
bench/results/test-speed.json, beside the figure from before the suite was made parallel.

    python bench/test_speed.py              the whole suite (about as long as `make test`)
    python bench/test_speed.py tests/unit   one folder
    python bench/test_speed.py --record [S] keep the figures of the last `make test` (its JUnit
                                            report, test-results/junit.xml; S: its wall seconds)
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "test-speed.json"
JUNIT = ROOT / "test-results" / "junit.xml"
# Before: CI's own figure for the landing before this work (2,524 s, one process, 849 tests).
BEFORE = {"wall_s": 2524, "tests": 849, "how": "one process; three visits per page; CI of the landing a31f5ea"}


def per_file(junit: Path) -> dict:
    """From a JUnit report: pytest's own wall time, the counts, and the worker seconds of each
    test file (setup, call and teardown), most first: where the time goes."""
    suite = ET.parse(junit).getroot()
    suite = suite if suite.tag == "testsuite" else suite.find("testsuite")
    files, slowest = Counter(), []
    for case in suite.iter("testcase"):
        seconds = float(case.get("time", 0))
        files[(case.get("classname") or "?").removeprefix("tests.")] += seconds
        slowest.append({"seconds": round(seconds, 1), "test": f"{case.get('classname')}::{case.get('name')}"})
    counts = {k: int(suite.get(k, 0)) for k in ("tests", "failures", "errors", "skipped")}
    return {"pytest_s": round(float(suite.get("time", 0)), 1), "counts": counts,
            "worker_s": round(sum(files.values()), 1),
            "files": {name: round(sec, 1) for name, sec in files.most_common()},
            "slowest": sorted(slowest, key=lambda t: -t["seconds"])[:15]}


def keep(result: dict) -> None:
    result = {"when": datetime.now(timezone.utc).isoformat(timespec="seconds"), "cores": os.cpu_count(),
              **result, "before": BEFORE}
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(f"{result.get('wall_s', result['pytest_s']):.0f} s for {result['counts']} (before: {BEFORE['wall_s']} s);"
          f" worker seconds by file:")
    for name, sec in list(result["files"].items())[:15]:
        print(f"  {sec:7.1f} s  {name}")


def main(paths: list[str]) -> int:
    if paths[:1] == ["--record"]:          # --record [the wall seconds make test took, as timed]
        wall = {"wall_s": float(paths[1])} if len(paths) > 1 else {}
        keep({"paths": ["tests"], "how": "make test (its JUnit report)", **wall, **per_file(JUNIT)})
        return 0
    junit = ROOT / "test-results" / "test-speed.xml"
    command = [sys.executable, "-m", "pytest", "-n", os.environ.get("WORKERS", "auto"), "--dist", "loadgroup",
               "-q", "-p", "no:cacheprovider", f"--junitxml={junit}", *paths]
    start = time.monotonic()
    run = subprocess.run(command, cwd=ROOT)
    keep({"paths": paths or ["tests"], "wall_s": round(time.monotonic() - start, 1), **per_file(junit)})
    return run.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
