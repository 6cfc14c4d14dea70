"""Every journey of every decision tree, walked through the built pages as plain links: what a
browser with JavaScript off does (tests/browser/test_trees.py walks one journey a tree that way
in Chromium, and every journey with JavaScript on; test_site.py opens every page with it off).

From the tree's first page, follow "Start", then on each question check its heading and follow
the link of the journey's answer, and end on the outcome's heading. Following a link is resolving
its href against the page's address, as a browser does; nothing is carried in the address."""
from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

from tests.support import real_site

SITE = real_site()
JOURNEYS = [(tree.id, j) for tree in SITE.trees.values() for j in tree.journeys]
IDS = [f"{t}: {j['name']}" for t, j in JOURNEYS]


class _Page(HTMLParser):
    """The page's <h1> text and its links: (classes, href, text), text with spaces collapsed."""

    def __init__(self, html: str):
        super().__init__()
        self.h1, self.links, self._open = [], [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "h1":
            self._open.append(("h1", []))
        elif tag == "a" and attrs.get("href") is not None:
            self._open.append(("a", [(attrs.get("class") or "").split(), attrs["href"]]))

    def handle_endtag(self, tag):
        if tag not in ("h1", "a") or not any(t == tag for t, _ in self._open):
            return
        while self._open:
            kind, data = self._open.pop()
            if kind == tag:
                break
        text = " ".join("".join(data[2:] if kind == "a" else data).split())
        if kind == "h1":
            self.h1.append(text)
        else:
            self.links.append((data[0], data[1], text))

    def handle_data(self, data):
        for _, parts in self._open:
            parts.append(data)


def _open(built_site, url: str) -> _Page:
    path = urlsplit(url).path.lstrip("/")
    return _Page((built_site / path / "index.html").read_text(encoding="utf-8"))


def _follow(page: _Page, here: str, text: str, classes: set[str] = frozenset(), exact=False) -> str:
    """The address the first link with this text (and these classes) leads to."""
    for link_classes, href, link_text in page.links:
        if classes <= set(link_classes) and (link_text == text if exact else text in link_text):
            return urljoin(here, href)
    raise AssertionError(f"{here}: no link {text!r}")


@pytest.mark.parametrize("tree_id,journey", JOURNEYS, ids=IDS)
def test_every_journey_is_walked_by_its_links(built_site, tree_id, journey):
    tree = SITE.trees[tree_id]
    here = "/" + tree.url
    here = _follow(_open(built_site, here), here, "Start", exact=True)
    node_id = tree.start
    for answer_id in journey["answers"]:
        node = tree.nodes[node_id]
        assert urlsplit(here).path.endswith("/" + tree.node_url(node_id)), (here, node_id)
        page = _open(built_site, here)
        assert page.h1 == [node["text"]], (here, page.h1)
        answer = next(a for a in node["answers"] if a["id"] == answer_id)
        here = _follow(page, here, " ".join(answer["label"].split()), {"answer"})
        node_id = answer["next"]
    assert urlsplit(here).path.endswith("/" + tree.node_url(journey["outcome"])), here
    assert "?" not in here                          # plain links: nothing carried, nothing needed
    assert _open(built_site, here).h1 == [tree.nodes[journey["outcome"]]["title"]]
