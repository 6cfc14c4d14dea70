"""The /search/ page (the search control's target without JavaScript) and the synonyms file."""
from __future__ import annotations

from macros.core.render import page_source, render
from macros.search.synonyms import JSON_PATH, as_json


def search_pages(site) -> dict[str, tuple[str, bool]]:
    html = render("search.html", site, "search/")
    return {"search.md": (page_source("Search", html, search=False), False)}


def search_files(site) -> dict[str, str]:
    return {JSON_PATH: as_json(site.synonyms)}
