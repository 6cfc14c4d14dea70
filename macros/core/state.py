"""The Site loaded for the build in progress, shared by the two adapters.

Loaded once per build by the hooks' on_config; the macros read it lazily, so a bad data file is
reported by one code path only (and never as a traceback from inside a template).
"""
from __future__ import annotations

from pathlib import Path

from macros.core.site import Site, load_site

_site: Site | None = None


def load_for_build(root: Path) -> Site:
    global _site
    _site = None
    _site = load_site(root)
    return _site


def current_site() -> Site:
    if _site is None:
        raise RuntimeError("data/ has not been loaded: the hooks' on_config runs first")
    return _site
