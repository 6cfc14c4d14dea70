"""How long the whole test suite takes: a measurement, not a test (docs-dev/test-speed.md).

Runs what `make test` runs (every test, pytest-xdist with one worker per core) as a fresh
process, and keeps the wall time, the counts and the slowest tests in
bench/results/test-speed.json, beside the figure from before the suite was made parallel.

    python bench/test_speed.py              the whole suite (about as long as `make test`)
    python bench/test_speed.py tests/unit   one folder
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "test-speed.json"
# Before: CI's own figure for the landing before this work (2,524 s, one process, 849 tests).
BEFORE = {"wall_s": 2524, "tests": 849, "how": "one process; three visits per page; CI of the landing a31f5ea"}


def main(paths: list[str]) -> int:
    command = [sys.executable, "-m", "pytest", "-n", os.environ.get("WORKERS", "auto"), "-q",
               "-p", "no:cacheprovider", "--durations=10", *paths]
    start = time.monotonic()
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    wall = time.monotonic() - start
    out = run.stdout
    counts = {k: int(v) for v, k in re.findall(r"(\d+) (passed|failed|skipped|errors?)", out.splitlines()[-1])}
    slowest = [{"seconds": float(s), "test": t.strip()}
               for s, t in re.findall(r"^(\d+\.\d+)s (?:call|setup|teardown)\s+(\S+)", out, re.M)]
    result = {"when": datetime.now(timezone.utc).isoformat(timespec="seconds"), "paths": paths or ["tests"],
              "cores": os.cpu_count(), "wall_s": round(wall, 1), "counts": counts, "slowest": slowest,
              "before": BEFORE}
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(f"{wall:.0f} s wall for {counts} (before: {BEFORE['wall_s']} s); slowest:")
    for s in slowest:
        print(f"  {s['seconds']:7.1f} s  {s['test']}")
    return run.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
