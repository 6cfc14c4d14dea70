"""Every page names our own scripts and stylesheets with their content's hash (issue 20, M2).

`<script src="../assets/cards.js">` becomes `<script src="../assets/cards.js?v=1a2b3c4d5e6f">`: the
offline worker (docs/sw.js) keeps each version under its own key and serves it from the phone's
copy first, as it does the theme's hashed files. So a page saved before a deploy, opened without
signal after it, runs the scripts it was built with, never a newer cards.js that reads fields its
saved cards do not have (the review's probe E: "undefined" in every line). The file keeps its
name (the query is ours, not something typed: the worker keeps it), so scripts that find their
folder from their own address (typeahead.js, offline.js, atlas.js) work unchanged, and an old page
online still gets a file. Files the scripts load themselves (the type-ahead library,
search-rank.js, Pagefind) are not covered: see docs-dev/hostile-data.md.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from macros.assets import minify

# src="…assets/name.js" or href="…assets/name.css", directly in assets/ (not the theme's
# assets/stylesheets/ or the vendored assets/vendor/), with no query yet.
OWN = re.compile(r'(\b(?:src|href)="(?:[^"<>]*/)?assets/)([A-Za-z0-9_-]+\.(?:js|css))"')


def digest(path: Path) -> str | None:
    """The hash of what is served: the minified text (minify.py)."""
    if not path.is_file():
        return None
    return hashlib.sha256(minify.minified(path).encode("utf-8")).hexdigest()[:12]


def version(html: str, assets_dir: Path) -> str:
    """The page with each of our assets/ files named with ?v=<its hash>."""
    def named(match: re.Match) -> str:
        found = digest(assets_dir / match.group(2))
        return f'{match.group(1)}{match.group(2)}?v={found}"' if found else match.group(0)
    return OWN.sub(named, html)
