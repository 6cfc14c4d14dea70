"""The entitlement catalogue (data/entitlements.yaml): one stable id per kind of help."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from macros.core.addresses import Place, place_of

from macros.core.problems import Problem, field_path
from macros.core.yamlfile import YamlFile

# The areas of the Children and Social Work Act 2017 s2(2), in the Act's order. The Children's
# Wellbeing and Schools Act 2026 s8 adds "(g) financial literacy": passed (29 April 2026) but not
# started as checked on 2026-12-04 (law review 2026-12, 1.2), so it is not an area here until a
# commencement order starts it; data/entitlements.yaml says so in its national_facts.
AREAS = {"health-and-wellbeing": "Health and well-being", "relationships": "Relationships",
         "education-and-training": "Education and training", "employment": "Employment",
         "accommodation": "Accommodation", "participation-in-society": "Participation in society"}
# Pages that sit beside /local-offers/<entitlement id>/, so no entitlement may take their names.
RESERVED = ("mine", "compare", "send-a-correction", "offer-format")
UNIT_WORDS = {"GBP": "an amount in pounds", "GBP-per-week": "pounds a week", "percent": "a percentage",
              "age": "an age", "yes-no": "yes or no", "text": "words"}
# Who decides a kind of help, in words a council's officer reads (set_by; docs-dev/local-offers.md).
SET_BY_WORDS = {"responsible": "the council that looked after the care leaver, wherever they live",
                "billing": "the council that sends the council tax bill where they live (in two-tier areas, "
                           "the district)",
                "any": "any council, as its own policy",
                "national": "set nationally, not by a council"}


@dataclass
class Entitlement:
    id: str
    name: str
    description: str
    area: str
    kinds: list[str]
    set_by: str          # responsible | billing | any | national
    floor: dict | None
    national_note: dict | None
    place: Place | None = None

    @property
    def area_name(self) -> str:
        return AREAS[self.area]

    @property
    def url(self) -> str:
        return f"local-offers/{self.id}/"

    @property
    def kind(self) -> str:
        return self.kinds[0]

    @property
    def kinds_in_words(self) -> str:
        """"an amount in pounds, or yes or no"."""
        words = [UNIT_WORDS[k] for k in self.kinds]
        return ", ".join(words[:-1]) + ", or " + words[-1] if len(words) > 1 else words[0]

    @property
    def set_by_in_words(self) -> str:
        return SET_BY_WORDS[self.set_by]


def build_entitlements(yf: YamlFile) -> tuple[dict[str, Entitlement], list[Problem]]:
    out, problems = {}, []
    for i, raw in enumerate(yf.data["entitlements"]):
        if raw["id"] in RESERVED:
            path = ("entitlements", i, "id")
            problems.append(Problem(yf.path, yf.line_of(path), field_path(path),
                                    f"{raw['id']!r} is the name of a page under /local-offers/: choose another id"))
            continue
        if raw["id"] in out:
            path = ("entitlements", i, "id")
            problems.append(Problem(yf.path, yf.line_of(path), field_path(path), f"{raw['id']!r} is listed twice"))
            continue
        out[raw["id"]] = Entitlement(raw["id"], raw["name"], raw["description"], raw["area"], raw["kinds"],
                                     raw["set_by"], raw.get("floor"), raw.get("national_note"),
                                     place_of(yf, ("entitlements", i, "id")))
    return out, problems


def _checked_in_future(yf: YamlFile, path: tuple, fact: dict, today: date) -> list[Problem]:
    """A check date after today is a typing slip, and would make the fact look fresher than it is."""
    if date.fromisoformat(fact["checked_on"]) > today:
        at = (*path, "checked_on")
        return [Problem(yf.path, yf.line_of(at), field_path(at),
                        f"{fact['checked_on']} is in the future: write the day it was checked against its source")]
    return []


def build_national_facts(yf: YamlFile, today: date) -> tuple[list[dict], list[Problem]]:
    """The catalogue's national facts (each floor, national note and law change), checked for dates.

    The schema makes each carry who it is for, its legal status and its check date; here, what a
    schema cannot: no check date in the future. Returns the law changes listed on their own."""
    problems: list[Problem] = []
    for i, raw in enumerate(yf.data["entitlements"]):
        for key in ("floor", "national_note"):
            if key in raw:
                problems += _checked_in_future(yf, ("entitlements", i, key), raw[key], today)
    changes = yf.data.get("national_facts", [])
    for i, raw in enumerate(changes):
        problems += _checked_in_future(yf, ("national_facts", i), raw, today)
    return [dict(c) for c in changes], problems
