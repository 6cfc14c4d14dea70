"""Homelessness law for care leavers (data/homelessness.yaml): each fact with its statute.

The schema checks the shape (and that each fact says its legal status); here, what a schema
cannot: one fact per id, no date read in the future (an as_of after today is a typing slip, and
would make the fact look fresher), and a fact of law names its provision on legislation.gov.uk.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from macros.core import legal_status
from macros.core.problems import Problem, field_path
from macros.core.yamlfile import YamlFile

FILE = "homelessness.yaml"
LAW = "https://www.legislation.gov.uk/"
OF_LAW = ("law-now", "passed-not-started")
STATUS_WORDS = {
    "verified": "We read these words in the law on legislation.gov.uk.",
    "unverified": "Not checked in the law itself yet: we read these words somewhere else.",
}
GUIDANCE_WORDS = {
    "verified": "We read these words in the guidance itself.",
    "unverified": "Not checked in the guidance itself yet: we read these words where they are quoted.",
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
    law: str = "law-now"

    @property
    def status_words(self) -> str:
        return STATUS_WORDS[self.status] if self.law in OF_LAW else GUIDANCE_WORDS[self.status]

    @property
    def law_words_label(self) -> str:
        return "The law’s own words" if self.law in OF_LAW else "The guidance’s words, as we read them"

    @property
    def legal_status(self) -> str:
        return legal_status.words(self.law)


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
        if raw["law"] in OF_LAW and not raw["source"]["url"].startswith(LAW):
            path = ("facts", i, "source", "url")
            problems.append(Problem(yf.path, yf.line_of(path), field_path(path),
                                    f"a fact of law ({raw['law']}) gives its provision on legislation.gov.uk, "
                                    f"e.g. {LAW}ukpga/1996/52/section/188"))
            continue
        facts.append(Fact(raw["id"], raw["title"], raw["says"], raw["law_words"], raw["source"],
                          raw["status"], raw["as_of"], raw["law"]))
    return facts, problems
