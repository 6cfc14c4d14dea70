"""Pagefind's files compressed again, smaller, in the same format (run after the index is written).

Pagefind stores its engine (WebAssembly), index chunks, filters, page list and fragments already
gzipped, and a host serves those bytes as they are: they are what a first search downloads. Zopfli
writes the same gzip format 3 to 5 % smaller (the engine 72.2 -> 68.9 KB, measured in
bench/results/search-first-bytes.json); pagefind.js reads it as before. Only the files a search in
English fetches are redone: `wasm.unknown.pagefind` (other languages) is never fetched here.
Fragments are left as Pagefind wrote them: zopfli takes 17 s a build over them to save 2 % (about
20 bytes a fragment), against 4 s for the rest.
"""
from __future__ import annotations

import gzip
from pathlib import Path

import zopfli.gzip

ITERATIONS = 5         # zopfli's default 15 gains 0.01 % more (measured) for more seconds a build
PATTERNS = ("wasm.en.pagefind", "*.pf_meta", "index/*.pf_index", "filter/*.pf_filter")


def squeeze(bundle: Path) -> tuple[int, int]:
    """Recompress the bundle's gzipped files in place; returns (bytes before, bytes after)."""
    before = after = 0
    for pattern in PATTERNS:
        for path in sorted(bundle.glob(pattern)):
            stored = path.read_bytes()
            smaller = zopfli.gzip.compress(gzip.decompress(stored), numiterations=ITERATIONS)
            before += len(stored)
            if len(smaller) < len(stored):
                path.write_bytes(smaller)
                stored = smaller
            after += len(stored)
    return before, after
