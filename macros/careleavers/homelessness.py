"""Homelessness law for care leavers (data/homelessness.yaml): each fact with its statute.

The schema checks the shape; here, what a schema cannot: one fact per id, and no date read in
the future (an as_of after today is a typing slip, and would make the fact look fresher).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from macros.core.problems import Problem, field_path
from macros.core.yamlfile import YamlFile

FILE = "homelessness.yaml"
STATUS_WORDS = {
    "verified": "We read these words in the law on legislation.gov.uk.",
    "unverified": "Not checked in the law itself yet: we read these words somewhere else.",
}


@dataclass
class Fact:
    id: str
    title: str
    says: str
    law_words: str
    source: dict
    status: str
    as_of: str

    @property
    def status_words(self) -> str:
        return STATUS_WORDS[self.status]


def build_facts(yf: YamlFile, today: date) -> tuple[list[Fact], list[Problem]]:
    facts, problems, seen = [], [], set()
    for i, raw in enumerate(yf.data["facts"]):
        def problem(key, message):
            path = ("facts", i, key)
            problems.append(Problem(yf.path, yf.line_of(path), field_path(path), message))
        if raw["id"] in seen:
            problem("id", f"{raw['id']!r} is listed twice")
            continue
        seen.add(raw["id"])
        try:
            read = date.fromisoformat(raw["as_of"])
        except ValueError:
            problem("as_of", f"{raw['as_of']!r} is not a real date")
            continue
        if read > today:
            problem("as_of", f"{raw['as_of']} is in the future: write the day the words were read")
            continue
        facts.append(Fact(raw["id"], raw["title"], raw["says"], raw["law_words"], raw["source"],
                          raw["status"], raw["as_of"]))
    return facts, problems
