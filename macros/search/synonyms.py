"""Search synonyms from data/search-synonyms.yaml: checked at load, handed to the browser as JSON.

The list is applied when a query runs (assets/search.js), not baked into the index, so changing
a synonym never needs the pages re-indexed by hand and the index stays the pages' own words.
"""
from __future__ import annotations

from dataclasses import dataclass

from macros.core.safe_out import json_text
from macros.core.problems import Problem, field_path
from macros.core.yamlfile import YamlFile

FILE = "search-synonyms.yaml"
JSON_PATH = "search/synonyms.json"       # under site/: fetched only when search is opened


@dataclass(frozen=True)
class Synonym:
    say: str
    means: tuple[str, ...]
    together: bool


def build_synonyms(yf: YamlFile) -> tuple[list[Synonym], list[Problem]]:
    problems, found, seen = [], [], {}
    for i, raw in enumerate(yf.data["synonyms"]):
        say = raw["say"].lower()
        line = yf.line_of(("synonyms", i, "say"))
        if say in seen:
            problems.append(Problem(yf.path, line, field_path(("synonyms", i, "say")),
                                    f"{raw['say']!r} is listed twice (first at line {seen[say]})"))
            continue
        seen[say] = line
        means = tuple(m.lower() for m in raw.get("means", []))
        for j, mean in enumerate(means):
            if mean == say:
                path = ("synonyms", i, "means", j)
                problems.append(Problem(yf.path, yf.line_of(path), field_path(path),
                                        f"{mean!r} is the word itself: use together: true to keep words side by side"))
        found.append(Synonym(say, means, bool(raw.get("together"))))
    return found, problems


def as_json(synonyms: list[Synonym]) -> str:
    return json_text([{"say": s.say, "means": list(s.means), "together": s.together} for s in synonyms],
                      ensure_ascii=False, separators=(",", ":"))
