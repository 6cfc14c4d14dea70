"""Is a line's `evidence:` really in the paragraph it cites? One place, so the shared checker
(macros/documents/evidence.py, being written on main) can replace this function without other changes.

Whitespace is normalised, case kept, curly and straight quotes treated alike.
"""
from __future__ import annotations

import re

from macros.documents import citations

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip()


def _block_text(blocks) -> list[str]:
    out = []
    for block in blocks:
        if "p" in block:
            out.append(block["p"])
        elif "lines" in block:
            out.extend(block["lines"])
        else:
            out.extend(_list_text(block["ul"]))
    return out


def _list_text(items) -> list[str]:
    out = []
    for item in items:
        if isinstance(item, str):
            out.append(item)
        else:
            out.append(item["text"])
            out.extend(_list_text(item["ul"]))
    return out


def cited_text(citation: str, documents: dict) -> str | None:
    """The words of a cited paragraph (or of a numbered section's own paragraphs and title)."""
    doc_id, number = citations.parse(citation)
    doc = documents.get(doc_id)
    if doc is None or number not in doc.index:
        return None       # citations.check reports it
    parts: list[str] = []
    for section in doc.all_sections():
        if section.number == number:
            parts.append(section.title or "")
            for para in section.paragraphs:
                parts += [para.title or ""] + _block_text(para.blocks)
        for para in section.paragraphs:
            if para.number == number:
                parts += [para.title or ""] + _block_text(para.blocks)
    return normalise(" \n ".join(parts))


def missing_evidence(evidence, cites: list[str], documents: dict) -> list[str]:
    """Each evidence string found in none of the cited paragraphs, as a message."""
    texts = [t for t in (cited_text(c, documents) for c in cites) if t is not None]
    if len(texts) < len(cites):
        return []        # an unresolved citation is reported by citations.check
    words = [evidence] if isinstance(evidence, str) else list(evidence)
    return [f"{w!r} is not in the text of {', '.join(cites)}"
            for w in words if not any(normalise(w) in t for t in texts)]
