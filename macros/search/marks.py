"""Mark each built page for the index: what is content, what kind of page it is, its one-line answer.

Pagefind reads these attributes; nothing else on the page changes. A page MkDocs was told to keep
out of search (front matter `search: exclude`) gets no mark, so it is not indexed at all; nor does
a council's page, whose record is made from the data model (records.py).
"""
from __future__ import annotations

import re

ARTICLE = '<article class="md-content__inner md-typeset"'
# The decision record's heading and its "Copy a plain-text record..." line are furniture.
_RECORD = re.compile(r'(<h2 id="decision-record")(>.*?</h2>\s*<p)(>)', re.S)


def kind_of_page(url: str) -> str:
    """The kind a reader can filter by, from the page's address."""
    parts = url.strip("/").split("/")
    if parts[0] == "decisions" and len(parts) == 3 and parts[2].startswith("o-"):
        return "outcome"
    if parts[0] == "care-leavers":
        return "care leavers"
    if parts[0] == "decisions":
        return "decision"
    if parts[0] == "authorities" and len(parts) == 2:
        return "council"
    if parts[0] in ("protocol", "documents") and parts != ["documents"]:
        return "document"
    if parts[0] == "glossary":
        return "glossary"
    if parts[0] == "local-offers" and parts[-1] not in ("send-a-correction", "offer-format"):
        return "local offer"
    return "guide"


def mark(html: str, url: str, excluded: bool) -> str:
    if excluded or ARTICLE not in html:
        return html
    kind = kind_of_page(url)
    if kind == "council":       # indexed from the data model instead (records.council_record)
        return html
    html = html.replace(ARTICLE, f'{ARTICLE} data-pagefind-body data-pagefind-filter="kind:{kind}"', 1)
    html = html.replace('<p class="lede">', '<p class="lede" data-pagefind-meta="lede">', 1)
    return _RECORD.sub(r"\1 data-pagefind-ignore\2 data-pagefind-ignore\3", html, count=1)
