"""The hostile corpus (tests/data/hostile.yaml) placed in every kind of data file.

`inject(project, payloads)` writes payloads into chosen fields of a copy of the project and
returns where each went (file, field, line as the data checks report them), so a test can ask
"was this refused with file, line and field?" or "is it shown as inert text?".
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

from macros.core.problems import field_path
from macros.core.yamlfile import read_yaml

CORPUS_FILE = Path(__file__).parent / "data" / "hostile.yaml"
LANCASHIRE = "E10000017"

# Text fields of one file of every kind of data file. A dict in a path means "the first list
# item with these values". Lancashire is used where a council is needed: it has a practice
# guide, letters, lead-officer lines and an offer, so its payloads reach every page kind.
TEXT_FIELDS: dict[str, list[tuple]] = {
    "documents/national-protocol.yaml": [
        ("title",), ("sections", 0, "title"), ("sections", 0, "paragraphs", 0, "blocks", 0, "p"),
        ("status",)],
    "trees/charging.yaml": [
        ("title",), ("nodes", "q-cost", "text"), ("nodes", "q-cost", "answers", 0, "label"),
        ("nodes", "o-basic-advice", "title"), ("nodes", "o-basic-advice", "summary"),
        ("nodes", "o-basic-advice", "steps", 0, "text")],
    "glossary.yaml": [("terms", 0, "definition"), ("terms", 1, "definition"), ("terms", 1, "defined_in", "law")],
    "authorities.yaml": [("authorities", {"code": LANCASHIRE}, "official_name"), ("source", "notes")],
    "districts.yaml": [("districts", {"code": "E07000117"}, "official_name"), ("source", "notes")],
    "lead-officers.yaml": [
        ("entries", {"authority": LANCASHIRE}, "lines", 0, "team"),
        ("entries", {"authority": LANCASHIRE}, "lines", 1, "ask_for"),
        ("entries", {"authority": LANCASHIRE}, "lines", 0, "check"),
        ("entries", {"authority": LANCASHIRE}, "lines", 0, "source", "title")],
    "offers/lancashire.yaml": [("items", 0, "conditions"), ("items", 0, "who"), ("items", 1, "source", "title")],
    "entitlements.yaml": [("entitlements", 0, "name"), ("entitlements", 0, "description"),
                          ("entitlements", 0, "floor", "text")],
    "practice/lancashire.yaml": [("title",), ("about",), ("rules", 0, "label"), ("rules", 0, "who")],
    "letters/step-down.yaml": [("purpose",), ("basis", 0, "text"), ("fields", 0, "label"), ("fields", 1, "hint")],
    "help-lines.yaml": [("lines", 0, "name"), ("lines", 1, "check"), ("lines", 0, "sources", 0, "short"),
                        ("lines", 1, "sources", 0, "title")],
    "housing/worcestershire.yaml": [("status",), ("commitments", 0, "text")],
    "search-synonyms.yaml": [("synonyms", 0, "why")],
    "homelessness.yaml": [("facts", 0, "title"), ("facts", 0, "says"), ("facts", 1, "source", "read_in")],
}

# Fields that hold a web address (or an e-mail address, for a mailto: link).
URL_FIELDS: dict[str, list[tuple]] = {
    "authorities.yaml": [("authorities", {"code": LANCASHIRE}, "website"), ("source", "url")],
    "districts.yaml": [("districts", {"code": "E07000117"}, "website")],
    "glossary.yaml": [("terms", 1, "defined_in", "url")],
    "lead-officers.yaml": [("entries", {"authority": "E08000032"}, "run_by", "url"),
                           ("entries", {"authority": "E08000032"}, "run_by", "source", "url"),
                           ("entries", {"authority": "E08000016"}, "lines", 0, "web_page"),
                           ("entries", {"authority": "E09000003"}, "lines", 0, "email"),
                           ("entries", {"authority": LANCASHIRE}, "lines", 0, "phones", 0)],
    "offers/lancashire.yaml": [("items", 1, "source", "url")],
    "homelessness.yaml": [("facts", 0, "source", "url")],
    "help-lines.yaml": [("lines", 0, "phone")],
}


@dataclass
class Placed:
    payload: str        # the corpus entry's name
    text: str           # what was written
    file: str           # data/<file>
    field: str          # as the data checks name it: terms[0].definition
    line: int = 0


def corpus() -> dict[str, list[dict]]:
    data = YAML(typ="safe").load(CORPUS_FILE.read_text(encoding="utf-8"))
    for group in data.values():
        for entry in group:
            if "long_word" in entry:        # one unbroken word
                entry["text"] = "x" * entry["long_word"]
            if "long_text" in entry:        # a very long paragraph of ordinary words
                entry["text"] = ("word " * (entry["long_text"] // 5)).strip()
    return data


def _resolve(data, path: tuple) -> tuple:
    out, node = [], data
    for part in path:
        if isinstance(part, dict):
            part = next(i for i, item in enumerate(node)
                        if all(item.get(k) == v for k, v in part.items()))
        out.append(part)
        node = node[part]
    return tuple(out)


def inject(project: Path, placements: list[tuple[str, tuple, str, str, bool]]) -> list[Placed]:
    """placements: (data file, field path, payload name, text, replace?). Appends the text to
    the field's value (so the rest of the record stays valid) unless replace is set."""
    yaml = YAML(typ="rt")
    yaml.width = 10 ** 6                # no folding: a field stays on its line
    yaml.preserve_quotes = True
    by_file: dict[str, list] = {}
    for rel, path, name, text, replace in placements:
        by_file.setdefault(rel, []).append((path, name, text, replace))
    placed = []
    for rel, items in by_file.items():
        target = project / "data" / rel
        doc = yaml.load(target.read_text(encoding="utf-8"))
        resolved = []
        for path, name, text, replace in items:
            real = _resolve(doc, path)
            parent = doc
            for part in real[:-1]:
                parent = parent[part]
            parent[real[-1]] = text if replace else f"{parent[real[-1]]} {text}"
            resolved.append((real, name, text))
        with target.open("w", encoding="utf-8") as out:
            yaml.dump(doc, out)
        yf, problems = read_yaml(target, f"data/{rel}")
        assert yf is not None, problems
        for real, name, text in resolved:
            placed.append(Placed(name, text, f"data/{rel}", field_path(real), yf.line_of(real)))
    return placed


def refusal_placements(entries: list[dict]) -> list[tuple]:
    """Every refused payload in some text field of every kind: field i of a file gets payload
    (i + the file's offset), so that across the files each payload is placed more than once."""
    out, offset = [], 0
    for rel, fields in TEXT_FIELDS.items():
        for i, path in enumerate(fields):
            entry = entries[(offset + i) % len(entries)]
            out.append((rel, path, entry["name"], entry["text"], bool(entry.get("whole"))))
        offset += len(fields)
    return out


def url_placements(entries: list[dict]) -> list[tuple]:
    out, i = [], 0
    for rel, fields in URL_FIELDS.items():
        for path in fields:
            entry = entries[i % len(entries)]
            out.append((rel, path, entry["name"], entry["text"], True))
            i += 1
    return out


def inert_placements(entries: list[dict]) -> list[tuple]:
    """Every inert payload in every text field, each tagged with a marker (hostile<k>x) that
    says which field it came from, so a test can find where each is shown."""
    out, k = [], 0
    text = " ".join(f"[{e['name']}] {e['text']}" for e in entries if "long_text" not in e)
    long_text = next(e["text"] for e in entries if "long_text" in e)
    for rel, fields in TEXT_FIELDS.items():
        for path in fields:
            # The long paragraph goes in once per file: one is enough to see wrapping, and 40
            # copies of 20,000 characters would only slow the build.
            extra = f" {long_text}" if path == fields[0] else ""
            out.append((rel, path, f"hostile{k}x", f"hostile{k}x {text}{extra}", False))
            k += 1
    return out
