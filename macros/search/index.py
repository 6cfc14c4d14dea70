"""Build the Pagefind index into <site>/pagefind/ after MkDocs has written the site.

The built pages, through Pagefind's Python API, plus records made from the data model
(records.py): each numbered paragraph of the documents and each council. A document page's own
sections are kept out of the page's entry, so each paragraph is found once, as itself.

One place for the indexer's options, used by the Makefile and by the tests' build:
`python -m macros.search.index SITE_DIR`.
"""
from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

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
    asyncio.run(_write(Path(site_dir), all_records(site)))
    squeeze(Path(site_dir) / "pagefind")          # what a first search downloads, smaller


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m macros.search.index SITE_DIR")
    build_index(Path(sys.argv[1]))
