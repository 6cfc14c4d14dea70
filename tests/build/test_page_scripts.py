"""Page scripts load only on the pages that use them (issue 11, item 1), and the theme's bundle
on none: tests/browser/test_weight.py weighs what is left."""
from __future__ import annotations

import re

_SCRIPT = re.compile(r'<script\b[^>]*\bsrc="([^"]+)"')


def scripts_in_order(site_dir) -> dict[str, list[str]]:
    pages = {}
    for html in site_dir.rglob("*.html"):
        page = html.relative_to(site_dir).as_posix()
        pages[page] = [src.split("?")[0].rsplit("/", 1)[-1] for src in _SCRIPT.findall(html.read_text(encoding="utf-8"))]
    return pages


def scripts_by_page(site_dir) -> dict[str, set[str]]:
    return {page: set(srcs) for page, srcs in scripts_in_order(site_dir).items()}


def test_tree_and_directory_scripts_only_where_used_and_no_theme_bundle(built_site):
    pages = scripts_by_page(built_site)
    tree_pages = {p for p in pages if re.fullmatch(r"decisions/[^/]+/(?:[^/]+/)?index\.html", p)}
    outcomes = {p for p in tree_pages if re.fullmatch(r"decisions/[^/]+/o-[^/]+/index\.html", p)}
    assert "decisions/unplanned-move/index.html" in tree_pages
    assert "decisions/unplanned-move/o-receiving-unplanned/index.html" in outcomes
    assert {p for p, s in pages.items() if "decisions.js" in s} == tree_pages
    # Council cards (data/councils/<slug>.json): the outcomes, the planner and the care leavers' page.
    assert {p for p, s in pages.items() if "cards.js" in s} == outcomes | {"moving/index.html",
                                                                            "care-leavers/index.html"}
    assert {p for p, s in pages.items() if "directory.js" in s} == {"authorities/index.html", "moving/index.html"}
    # The working-day arithmetic both use: the trees and the planner.
    assert {p for p, s in pages.items() if "deadlines.js" in s} == tree_pages | {"moving/index.html"}
    assert not [p for p, s in pages.items() if any(src.startswith("bundle.") for src in s)]
    assert all("atlas.js" in s for s in pages.values())


def test_atlas_js_runs_before_the_page_scripts_that_use_its_helpers(built_site):
    """Deferred scripts run in document order; the page scripts use atlas.js's window.atlasDom,
    and cards.js comes before the scripts that use window.atlasCards."""
    wrong = []
    for page, srcs in scripts_in_order(built_site).items():
        if srcs and srcs[0] != "atlas.js":
            wrong.append((page, srcs))
        for user in ("directory.js", "decisions.js", "care-leavers.js"):
            if "cards.js" in srcs and user in srcs and srcs.index(user) < srcs.index("cards.js"):
                wrong.append((page, srcs))
    assert not wrong, wrong[:5]


_OWN = re.compile(r'\b(?:src|href)="((?:[^"<>]*/)?assets/[A-Za-z0-9_-]+\.(?:js|css))(\?v=[0-9a-f]+)?"')


def test_every_page_names_our_scripts_and_stylesheets_by_their_content(built_site):
    """M2 (issue 20): an old page saved on a phone must never meet a newer script after a deploy.
    Each of our assets/*.js and *.css is named ?v=<the first 12 hex of its SHA-256> in every page
    (the worker keeps each version apart and serves it from the copy first)."""
    import hashlib
    wrong, seen = [], set()
    for html in built_site.rglob("*.html"):
        for path, query in _OWN.findall(html.read_text(encoding="utf-8")):
            name = path.rsplit("/", 1)[-1]
            built = built_site / "assets" / name
            want = "?v=" + hashlib.sha256(built.read_bytes()).hexdigest()[:12]
            seen.add(name)
            if query != want:
                wrong.append((html.relative_to(built_site).as_posix(), name, query, want))
    assert not wrong, wrong[:5]
    assert {"atlas.js", "atlas.css", "cards.js", "decisions.js", "offline.js"} <= seen


def test_what_our_scripts_load_themselves_is_named_by_its_content(built_site):
    """Issue 20, item 7: the files our scripts fetch (the type-ahead library and its CSS,
    typeahead.css, search-rank.js) carry ?v=<hash of the built file> inside the script, and
    Pagefind's files are in pagefind/<hash of them all>/, which search.js names. A deploy changes
    the name, so an old page saved on a phone never meets a newer copy of one of them."""
    import hashlib

    def short(path):
        return hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    assets = built_site / "assets"
    typeahead = (assets / "typeahead.js").read_text(encoding="utf-8")
    library = "vendor/accessible-autocomplete/accessible-autocomplete.min"
    for name in (library + ".js", library + ".css", "typeahead.css"):
        assert f'"{name}?v={short(assets / name)}"' in typeahead, name
    search = (assets / "search.js").read_text(encoding="utf-8")
    assert f'"assets/search-rank.js?v={short(assets / "search-rank.js")}"' in search
    folders = [p for p in (built_site / "pagefind").iterdir()]
    assert len(folders) == 1 and re.fullmatch(r"[0-9a-f]{12}", folders[0].name), folders
    assert f'"pagefind/{folders[0].name}/pagefind.js"' in search
    assert (folders[0] / "pagefind.js").is_file() and (folders[0] / "pagefind-entry.json").is_file()
    # and each page names the search.js so made
    assert f'search.js?v={short(assets / "search.js")}"' in (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
