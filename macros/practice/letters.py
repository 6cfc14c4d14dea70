"""Letter templates (data/letters/<id>.yaml); the national help lines they print are in data/help-lines.yaml.

A letter either reuses a document's own transcribed template (Lancashire Appendix 2), with the
places to fill in named by the exact text they follow or replace, or is written in our words
from the paragraphs that ask for it. Either way it becomes a list of paragraphs whose pieces
are text or blanks; the browser fills the blanks with textContent, never as HTML.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from macros.core.problems import Problem, field_path
from macros.core.yamlfile import YamlFile
from macros.practice.evidence_check import missing_evidence

BLANK = re.compile(r"\[([a-z0-9-]+)\]")


@dataclass
class Piece:
    text: str | None = None
    blank: str | None = None          # field id
    placeholder: str | None = None    # shown in the blank until it is filled


@dataclass
class Para:
    kind: str                          # heading | p | lines | ul | council | help
    items: list[list[Piece]] = field(default_factory=list)   # one list of pieces per line or item


@dataclass
class Letter:
    id: str
    council: str
    title: str
    short: str
    purpose: str
    basis: list[dict]                  # [{text, cites, evidence}] ours, with the paragraph's words
    fields: list[dict]
    paras: list[Para]
    reused: dict | None                # {document, section, anchor} when the words are the document's
    file: str

    @property
    def url(self) -> str:
        return f"tools/letters/{self.id}/"


def split_blanks(text: str, fields: dict) -> list[Piece]:
    pieces, at = [], 0
    for m in BLANK.finditer(text):
        if m.start() > at:
            pieces.append(Piece(text=text[at:m.start()]))
        pieces.append(Piece(blank=m.group(1), placeholder=fields.get(m.group(1), {}).get("label", m.group(1))))
        at = m.end()
    if at < len(text):
        pieces.append(Piece(text=text[at:]))
    return pieces


def _find_section(doc, title: str):
    return next((s for s in doc.all_sections() if s.title == title), None)


def _reuse(section, blanks: list[dict], fields: dict) -> tuple[list[Para], set[int]]:
    """The section's own words as paragraphs, with blanks where `blanks` say. Returns the
    indexes of the blanks that found their text."""
    used: set[int] = set()

    def pieces_for(text: str) -> list[Piece]:
        out = [Piece(text=text)]
        for i, b in enumerate(blanks):
            f = fields.get(b["field"], {})
            if b.get("replace") == text:
                used.add(i)
                out = [Piece(blank=b["field"], placeholder=text)]
            elif b.get("after") == text:
                used.add(i)
                out.append(Piece(text=" "))
                out.append(Piece(blank=b["field"], placeholder=f.get("label", b["field"])))
        return out

    def items(values):
        flat = []
        for v in values:
            if isinstance(v, str):
                flat.append(v)
            else:
                flat.append(v["text"])
                flat.extend(v["ul"])
        return flat

    paras: list[Para] = []

    def add_section(sec):
        if sec is not section:
            paras.append(Para("heading", [[Piece(text=sec.title)]]))
        for para in sec.paragraphs:
            if para.title:
                paras.append(Para("heading", [[Piece(text=para.title)]]))
            for block in para.blocks:
                if "p" in block:
                    paras.append(Para("p", [pieces_for(block["p"])]))
                elif "lines" in block:
                    paras.append(Para("lines", [pieces_for(line) for line in block["lines"]]))
                else:
                    paras.append(Para("ul", [pieces_for(t) for t in items(block["ul"])]))
        for sub in sec.sections:
            add_section(sub)

    add_section(section)
    return paras, used


def build_letter(yf: YamlFile, documents: dict, council_slugs: set) -> tuple[Letter, list[Problem]]:
    data = yf.data
    problems: list[Problem] = []

    def problem(path, message):
        problems.append(Problem(yf.path, yf.line_of(path), field_path(path), message))

    fields = {f["id"]: f for f in data["fields"]}
    for i, line in enumerate(data["basis"]):
        for message in missing_evidence(line["evidence"], line["cites"], documents):
            problem(("basis", i, "evidence"), message)
    reused, paras = None, []
    if "reuse" in data:
        r = data["reuse"]
        doc = documents.get(r["document"])
        section = _find_section(doc, r["section"]) if doc else None
        if doc is None:
            problem(("reuse", "document"), f"no document {r['document']!r} in data/documents/")
        elif section is None:
            problem(("reuse", "section"), f"{doc.short_title} has no section titled {r['section']!r}")
        else:
            paras, used = _reuse(section, r["blanks"], fields)
            for i, b in enumerate(r["blanks"]):
                if i not in used:
                    problem(("reuse", "blanks", i, "after" if "after" in b else "replace"), f"{b.get('after') or b.get('replace')!r} is not a paragraph, "
                                                    f"line or list item of {r['section']!r}: copy it exactly")
            reused = {"document": doc, "section": section}
        for i, b in enumerate(r["blanks"]):
            if b["field"] not in fields:
                problem(("reuse", "blanks", i, "field"), f"no field {b['field']!r} in fields")
    for i, item in enumerate(data.get("body", [])):
        if "council" in item:
            paras.append(Para("council"))
        elif "help_lines" in item:
            paras.append(Para("help"))
        else:
            kind = "lines" if "lines" in item else "p"
            texts = item.get("lines") or [item["p"]]
            for text in texts:
                for name in BLANK.findall(text):
                    if name not in fields:
                        problem(("body", i), f"[{name}] is not one of the fields ({', '.join(fields)})")
            paras.append(Para(kind, [split_blanks(t, fields) for t in texts]))
    if council_slugs and data["council"] not in council_slugs:
        problem(("council",), f"no council {data['council']!r} in data/authorities.yaml")
    if not yf.path.endswith(f"/{data['id']}.yaml"):
        problem(("id",), f"the id {data['id']!r} must match the file name ({data['id']}.yaml)")
    letter = Letter(data["id"], data["council"], data["title"], data["short"], data["purpose"], data["basis"],
                    data["fields"], paras, reused, yf.path)
    return letter, problems

