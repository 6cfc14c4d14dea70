"""Citations `document-id:number`: found anywhere in data, and each must resolve.

Any list under a key named `cites` is a list of citations, whatever file it is in, so new kinds
of data (trees, offers) are checked without new code.
"""
from __future__ import annotations

from macros.core.problems import Problem, field_path
from macros.core.yamlfile import YamlFile


def parse(citation: str) -> tuple[str, str]:
    doc_id, _, number = citation.partition(":")
    return doc_id, number


def find_cites(data, path=()):
    """Yield (path, citation) for every citation in a parsed file."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "cites" and isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, str):
                        yield path + (key, i), item
            else:
                yield from find_cites(value, path + (key,))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from find_cites(item, path + (i,))


def check(files: list[YamlFile], documents: dict, unreadable: set = frozenset()) -> list[Problem]:
    problems = []
    for yf in files:
        missing: dict[str, list] = {}       # a document that is not there: once per file, not per citation
        for path, citation in find_cites(yf.data):
            doc_id, number = parse(citation)
            if doc_id in unreadable:
                continue
            if doc_id not in documents:
                missing.setdefault(doc_id, []).append((path, citation))
                continue
            elif number not in documents[doc_id].index:
                message = f"{citation!r}: {documents[doc_id].short_title} has no paragraph or section {number}"
            else:
                continue
            problems.append(Problem(yf.path, yf.line_of(path), field_path(path), message))
        for doc_id, cited in missing.items():
            problems.append(_missing(yf, doc_id, cited, documents))
    return problems


def _missing(yf: YamlFile, doc_id: str, cited: list, documents: dict) -> Problem:
    """One problem for every citation of an absent document in one file (the review's M09: a deleted
    document gave 205 lines, one per citation, before anyone saw the cause), at the first."""
    (path, citation), lines = cited[0], [yf.line_of(p) for p, _ in cited]
    more = ""
    if len(cited) > 1:
        shown = ", ".join(str(n) for n in lines[1:11]) + (", ..." if len(lines) > 11 else "")
        more = f"; cited {len(cited)} times in this file (also lines {shown})"
    return Problem(yf.path, lines[0], field_path(path),
                   f"{citation!r}: no document {doc_id!r} in data/documents/ (documents: {', '.join(sorted(documents))}){more}")


def resolve(citation: str, documents: dict):
    doc_id, number = parse(citation)
    return documents[doc_id].index[number]


def label(target, documents: dict) -> str:
    """How a cited paragraph is named everywhere: "National Protocol 9.3"."""
    return f"{documents[target.doc_id].short_title} {target.number}"
