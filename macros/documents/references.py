"""Cross-references inside a document's own words become links: "(see paragraph 6.2)".

Only forms that cannot be mistaken are linked: "paragraph(s) N", "chapter N" within the same
document, and "Section N of the Protocol" to the National Protocol. "Section 23A" (an Act) is
left alone.
"""
from __future__ import annotations

import re

from macros.documents import citations
from macros.documents.document import PROTOCOL_ID

NUMBER = r"\d+(?:\.\d+)*"
SAME_DOC = re.compile(rf"\b(?:paragraphs?|[Cc]hapter)\s+({NUMBER})(?:\s+and\s+({NUMBER}))?")
PROTOCOL_SECTION = re.compile(rf"\bSection\s+({NUMBER})\s+of\s+the\s+Protocol\b")


def finder(doc, documents: dict, href):
    """A function text -> [(start, end, url, title)] of references that resolve."""

    def target(doc_id, number):
        found = documents[doc_id].index.get(number.rstrip("."))
        return (href(found.url), citations.label(found, documents)) if found else None

    def find(text: str):
        spans = []
        for match in SAME_DOC.finditer(text):
            for group in (1, 2):
                if match.group(group):
                    resolved = target(doc.id, match.group(group))
                    if resolved:
                        spans.append((match.start(group), match.end(group), *resolved))
        if PROTOCOL_ID in documents:
            for match in PROTOCOL_SECTION.finditer(text):
                resolved = target(PROTOCOL_ID, match.group(1))
                if resolved:
                    spans.append((match.start(), match.end(), *resolved))
        return sorted(spans)

    return find
