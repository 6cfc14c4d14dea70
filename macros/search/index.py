"""Build the Pagefind index into <site>/pagefind/ after MkDocs has written the site.

One place for the indexer's options, used by the Makefile and by the tests' build:
`python -m macros.search.index SITE_DIR`.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# Furniture that answers no question: kept out of the index wherever a template draws it.
# (Quoted source paragraphs and other asides already carry data-search-exclude.)
EXCLUDE = ["[data-search-exclude]", ".tree-back", ".tree-caption", ".your-answers", ".record-actions",
           ".ours-note", ".contacts-link", ".record-fields", ".glance", ".correction", ".copy-link", ".copy-status", ".headerlink", ".md-source-file"]


def command(site_dir: Path) -> list[str]:
    args = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--force-language", "en", "--silent"]
    for selector in EXCLUDE:
        args += ["--exclude-selectors", selector]
    return args


def build_index(site_dir: Path) -> None:
    subprocess.run(command(Path(site_dir)), check=True)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m macros.search.index SITE_DIR")
    build_index(Path(sys.argv[1]))
