"""National help lines (data/help-lines.yaml): one record each, for the care leavers' page and the
letters alike, so the two can never disagree.

A number is shown only when it is a complete UK number; a line without one says "not on this
site yet". Its status is the source's, kept exactly, and is said in the same plain words
wherever the line appears. The schema checks the shape; here, what a schema cannot.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from macros.directory.contact_lines import Phone, parse_phone, refused_kind
from macros.documents.document import Document
from macros.practice.evidence_check import _block_text, normalise
from macros.core.problems import Problem, field_path
from macros.core.yamlfile import YamlFile

FILE = "help-lines.yaml"
NO_NUMBER = "not on this site yet"
# How sure we are of a number, plainly: the same words on the care leavers' page and in the letters.
STATUS_WORDS = {
    "confirmed": "The people who run this line told us this number.",
    "published": "Found on a published page or paper. We do not know its date, and we have not checked it with the line.",
    "unverified": "Not checked: we found it somewhere else. It may be out of date.",
    "not-on-this-site-yet": "We do not have a number with a source for this line yet.",
}


@dataclass
class HelpLine:
    id: str
    name: str
    for_words: str          # who or what it is for, in the first source's words
    phone: Phone | None
    status: str
    read_on: str
    sources: list[dict]     # each with short, title, quote, and url | file | doc_url (a document's section)
    check: str | None

    @property
    def status_words(self) -> str:
        return STATUS_WORDS[self.status]

    @property
    def shown(self) -> str:
        return self.phone.shown if self.phone else NO_NUMBER


def _section_text(section) -> str:
    words = []
    for sec in section.walk():
        words.append(sec.title or "")
        for para in sec.paragraphs:
            words.extend([para.title] if para.title else [])
            words.extend(_block_text(para.blocks))
    return normalise(" ".join(words))


def build_help_lines(yf: YamlFile, documents: dict[str, Document], today: date) -> tuple[list[HelpLine], list[Problem]]:
    lines, problems, seen = [], [], set()
    for i, raw in enumerate(yf.data["lines"]):
        def problem(path, message):
            path = ("lines", i) + path
            problems.append(Problem(yf.path, yf.line_of(path), field_path(path), message))
        if raw["id"] in seen:
            problem(("id",), f"{raw['id']!r} is listed twice: one record per help line")
            continue
        seen.add(raw["id"])
        phone = None
        if "phone" in raw:
            phone = parse_phone(raw["phone"])
            if refused_kind(raw["phone"]):
                problem(("phone",), f"{raw['phone']!r} is {refused_kind(raw['phone'])}")
                phone = None
            elif phone is None:
                problem(("phone",), f"{raw['phone']!r} is not a complete UK phone number: leave it out and set "
                                    "status: not-on-this-site-yet until a source prints it whole")
        if date.fromisoformat(raw["read_on"]) > today:
            problem(("read_on",), f"{raw['read_on']} is in the future: write the day the source was read")
        sources = []
        for j, src in enumerate(raw["sources"]):
            src = dict(src)
            if not any(k in src for k in ("document", "file", "url")):
                problem(("sources", j), "say where it was read: document and section, file or url")
            if "document" in src:
                doc = documents.get(src["document"])
                section = next((s for s in doc.all_sections() if s.title == src["section"]), None) if doc else None
                if doc is None:
                    problem(("sources", j, "document"), f"no document {src['document']!r} in data/documents/")
                elif section is None:
                    problem(("sources", j, "section"), f"{doc.short_title} has no section titled {src['section']!r}")
                elif normalise(src["quote"]) not in _section_text(section):
                    problem(("sources", j, "quote"), f"is not in the text of {doc.short_title}, {src['section']}: copy it exactly")
                else:
                    src["doc_url"] = f"{doc.url}#{section.anchor}"
            if j == 0 and raw["for"].lower() not in src["quote"].lower():
                problem(("for",), f"{raw['for']!r} is not in the first source's quote: use its own words")
            if phone and j == 0 and "".join(raw["phone"].split()) not in "".join(src["quote"].split()):
                problem(("sources", j, "quote"), f"does not contain the number {raw['phone']}: quote the words where it appears")
            sources.append(src)
        lines.append(HelpLine(raw["id"], raw["name"], raw["for"], phone, raw["status"], raw["read_on"], sources,
                              raw.get("check")))
    return lines, problems
