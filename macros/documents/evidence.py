"""Evidence: every line of ours carries a few words copied from the paragraph it cites.

A claim and its proof travel together. Any mapping in any data file that has an `evidence`
field is checked against the `cites` beside it: each phrase must appear in the text of one of
the cited paragraphs (or sections). A line with no words behind it says `reading: true` and is
shown as "our reading", never as the rule.

The same check runs on the hand-written guide pages (docs/*.md): every `cite(...)` macro call
there carries `evidence=`.

Matching ignores case, runs of white space and the style of quotes and dashes, because those
are typography, not words; it never ignores a word.
"""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

from macros.documents import citations
from macros.core.problems import Problem, field_path
from macros.core.yamlfile import YamlFile

_TYPOGRAPHY = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                             "\u2013": "-", "\u2014": "-", "\u00a0": " "})

HOW = ("write `evidence:` with a few words copied exactly from a cited paragraph, "
       "or `reading: true` if no words there say it (it is then shown as our reading)")


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_TYPOGRAPHY)).strip().casefold()


def _strings(value):
    """Every piece of text in a paragraph's blocks, in order."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def paragraphs_of(target, documents) -> list:
    """The paragraphs a citation covers: one paragraph, or every paragraph of a section."""
    doc = documents[target.doc_id]
    if target.kind == "paragraph":
        return [p for p in doc.all_paragraphs() if p.number == target.number]
    section = next(s for s in doc.all_sections() if s.number == target.number)
    return [p for sub in section.walk() for p in sub.paragraphs]


def cited_text(citation: str, documents) -> str:
    """The words of a cited paragraph or section, headings included (a heading is the source's words too)."""
    target = citations.resolve(citation, documents)
    heading = [target.title] if target.title else []
    return " ".join(heading + [s for p in paragraphs_of(target, documents)
                               for s in ([p.title] if p.title and p.number != target.number else []) + list(_strings(p.blocks))])


def phrases(evidence) -> list[str]:
    if evidence is None:
        return []
    return [evidence] if isinstance(evidence, str) else list(evidence)


@dataclass
class Quote:
    """Evidence as shown to a reader: the source's own words and where they are."""
    words: str            # as the source writes them (its case and quotes)
    citation: str


def locate(phrase: str, cites: list[str], documents) -> Quote | None:
    """Find the phrase in the first cited paragraph that holds it, in the source's own letters."""
    wanted = normalise(phrase)
    for citation in cites:
        text = cited_text(citation, documents)
        # Map each position of the normalised text back to the original, to quote it as written.
        flat, where = [], []
        for i, ch in enumerate(text.translate(_TYPOGRAPHY)):
            if ch.isspace():
                if flat and flat[-1] == " ":
                    continue
                ch = " "
            flat.append(ch.casefold())
            where.append(i)
        # Whole words only: "planned moves" is not in "unplanned moves".
        match = re.search(r"(?<!\w)" + re.escape(wanted) + r"(?!\w)", "".join(flat))
        if match:
            at = match.start()
            return Quote(text[where[at]: where[at + len(wanted) - 1] + 1], citation)
    return None


def _walk(data, path=()):
    """Yield (path, mapping) for every mapping in a parsed file."""
    if isinstance(data, dict):
        yield path, data
        for key, value in data.items():
            yield from _walk(value, path + (key,))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from _walk(item, path + (i,))


def _resolvable(cites, documents) -> list[str]:
    out = []
    for c in cites or []:
        doc_id, number = citations.parse(c)
        if doc_id in documents and number in documents[doc_id].index:
            out.append(c)
    return out


def check_file(yf: YamlFile, documents) -> list[Problem]:
    """Every `evidence` in the file is in one of the paragraphs cited beside it."""
    problems = []
    for path, mapping in _walk(yf.data):
        if "evidence" not in mapping:
            continue
        cites = mapping.get("cites")
        if not cites:
            problems.append(Problem(yf.path, yf.line_of(path + ("evidence",)), field_path(path + ("evidence",)),
                                    "evidence needs `cites` beside it: the paragraphs the words come from"))
            continue
        usable = _resolvable(cites, documents)
        if len(usable) < len(cites):
            continue        # a citation that does not resolve is reported by citations.check
        for i, phrase in enumerate(phrases(mapping["evidence"])):
            at = path + ("evidence",) + ((i,) if isinstance(mapping["evidence"], list) else ())
            if len(normalise(phrase).split()) < 2:
                problems.append(Problem(yf.path, yf.line_of(at), field_path(at),
                                        f"{phrase!r}: quote at least two words, so the evidence says something"))
            elif any(normalise(phrase) == normalise(cited_text(c, documents)) for c in usable):
                problems.append(Problem(yf.path, yf.line_of(at), field_path(at),
                                        "quote a few words, not the whole paragraph: the paragraph is shown in full already"))
            elif locate(phrase, usable, documents) is None:
                names = ", ".join(citations.label(citations.resolve(c, documents), documents) for c in usable)
                problems.append(Problem(yf.path, yf.line_of(at), field_path(at),
                                        f"{phrase!r} is not in the text of {names}: copy the words exactly"))
    return problems


def required(yf: YamlFile, places) -> list[Problem]:
    """Lines of ours that must carry evidence or `reading: true`: `places` yields their paths."""
    problems = []
    for path in places(yf.data):
        mapping = yf.data
        for part in path:
            mapping = mapping[part]
        if "evidence" not in mapping and not mapping.get("reading"):
            problems.append(Problem(yf.path, yf.line_of(path), field_path(path), f"missing evidence: {HOW}"))
    return problems


def tree_places(data):
    """In a tree: hints, steps, deadlines, who pays, records, notes, messages, tonight and closed."""
    for node_id, node in data.get("nodes", {}).items():
        if node.get("type") == "question":
            if "hint" in node:
                yield ("nodes", node_id)
            for i, answer in enumerate(node.get("answers", [])):
                if "hint" in answer:
                    yield ("nodes", node_id, "answers", i)
            continue
        for key in ("steps", "deadlines", "who_pays", "record", "notes"):
            for i, _ in enumerate(node.get(key, [])):
                yield ("nodes", node_id, key, i)
        for i, _ in enumerate(node.get("message", {}).get("lines", [])):
            yield ("nodes", node_id, "message", "lines", i)
        for i, _ in enumerate(node.get("tonight", {}).get("lines", [])):
            yield ("nodes", node_id, "tonight", "lines", i)
        for i, _ in enumerate(node.get("closed", [])):
            yield ("nodes", node_id, "closed", i)


def document_places(data):
    """In a document: every "In plain English" summary (ours)."""
    for path, mapping in _walk(data):
        if path and path[-1] == "summary" and isinstance(mapping, dict):
            yield path


def glossary_places(data):
    for i, _ in enumerate(data.get("terms", [])):
        yield ("terms", i, "defined_in")


PLACES = {"tree": tree_places, "document": document_places, "glossary": glossary_places}


# Where `evidence` means something else: a research row's note of where a web page says it
# (local offers, directory lines, local offer pages). Those sources are web pages, not paragraphs we hold.
WEB_SOURCED = {"offers", "lead-officers", "entitlements", "authorities"}


def check(files_by_kind: dict, documents) -> list[Problem]:
    problems = []
    for kind, files in files_by_kind.items():
        for yf in files:
            if kind not in WEB_SOURCED:
                problems += check_file(yf, documents)
            if kind in PLACES:
                problems += required(yf, PLACES[kind])
    return problems


# --- hand-written pages -------------------------------------------------------------------

_CITE_CALL = re.compile(r"\{\{\s*cite\((.*?)\)\s*\}\}", re.S)


def check_pages(docs_dir: Path, root: Path, documents) -> list[Problem]:
    """Every {{ cite(...) }} on a hand-written page, and every cite_list([...], ctx, ...) written
    out in a template (the planner's lines), carries evidence found in its paragraph."""
    problems = []
    calls = [(page, _CITE_CALL) for page in sorted(docs_dir.rglob("*.md"))]
    calls += [(page, _CITE_LIST_CALL) for page in sorted((root / "macros" / "templates").glob("*.html"))]
    for page, pattern in calls:
        text = page.read_text(encoding="utf-8")
        shown = page.relative_to(root).as_posix()
        for match in pattern.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            try:
                call = ast.parse(f"f({match.group(1)})", mode="eval").body
                args = [ast.literal_eval(a) for a in call.args if not isinstance(a, ast.Name)]
                kwargs = {k.arg: ast.literal_eval(k.value) for k in call.keywords}
            except (SyntaxError, ValueError):
                problems.append(Problem(shown, line, "cite", "write cite('document-id:number', evidence='…') "
                                        "with plain quoted text"))
                continue
            cited = args[0] if args else kwargs.get("citation", "")
            for citation in ([cited] if isinstance(cited, str) else cited):
                problems += _check_cite(shown, line, citation, kwargs, documents)
    return problems


# A template's own sentence citing a paragraph: {{ cite_list(["national-protocol:9.1"], ctx, evidence=…) }}
_CITE_LIST_CALL = re.compile(r"\{\{\s*cite_list\((\[[^\]]*\],\s*ctx.*?)\)\s*\}\}", re.S)


def _check_cite(shown: str, line: int, citation: str, kwargs: dict, documents) -> list[Problem]:
    if not _resolvable([citation], documents):
        return [Problem(shown, line, "cite", f"{citation!r}: no such paragraph")]
    if "evidence" not in kwargs and not kwargs.get("reading"):
        return [Problem(shown, line, "cite", f"{citation!r}: missing evidence: add "
                        "evidence='a few words copied from the paragraph'")]
    problems = []
    for phrase in phrases(kwargs.get("evidence")):
        if locate(phrase, [citation], documents) is None:
            label = citations.label(citations.resolve(citation, documents), documents)
            problems.append(Problem(shown, line, "cite",
                                    f"{phrase!r} is not in the text of {label}: copy the words exactly"))
    return problems
