"""Every page generated from data: (path in docs/, Markdown source holding finished HTML).

The MkDocs adapter adds these as virtual files; nothing is written to docs/.
"""
from __future__ import annotations

from macros.core import changes
from macros.core.links import relative
from macros.core.render import page_source, render
from macros.directory.pages import data_files, directory_pages
from macros.trees.pages import tree_pages
from macros.directory.cards import card_files
from macros.careleavers.page import care_leaver_pages
from macros.offers.pages import offer_files, offer_pages
from macros.practice.pages import practice_pages
from macros.search.pages import search_files, search_pages


def generated_pages(site) -> dict[str, tuple[str, bool]]:
    """{src path: (Markdown, whether it belongs in the navigation)}"""
    pages: dict[str, str] = {}
    for doc in site.documents.values():
        src = "protocol.md" if doc.url == "protocol/" else f"{doc.url.rstrip('/')}.md"
        html = render("document.html", site, doc.url, doc=doc)
        pages[src] = page_source(doc.short_title, html, description=doc.title)
    pages["documents/index.md"] = page_source(
        "Source documents",
        render("documents.html", site, "documents/", documents=list(site.documents.values())))
    by_id = {t.id: t for t in site.glossary}
    pages["glossary.md"] = page_source(
        "Glossary", render("glossary.html", site, "glossary/", terms=site.glossary, by_id=by_id))
    recent = changes.recent(site)
    pages["changes/index.md"] = page_source(
        "What changed", render("changes.html", site, "changes/", councils=recent, window=changes.WINDOW_DAYS,
                               today=site.today, total=sum(len(c.changes) for c in recent)),
        description="Council contact lines and local offer items read or changed lately, by council, with a feed.",
        search=False)     # a list of records each council's page already holds: not a search result
    return {**{src: (md, True) for src, md in pages.items()}, **tree_pages(site), **directory_pages(site),
            **offer_pages(site),
            **practice_pages(site),
            **search_pages(site), **care_leaver_pages(site)}


def generated_files(site) -> dict[str, str]:
    """Files that are not pages: open data under /data/."""
    feed = changes.atom(changes.recent(site), site.today, lambda url: relative("changes/", url),
                        relative("changes/", changes.FEED))
    return {**data_files(site), **card_files(site), **offer_files(site), **search_files(site), changes.FEED: feed}
