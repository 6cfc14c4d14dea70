"""The entitlement catalogue (data/entitlements.yaml): one stable id per kind of help."""
from __future__ import annotations

from dataclasses import dataclass

from macros.core.addresses import Place, place_of

from macros.core.problems import Problem, field_path
from macros.core.yamlfile import YamlFile

# The areas of the Children and Social Work Act 2017 s2(2), in the Act's order; (g) was added
# by the Children's Wellbeing and Schools Act 2026 s8.
AREAS = {"health-and-wellbeing": "Health and well-being", "relationships": "Relationships",
         "education-and-training": "Education and training", "employment": "Employment",
         "accommodation": "Accommodation", "participation-in-society": "Participation in society",
         "financial-literacy": "Financial literacy"}
# Pages that sit beside /local-offers/<entitlement id>/, so no entitlement may take their names.
RESERVED = ("mine", "compare", "send-a-correction")
UNIT_WORDS = {"GBP": "an amount in pounds", "GBP-per-week": "pounds a week", "percent": "a percentage",
              "age": "an age", "yes-no": "yes or no", "text": "text"}


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
