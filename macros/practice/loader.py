"""Load the practice data (timescales, letters, housing protocols): one call from site.py."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..problems import Problem
from .rules import Timescales, build_timescales

# data/<folder>/<file>.yaml -> schema kind
FOLDERS = {"practice": "practice"}
KINDS = tuple(FOLDERS.values())


def kind_of(rel: str) -> str | None:
    folder, _, name = rel.partition("/")
    if "/" in name:
        return None
    return FOLDERS.get(folder)


@dataclass
class Tools:
    timescales: dict[str, Timescales] = field(default_factory=dict)   # by council slug


def load(by_kind: dict, documents: dict, authorities: dict) -> tuple[Tools, list[Problem]]:
    tools, problems = Tools(), []
    for yf in by_kind.get("practice", []):
        ts, found = build_timescales(yf, documents, authorities)
        problems += found
        tools.timescales[ts.council] = ts
    return tools, problems
