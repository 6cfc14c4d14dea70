"""Shared fixtures: the repository root on sys.path, and a strict build of the real site."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.support import build_site  # noqa: E402


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test session in-process with --strict."""
    site_dir = tmp_path_factory.mktemp("site")
    build_site(ROOT, site_dir, search_index=True)
    return site_dir


SUITES = ("unit", "build", "browser")


def pytest_collection_modifyitems(session, config, items):
    """A whole run must hold all three suites: a folder silently skipped is a defect.

    (pytest skips folders named "build" unless told otherwise: that once hid tests/build.)"""
    whole_run = all(Path(arg).resolve() in (ROOT, ROOT / "tests") for arg in config.args)
    if not whole_run or config.option.keyword or config.option.markexpr:
        return
    found = {Path(item.fspath).relative_to(ROOT / "tests").parts[0] for item in items}
    missing = [suite for suite in SUITES if suite not in found]
    if missing:
        raise pytest.UsageError(f"no tests collected from tests/{', tests/'.join(missing)}")
