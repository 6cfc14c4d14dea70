"""The source documents: sections and numbered paragraphs, and the index citations resolve against.

A document is kept exactly as transcribed; this module only gives it structure (anchors, a
number index) and checks what a schema cannot: numbers unique across the whole document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from macros.core.addresses import Place, place_of
from macros.core.problems import Problem
from macros.core.yamlfile import YamlFile

# The National Protocol is the site's centre and lives at /protocol/; the rest under /documents/.
PROTOCOL_ID = "national-protocol"


def document_url(doc_id: str) -> str:
    return "protocol/" if doc_id == PROTOCOL_ID else f"documents/{doc_id}/"


def number_anchor(kind: str, number: str) -> str:
    """9.3 -> para-9-3; a numbered section 7 -> section-7."""
    return f"{kind}-{number.replace('.', '-')}"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "section"


@dataclass
class Paragraph:
    number: str | None
    title: str | None
    historic: bool
    topics: list[str]       # ours, not the document's: labels that help people find it
    blocks: list            # [{'p': str} | {'ul': [...]} | {'lines': [...]}], as in the data
    anchor: str | None      # para-9-3, or None for text the document does not number
    path: tuple             # where it sits in the YAML, for messages


@dataclass
class Section:
    number: str | None
    title: str | None
    anchor: str
    summary: dict | None
    lost: str | None
    lost_link: str | None   # ours: the page of this site that rebuilds what was lost
    paragraphs: list[Paragraph]
    sections: list["Section"]
    depth: int               # 0 for a top-level section
    path: tuple

    def walk(self):
        yield self
        for sub in self.sections:
            yield from sub.walk()


@dataclass
class Target:
    """What a citation points at."""
    doc_id: str
    number: str
    kind: str                # paragraph | section
    anchor: str
    title: str | None

    @property
    def url(self) -> str:
        return f"{document_url(self.doc_id)}#{self.anchor}"


@dataclass
class Document:
    id: str
    title: str
    short_title: str
    publisher: str
    date: str
    status: str
    about: str | None
    cover: list[str]
    audience: list[str]
    source: dict
    numbering: str
    sections: list[Section]
    file: str
    index: dict[str, Target] = field(default_factory=dict)
    place: Place | None = None     # where its id (and so its address) is written

    @property
    def url(self) -> str:
        return document_url(self.id)

    def all_sections(self):
        for section in self.sections:
            yield from section.walk()

    def all_paragraphs(self):
        for section in self.all_sections():
            yield from section.paragraphs


def build_document(yf: YamlFile) -> tuple[Document, list[Problem]]:
    """Turn a schema-valid document file into a Document; report duplicate numbers and anchors."""
    data = yf.data
    problems: list[Problem] = []
    seen_anchors: dict[str, tuple] = {}

    def claim(anchor: str, path: tuple, what: str):
        if anchor in seen_anchors:
            first = yf.line_of(seen_anchors[anchor])
            problems.append(Problem(yf.path, yf.line_of(path), _dotted(path),
                                    f"{what} is used twice in this document (first at line {first})"))
        else:
            seen_anchors[anchor] = path

    def make_section(raw: dict, path: tuple, depth: int) -> Section:
        number, title = raw.get("number"), raw.get("title")
        if number:
            anchor, what = number_anchor("section", number), f"section number {number!r}"
        elif title:
            anchor, what = f"section-{slug(title)}", f"section title {title!r}"
        else:       # an untitled, unnumbered section (a letter's body): its place names it
            anchor, what = "part-" + "-".join(str(p + 1) for p in path if isinstance(p, int)), "section"
        claim(anchor, path + ("number" if number else "title" if title else "paragraphs",), what)
        if number:
            claim(number_anchor("number", number), path + ("number",), f"number {number!r}")
        paragraphs = []
        for i, para in enumerate(raw["paragraphs"]):
            p_path = path + ("paragraphs", i)
            p_number = para.get("number")
            p_anchor = number_anchor("para", p_number) if p_number else None
            if p_number:
                claim(number_anchor("number", p_number), p_path + ("number",),
                      f"paragraph number {p_number!r}")
            paragraphs.append(Paragraph(p_number, para.get("title"), bool(para.get("historic")),
                                        para.get("topics", []), para["blocks"], p_anchor, p_path))
        if not raw["paragraphs"] and not raw.get("sections") and not raw.get("lost"):
            problems.append(Problem(yf.path, yf.line_of(path + ("paragraphs",)),
                                    _dotted(path + ("paragraphs",)),
                                    "a section needs paragraphs, sub-sections, or `lost` to say why it has none"))
        subs = [make_section(s, path + ("sections", j), depth + 1)
                for j, s in enumerate(raw.get("sections", []))]
        return Section(number, title, anchor, raw.get("summary"), raw.get("lost"), raw.get("lost_link"),
                       paragraphs, subs, depth, path)

    sections = [make_section(s, ("sections", i), 0) for i, s in enumerate(data["sections"])]
    doc = Document(data["id"], data["title"], data["short_title"], data["publisher"], data["date"],
                   data["status"], data.get("about"), data.get("cover", []), data["audience"], data["source"],
                   data["numbering"], sections, yf.path, place=place_of(yf, ("id",)))
    for section in doc.all_sections():
        if section.number:
            doc.index[section.number] = Target(doc.id, section.number, "section",
                                               section.anchor, section.title)
        for para in section.paragraphs:
            if para.number:
                doc.index[para.number] = Target(doc.id, para.number, "paragraph",
                                                para.anchor, para.title)
    expected_name = f"{doc.id}.yaml"
    if not yf.path.endswith("/" + expected_name):
        problems.append(Problem(yf.path, yf.line_of(("id",)), "id",
                                f"the id {doc.id!r} must match the file name ({expected_name})"))
    return doc, problems


def _dotted(path: tuple) -> str:
    from macros.core.problems import field_path
    return field_path(path)
