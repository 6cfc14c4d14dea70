"""Build the Pagefind index into <site>/pagefind/ after MkDocs has written the site.

The built pages, through Pagefind's Python API, plus records made from the data model
(records.py): each numbered paragraph of the documents and each council. A document page's own
sections are kept out of the page's entry, so each paragraph is found once, as itself.

One place for the indexer's options, used by the Makefile and by the tests' build:
`python -m macros.search.index SITE_DIR`.

Pagefind names its index chunks by their content, but not pagefind.js, its wasm or
pagefind-entry.json. So that a page saved on a phone never meets another build's Pagefind
(docs/sw.js serves hashed files from the copy first), the whole bundle is moved into
pagefind/<hash of all its files>/ and search.js is made to name that folder; every page then names
the new search.js?v=<hash> (macros/assets/versions.py).
"""
from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

import pagefind.service
from pagefind.index import IndexConfig, PagefindIndex

from macros.assets.versions import short_hash
from macros.search.records import Record, all_records
from macros.search.squeeze import squeeze

ROOT = Path(__file__).resolve().parents[2]
# Furniture that answers no question: kept out of the index wherever a template draws it.
# (Quoted source paragraphs and other asides already carry data-search-exclude.) A document's
# sections are indexed paragraph by paragraph as records, not again as part of its page.
EXCLUDE = ["[data-search-exclude]", ".tree-back", ".tree-caption", ".your-answers", ".record-actions",
           ".ours-note", ".contacts-link", ".record-fields", ".glance", ".correction", ".copy-link", ".copy-status",
           ".headerlink", ".md-source-file", ".doc-section",
           ".council-list"]


class _NoPause:
    """asyncio as Pagefind's client sees it, except that sleep only yields.

    Pagefind 1.5.2's Python client pauses 0.1 s before reading each reply of its indexer
    (pagefind/service/__init__.py, _wait_for_responses), and a record is one reply: the 289
    records made a build wait 29 s with the processor idle (measured). The read that follows
    (readuntil) already waits for the reply, so without the pause nothing spins and nothing is
    lost. tests/unit/test_search_index.py says when a new Pagefind no longer needs this."""

    def __getattr__(self, name):
        return getattr(asyncio, name)

    @staticmethod
    async def sleep(delay, result=None):
        return await asyncio.sleep(0, result)


pagefind.service.asyncio = _NoPause()


async def _write(site_dir: Path, records: list[Record]) -> None:
    config = IndexConfig(force_language="en", exclude_selectors=EXCLUDE, output_path=str(site_dir / "pagefind"))
    async with PagefindIndex(config=config) as index:      # writes the files as it closes
        await index.add_directory(str(site_dir))
        await asyncio.gather(*(index.add_custom_record(**r.as_pagefind()) for r in records))


def build_index(site_dir: Path, site=None) -> None:
    """`site`: the data model already loaded for this build; else data/ is loaded here."""
    if site is None:
        from macros.core.state import current_site
        try:
            site = current_site()
        except RuntimeError:           # `make build` runs this in its own process
            from macros.core.site import load_site
            site = load_site(ROOT)
    records = all_records(site)
    for _ in range(2):                  # once more if the first entry file was empty
        asyncio.run(_write(Path(site_dir), records))
        problem = _entry_problem(Path(site_dir))
        if problem is None:
            squeeze(Path(site_dir) / "pagefind")          # what a first search downloads, smaller
            name_by_content(Path(site_dir))               # after: the folder is named by what is served
            return
    raise SystemExit(f"search index: {problem} (twice); the site is not published without its index")


def _entry_problem(site_dir: Path) -> str | None:
    """Pagefind once wrote an empty pagefind-entry.json on a loaded machine: search then fails for
    everyone. None when the entry parses and names at least one index; else what is wrong."""
    entry = site_dir / "pagefind" / "pagefind-entry.json"
    try:
        languages = json.loads(entry.read_text(encoding="utf-8")).get("languages") or {}
    except (OSError, ValueError, AttributeError) as error:
        return f"{entry.name} unreadable: {error}"
    if not any(lang.get("page_count") for lang in languages.values()):
        return f"{entry.name} lists no pages"
    return None


ENTRY = '"pagefind/pagefind.js"'       # as search.js names it, in the text served


def name_by_content(site_dir: Path) -> str:
    """Move <site>/pagefind/* into <site>/pagefind/<hash>/, name it in search.js, relink the pages."""
    folder = site_dir / "pagefind"
    tag = short_hash(b"".join(path.relative_to(folder).as_posix().encode("utf-8") + b"\0" + path.read_bytes()
                              for path in sorted(p for p in folder.rglob("*") if p.is_file())))
    aside = site_dir / "pagefind.unnamed"
    folder.rename(aside)
    folder.mkdir()
    aside.rename(folder / tag)
    script = site_dir / "assets" / "search.js"
    text = script.read_text(encoding="utf-8")
    if ENTRY not in text:
        raise RuntimeError(f"{script}: names no {ENTRY}: the search would find no index")
    old = "search.js?v=" + short_hash(text.encode("utf-8"))
    text = text.replace(ENTRY, f'"pagefind/{tag}/pagefind.js"')
    script.write_text(text, encoding="utf-8")
    new = "search.js?v=" + short_hash(text.encode("utf-8"))
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if old in html:
            page.write_text(html.replace(old, new), encoding="utf-8")
    return tag


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m macros.search.index SITE_DIR")
    build_index(Path(sys.argv[1]))
