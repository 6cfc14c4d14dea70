"""Every address the build writes (pages and files), with the place in data/ that asked for it.

A plain dict lets a second value for an address silently replace the first: two districts named
alike once shared one council card, and a council named "Index" replaced the directory. Here a
second value is a problem naming both places, never an overwrite.
"""
from __future__ import annotations

from dataclasses import dataclass

from macros.core.problems import Problem, field_path


@dataclass(frozen=True)
class Place:
    """Where in data/ an address comes from: the file, the line and the field that name it."""
    file: str
    line: int
    field: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line} ({self.field})"


def output_path(src: str) -> str:
    """Where MkDocs writes a page (use_directory_urls): x/y.md -> x/y/index.html, x/index.md -> x/index.html."""
    if not src.endswith(".md"):
        return src
    stem = src[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return f"{stem}.html"
    return f"{stem}/index.html"


class Addresses(dict):
    """{address: value}, refusing a second value for an address.

    `add(address, value, place)` names the data behind the address; `self[address] = value` is for
    the site's own fixed pages and files (the reserved names). Collisions are kept in `problems`,
    all of them, so the build lists every one at once."""

    def __init__(self):
        super().__init__()
        self.places: dict[str, Place | None] = {}
        self.problems: list[Problem] = []

    def add(self, address: str, value, place: Place | None = None) -> None:
        key = output_path(address)
        if key in self.places:
            self._collide(address, self.places[key], place)
            return
        self.places[key] = place
        super().__setitem__(address, value)

    def __setitem__(self, address, value) -> None:
        self.add(address, value, None)

    def update(self, other=(), **kw):       # merging two registries keeps every place and problem
        places = getattr(other, "places", {})
        for address, value in dict(other, **kw).items():
            self.add(address, value, places.get(output_path(address)))
        self.problems += getattr(other, "problems", [])

    def _collide(self, address: str, first: Place | None, second: Place | None) -> None:
        shown = "/" + output_path(address).removesuffix("index.html")
        if first is None and second is None:
            raise RuntimeError(f"two of the site's own pages or files have the address {shown}")
        if second is None:          # the site's own page came second: still reported at the data's place
            first, second = second, first
        other = "this site's own page or file (a reserved name)" if first is None else str(first)
        self.problems.append(Problem(second.file, second.line, second.field,
                                     f"makes the address {shown}, which {other} already has: "
                                     "choose another name, so that neither replaces the other"))


def place_of(yf, path) -> Place:
    """The Place of a value in a read YAML file (macros/core/yamlfile.YamlFile)."""
    return Place(yf.path, yf.line_of(path), field_path(path))
