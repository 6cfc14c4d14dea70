"""Glossary terms, and linking each term to its entry where it appears in the documents.

A term is linked once per section, with its short definition as the link's title, so a reader
meets the explanation near where the word is used without every repetition turning blue.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from macros.core.problems import Problem, field_path
from macros.core.yamlfile import YamlFile


@dataclass
class Term:
    id: str
    term: str
    also: list[str]
    definition: str
    defined_in: dict
    see_also: list[str]

    @property
    def forms(self) -> list[str]:
        return [self.term, *self.also]


def build_glossary(yf: YamlFile) -> tuple[list[Term], list[Problem]]:
    problems = []
    terms = []
    seen_ids: dict[str, int] = {}
    seen_forms: dict[str, str] = {}
    for i, raw in enumerate(yf.data["terms"]):
        term = Term(raw["id"], raw["term"], raw.get("also", []), raw["definition"],
                    raw["defined_in"], raw.get("see_also", []))
        if term.id in seen_ids:
            path = ("terms", i, "id")
            problems.append(Problem(yf.path, yf.line_of(path), field_path(path),
                                    f"term id {term.id!r} is defined twice (first at line {seen_ids[term.id]})"))
            continue
        seen_ids[term.id] = yf.line_of(("terms", i, "id"))
        for form in term.forms:
            key = form.lower()
            if key in seen_forms:
                path = ("terms", i)
                problems.append(Problem(yf.path, yf.line_of(path), field_path(path),
                                        f"{form!r} already belongs to the term {seen_forms[key]!r}"))
            seen_forms[key] = term.id
        terms.append(term)
    ids = {t.id for t in terms}
    for i, term in enumerate(terms):
        for j, other in enumerate(term.see_also):
            if other not in ids:
                path = ("terms", i, "see_also", j)
                problems.append(Problem(yf.path, yf.line_of(path), field_path(path),
                                        f"no glossary term with id {other!r}"))
    return terms, problems


class TermLinker:
    """Wraps the first use of each term in a section in a link to its glossary entry."""

    def __init__(self, terms: list[Term], href):
        self._by_form = {form.lower(): term for term in terms for form in term.forms}
        forms = sorted(self._by_form, key=len, reverse=True)     # longest first: "former relevant" before "relevant"
        self._pattern = re.compile(
            r"(?<![\w-])(" + "|".join(re.escape(f) for f in forms) + r")s?(?![\w-])", re.IGNORECASE
        ) if forms else None
        self._href = href
        self.seen: set[str] = set()
        self.references = None      # optional: text -> [(start, end, url, title)], see references.py

    def new_section(self):
        self.seen = set()

    def __call__(self, text: str) -> Markup:
        """Escaped text with cross-references and first uses of terms as links."""
        spans = self.references(text) if self.references else []
        out, last = [], 0
        for start, end, url, title in spans:
            out.append(self._terms(text[last:start]))
            out.append(Markup('<a class="xref" href="{}" title="{}">{}</a>').format(url, title, text[start:end]))
            last = end
        out.append(self._terms(text[last:]))
        return Markup("").join(out)

    def _terms(self, text: str) -> Markup:
        if not self._pattern:
            return escape(text)
        out = []
        last = 0
        for match in self._pattern.finditer(text):
            term = self._by_form[match.group(1).lower()]
            if term.id in self.seen:
                continue
            self.seen.add(term.id)
            out.append(escape(text[last:match.start()]))
            out.append(Markup('<a class="term" href="{}" title="{}">{}</a>').format(
                self._href(f"glossary/#{term.id}"), term.definition, match.group(0)))
            last = match.end()
        out.append(escape(text[last:]))
        return Markup("").join(out)
