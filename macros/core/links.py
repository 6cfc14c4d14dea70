"""Relative links between pages of the built site.

Generated HTML bypasses MkDocs' own link rewriting, so every link is made relative to the page
it sits on: the site then works from any folder, on a file share or a sub-path.
"""
from __future__ import annotations

import posixpath


def relative(from_url: str, to_url: str) -> str:
    """relative('documents/x/', 'protocol/#para-9-3') -> '../../protocol/#para-9-3'.

    URLs are site-relative with directory URLs: '' is the home page, 'protocol/' a page,
    'data/x.csv' a file; a bare '#anchor' stays on the same page.
    """
    if to_url.startswith("#"):
        return to_url
    target, hash_, anchor = to_url.partition("#")
    base = from_url.rstrip("/") if from_url.endswith("/") else posixpath.dirname(from_url)
    path = posixpath.relpath("/" + target, "/" + base)
    if path == ".":
        path = "./"
    elif target.endswith("/") or target == "":
        path += "/"
    return f"{path}{hash_}{anchor}"
