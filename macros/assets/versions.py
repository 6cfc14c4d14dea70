"""Every page names our own scripts and stylesheets with their content's hash (issue 20, M2).

`<script src="../assets/cards.js">` becomes `<script src="../assets/cards.js?v=1a2b3c4d5e6f">`: the
offline worker (docs/sw.js) keeps each version under its own key and serves it from the phone's
copy first, as it does the theme's hashed files. So a page saved before a deploy, opened without
signal after it, runs the scripts it was built with, never a newer cards.js that reads fields its
saved cards do not have (the review's probe E: "undefined" in every line). The file keeps its
name (the query is ours, not something typed: the worker keeps it), so scripts that find their
folder from their own address (typeahead.js, offline.js, atlas.js) work unchanged, and an old page
online still gets a file.

Files our scripts load themselves are named the same way inside the scripts: a string in one of
our scripts that names a file of docs/assets/ or docs/ ("typeahead.css",
"vendor/accessible-autocomplete/accessible-autocomplete.min.js", "assets/search-rank.js") is served
with ?v=<that file's hash>, and the script's own hash is that of the text so served. A new
type-ahead library thus gives typeahead.js, and every page naming it, a new name. Pagefind's files
are written after the pages: macros/search/index.py puts them in a folder named by their hash.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from macros.assets import minify

# src="…assets/name.js" or href="…assets/name.css", directly in assets/ (not the theme's
# assets/stylesheets/ or the vendored assets/vendor/), with no query yet.
OWN = re.compile(r'(\b(?:src|href)="(?:[^"<>]*/)?assets/)([A-Za-z0-9_-]+\.(?:js|css))"')


# In our scripts: a quoted relative name of a script or stylesheet, without a query.
# "../sw.js" is not one: the worker's address must stay the same.
NAMED = re.compile(r'"((?:[A-Za-z0-9_-][A-Za-z0-9_.-]*/)*[A-Za-z0-9_-][A-Za-z0-9_.-]*\.(?:js|css))"')


def short_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def served(path: Path, _seen: frozenset = frozenset()) -> str:
    """What is served for one of our docs/assets/*.js or *.css: minified (minify.py), each file it
    names (a file of docs/assets/ or docs/, the script's folder or the site's root) with ?v=."""
    text = minify.minified(path)
    if path.suffix != ".js":
        return text
    assets_dir = path.parent
    seen = _seen | {path}

    def named(match: re.Match) -> str:
        for folder in (assets_dir, assets_dir.parent):
            target = folder / match.group(1)
            if target.is_file() and target not in seen:
                return f'"{match.group(1)}?v={_digest(target, seen)}"'
        return match.group(0)
    return NAMED.sub(named, text)


def _digest(path: Path, seen: frozenset) -> str:
    if path.parent.name == "assets" and path.suffix in (".js", ".css"):
        return short_hash(served(path, seen).encode("utf-8"))
    return short_hash(path.read_bytes())             # the vendored library: served as it is


def digest(path: Path) -> str | None:
    """The hash of what is served (served())."""
    if not path.is_file():
        return None
    return _digest(path, frozenset())


def own_assets(docs_dir: Path) -> dict[str, str]:
    """{"assets/<name>": served text} for every script and stylesheet directly in docs/assets/."""
    folder = docs_dir / "assets"
    return {f"assets/{p.name}": served(p) for p in sorted(folder.iterdir())
            if p.is_file() and p.suffix in (".js", ".css")}


def version(html: str, assets_dir: Path) -> str:
    """The page with each of our assets/ files named with ?v=<its hash>."""
    def named(match: re.Match) -> str:
        found = digest(assets_dir / match.group(2))
        return f'{match.group(1)}{match.group(2)}?v={found}"' if found else match.group(0)
    return OWN.sub(named, html)
