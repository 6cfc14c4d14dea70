"""Every page and file generated from data, in one registry of addresses (macros/core/addresses.py).

Pages are (path in docs/, (Markdown holding finished HTML, whether in the navigation)); files are
open data under /data/. The MkDocs adapter adds them as virtual files; nothing is written to docs/.
An address made twice stops the build with both places named, never an overwrite.
"""
from __future__ import annotations

from macros.core import changes
from macros.core.addresses import Addresses
from macros.core.links import relative
from macros.core.problems import DataError
from macros.core.render import page_source, render
from macros.directory.pages import data_files, directory_pages
from macros.trees.pages import tree_pages
from macros.directory.cards import card_files
from macros.careleavers.page import care_leaver_pages
from macros.offers.pages import offer_files, offer_pages
from macros.practice.pages import practice_pages
from macros.search.pages import search_files, search_pages


def generated_pages(site) -> Addresses:
    """{src path: (Markdown, whether it belongs in the navigation)}"""
    own = Addresses()
    # The site's own pages first: a document named like one of them is reported at its id.
    own["documents/index.md"] = (page_source(
        "Source documents",
        render("documents.html", site, "documents/", documents=list(site.documents.values()))), True)
    by_id = {t.id: t for t in site.glossary}
    own["glossary.md"] = (page_source(
        "Glossary", render("glossary.html", site, "glossary/", terms=site.glossary, by_id=by_id)), True)
    for doc in site.documents.values():
        src = "protocol.md" if doc.url == "protocol/" else f"{doc.url.rstrip('/')}.md"
        html = render("document.html", site, doc.url, doc=doc)
        own.add(src, (page_source(doc.short_title, html, description=doc.title), True), doc.place)
    recent = changes.recent(site)
    own["changes/index.md"] = (page_source(
        "What changed", render("changes.html", site, "changes/", councils=recent, window=changes.WINDOW_DAYS,
                               today=site.today, total=sum(len(c.changes) for c in recent)),
        description="Council contact lines and local offer items read or changed lately, by council, with a feed.",
        search=False), True)     # a list of records each council's page already holds: not a search result
    pages = Addresses()
    for part in (own, tree_pages(site), directory_pages(site), offer_pages(site), practice_pages(site),
                 search_pages(site), care_leaver_pages(site)):
        pages.update(part)
    return pages


def generated_files(site) -> Addresses:
    """Files that are not pages: open data under /data/."""
    files = Addresses()
    for part in (data_files(site), card_files(site), offer_files(site), search_files(site)):
        files.update(part)
    files[changes.FEED] = changes.atom(changes.recent(site), site.today, lambda url: relative("changes/", url),
                                       relative("changes/", changes.FEED))
    return files


def generated_outputs(site) -> tuple[Addresses, Addresses]:
    """(pages, files), or DataError listing every address made twice (pages and files share one space)."""
    pages, files = generated_pages(site), generated_files(site)
    every = Addresses()
    every.update(pages)
    every.update(files)
    if every.problems:
        raise DataError(every.problems)
    return pages, files
