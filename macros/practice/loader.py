"""Load the practice data (timescales, letters, housing protocols): one call from site.py."""
from __future__ import annotations

from dataclasses import dataclass, field

from macros.core.problems import Problem
from macros.practice.housing import Housing, build_housing
from macros.practice.letters import Letter, build_letter
from macros.practice.rules import Timescales, build_timescales

# data/<folder>/<file>.yaml -> schema kind
FOLDERS = {"practice": "practice", "letters": "letter", "housing": "housing"}
KINDS = tuple(FOLDERS.values())


def kind_of(rel: str) -> str | None:
    folder, _, name = rel.partition("/")
    if "/" in name:
        return None
    return FOLDERS.get(folder)


@dataclass
class Tools:
    timescales: dict[str, Timescales] = field(default_factory=dict)   # by council slug
    letters: dict[str, Letter] = field(default_factory=dict)          # by id
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
    for yf in by_kind.get("housing", []):
        housing, found = build_housing(yf, documents, slugs)
        problems += found
        tools.housing[housing.council] = housing
    return tools, problems
