"""Load the practice data (timescales, letters, housing protocols): one call from site.py."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..problems import Problem
from .housing import Housing, build_housing
from .letters import HelpLine, Letter, build_help_lines, build_letter
from .rules import Timescales, build_timescales

# data/<folder>/<file>.yaml -> schema kind
FOLDERS = {"practice": "practice", "letters": "letter", "housing": "housing"}
SPECIAL = {"letters/help-lines.yaml": "help-lines"}
KINDS = tuple(FOLDERS.values()) + tuple(SPECIAL.values())


def kind_of(rel: str) -> str | None:
    if rel in SPECIAL:
        return SPECIAL[rel]
    folder, _, name = rel.partition("/")
    if "/" in name:
        return None
    return FOLDERS.get(folder)


@dataclass
class Tools:
    timescales: dict[str, Timescales] = field(default_factory=dict)   # by council slug
    letters: dict[str, Letter] = field(default_factory=dict)          # by id
    help_lines: list[HelpLine] = field(default_factory=list)
    housing: dict[str, Housing] = field(default_factory=dict)        # by council slug


def load(by_kind: dict, documents: dict, authorities: dict) -> tuple[Tools, list[Problem]]:
    tools, problems = Tools(), []
    slugs = {a.slug for a in authorities.values()}
    for yf in by_kind.get("practice", []):
        ts, found = build_timescales(yf, documents, authorities)
        problems += found
        tools.timescales[ts.council] = ts
    for yf in by_kind.get("letter", []):
        letter, found = build_letter(yf, documents, slugs)
        problems += found
        tools.letters[letter.id] = letter
    for yf in by_kind.get("help-lines", []):
        tools.help_lines = build_help_lines(yf)
    for yf in by_kind.get("housing", []):
        housing, found = build_housing(yf, documents, slugs)
        problems += found
        tools.housing[housing.council] = housing
    return tools, problems
