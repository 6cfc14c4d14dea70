"""Shared fixtures: the repository root on sys.path, and a strict build of the real site."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from filelock import FileLock

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.support import build_site  # noqa: E402


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, worker_id) -> Path:
    """The real site, built once per run in-process with --strict, and shared by every worker.

    Under pytest-xdist each worker is its own process: the first to need the site builds it into
    the run's common temporary folder while holding a file lock; the others wait for the lock and
    read the same folder. Nothing writes to it after the build, so sharing it is safe."""
    if worker_id == "master":                       # not under xdist: this process alone
        return build_site(ROOT, tmp_path_factory.mktemp("site"), search_index=True)
    shared = tmp_path_factory.getbasetemp().parent  # the same folder for every worker of this run
    site_dir, done = shared / "built-site", shared / "built-site.done"
    with FileLock(str(shared / "built-site.lock")):
        if not done.exists():
            shutil.rmtree(site_dir, ignore_errors=True)   # a build that failed half-way
            build_site(ROOT, site_dir, search_index=True)
            done.touch()
    return site_dir


SUITES = ("unit", "build", "browser")


def pytest_collection_modifyitems(session, config, items):
    """A whole run must hold all three suites: a folder silently skipped is a defect.

    (pytest skips folders named "build" unless told otherwise: that once hid tests/build.)

    Unit tests run first: they need no built site, so under pytest-xdist one worker goes on with
    them while the first to need the site builds it (it takes about a minute), instead of both
    waiting for it."""
    order = {suite: i for i, suite in enumerate(SUITES)}
    items.sort(key=lambda item: order.get(Path(item.fspath).relative_to(ROOT / "tests").parts[0], len(SUITES)))
    whole_run = all(Path(arg).resolve() in (ROOT, ROOT / "tests") for arg in config.args)
    if not whole_run or config.option.keyword or config.option.markexpr:
        return
    found = {Path(item.fspath).relative_to(ROOT / "tests").parts[0] for item in items}
    missing = [suite for suite in SUITES if suite not in found]
    if missing:
        raise pytest.UsageError(f"no tests collected from tests/{', tests/'.join(missing)}")
