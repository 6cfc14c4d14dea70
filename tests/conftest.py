"""Shared fixtures: the repository root on sys.path, and a strict build of the real site."""
from __future__ import annotations

import pickle
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


def _built_once(tmp_path_factory, worker_id, name: str, make):
    """make(folder) builds into folder and returns what the tests need (picklable), once per run.

    Under pytest-xdist each worker is its own process: the first to need the build makes it into
    the run's common temporary folder while holding a file lock; the others wait for the lock and
    read the same folder. Nothing writes to it after the build, so sharing it is safe."""
    if worker_id == "master":                       # not under xdist: this process alone
        return make(tmp_path_factory.mktemp(name))
    shared = tmp_path_factory.getbasetemp().parent  # the same folder for every worker of this run
    folder, done = shared / name, shared / f"{name}.done"
    with FileLock(str(shared / f"{name}.lock")):
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)   # a build that failed half-way
            folder.mkdir()
            done.write_bytes(pickle.dumps(make(folder)))
    return pickle.loads(done.read_bytes())


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, worker_id) -> Path:
    """The real site, built once per run in-process with --strict, and shared by every worker."""
    return _built_once(tmp_path_factory, worker_id, "built-site",
                       lambda folder: build_site(ROOT, folder / "site", search_index=True))


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory, worker_id):
    """(placed, site): every inert payload of tests/hostile_corpus written into a copy of data/,
    built as `make build` builds (search index included), once per run for the build tests
    (tests/build/test_hostile.py) and the browser tests (tests/browser/test_hostile.py)."""
    from tests import hostile
    from tests.support import copy_project

    def make(folder):
        project = copy_project(ROOT, folder / "project")
        placed = hostile.inject(project, hostile.inert_placements(hostile.corpus()["inert"]))
        return placed, build_site(project, folder / "site", search_index=True)
    return _built_once(tmp_path_factory, worker_id, "hostile-site", make)


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


def pytest_report_header(config):
    """Which Chromium the browser tests drive (the headless shell, or the full browser without it)."""
    from tests.browser.conftest import CHROMIUM
    return f"browser tests drive: {CHROMIUM}"
