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
    build_site(ROOT, site_dir)
    return site_dir
