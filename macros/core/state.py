"""The Site loaded for the build in progress, shared by the two adapters.

Loaded once per build by the hooks' on_config; the macros read it lazily, so a bad data file is
reported by one code path only (and never as a traceback from inside a template). The generated
pages and files are made there too, before MkDocs touches site/, so that an address made twice
(macros/core/addresses.py) stops the build like any other data problem.
"""
from __future__ import annotations

from pathlib import Path

from macros.core.pages import generated_outputs
from macros.core.site import Site, load_site

_site: Site | None = None
_outputs: tuple | None = None


def load_for_build(root: Path, corrections=None, publisher=None) -> Site:
    """Raises DataError (every problem, addresses included) or returns the Site."""
    global _site, _outputs
    _site, _outputs = None, None
    site = load_site(root)
    if corrections is not None:        # the channel and publisher mkdocs.yml names
        site.corrections = corrections
    if publisher is not None:
        site.publisher = publisher
    _outputs = generated_outputs(site)
    _site = site
    return _site


def current_site() -> Site:
    if _site is None:
        raise RuntimeError("data/ has not been loaded: the hooks' on_config runs first")
    return _site


def current_outputs() -> tuple:
    """(pages, files) made by load_for_build."""
    if _outputs is None:
        raise RuntimeError("data/ has not been loaded: the hooks' on_config runs first")
    return _outputs
