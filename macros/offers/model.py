"""Each council's or district's local offer (data/offers/<slug>.yaml), checked against the catalogue.

An item is one entitlement for one group of people, with its value and where it comes from. Where
sources disagree the file keeps them all: the newest as the item, the rest as `other_sources`,
and the item is shown as "sources disagree". Nothing is dropped and nothing is guessed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePosixPath

from macros.documents.document import slug
from macros.core.problems import Problem, field_path
from macros.core.yamlfile import YamlFile

REVIEW_AFTER_DAYS = 365
APPLIES_TO = ("own care leavers wherever they live", "all care leavers living here",
              "own care leavers living here", "own care leavers living elsewhere",
              "county's care leavers living here", "not stated")
# A district looks after no children: what it gives "its own" care leavers is the county's care leavers
# living in the district (Hart's, Test Valley's, Guildford's, East Devon's council tax; data audit, finding B).
COUNTYS = "county's care leavers living here"
NUMERIC = {"GBP", "GBP-per-week", "percent", "age"}


def period_start(value: str) -> date | None:
    """'2024' -> 2024-01-01, '2024-03' -> 2024-03-01; None for 'undated' or a date that is not real."""
    if value == "undated":
        return None
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        return date(parts[0], parts[1], parts[2])
    except ValueError:
        return None


@dataclass
class Claim:
    value: object
    unit: str
    age_from: float | None
    age_to: float | None
    applies_to: str
    who: str | None
    conditions: str | None
    source: dict
    caveat: str | None = None   # why the source is weak (ours): shown beside the value

    @property
    def date(self) -> str:
        return self.source["date"]

    @property
    def read(self) -> str:
        return self.source["read"]

    def same_fact(self, other: "Claim") -> bool:
        return (self.value, self.unit, self.age_from, self.age_to) == (other.value, other.unit, other.age_from,
                                                                      other.age_to)


@dataclass
class Item(Claim):
    entitlement: str = ""
    what: str | None = None
    others: list[Claim] = field(default_factory=list)
    line: int = 0
    place: str = ""          # GSS code of the council or district whose offer holds it

    @property
    def disagree(self) -> bool:
        """Another source gives a different value, unit or ages: shown as "sources disagree"."""
        return any(not self.same_fact(o) for o in self.others)

    def due_for_review(self, today: date) -> bool:
        start = period_start(self.date)
        return start is not None and (today - start).days > REVIEW_AFTER_DAYS

    @property
    def undated(self) -> bool:
        return self.date == "undated"


@dataclass
class Offer:
    code: str            # GSS code of the council or district
    name: str
    slug: str
    district: bool
    county: str | None   # for a district, its county's code
    website: str
    file: str
    items: list[Item]


def offer_slug(code: str, authorities: dict, districts: dict) -> str | None:
    """A council's page slug; a district's name as a slug (prefixed if a council has that name)."""
    if code in authorities:
        return authorities[code].slug
    if code in districts:
        name = slug(districts[code].name)
        return f"{name}-district" if any(a.slug == name for a in authorities.values()) else name
    return None


def _value_problem(entitlement, what, value, unit) -> str | None:
    if unit not in entitlement.kinds:
        from macros.offers.catalogue import UNIT_WORDS
        wanted = ", ".join(f"{k} ({UNIT_WORDS[k]})" for k in entitlement.kinds)
        return f"value of the wrong kind: {what} takes {wanted}, not {unit}"
    if unit in NUMERIC and (isinstance(value, bool) or not isinstance(value, (int, float))):
        return f"{value!r} is text: {unit} needs a number (write 3000, not £3,000 or words)"
    if unit == "percent" and not 0 < value <= 100:
        return f"{value} is not a percentage between 0 and 100"
    if unit == "yes-no" and value not in ("yes", "no"):
        return f"{value!r}: a yes-no value is \"yes\" or \"no\""
    if unit == "text" and not isinstance(value, str):
        return f"{value!r}: a text value is written in quotes"
    return None


def build_offer(yf: YamlFile, entitlements: dict, authorities: dict, districts: dict, documents: dict,
                today: date) -> tuple[Offer | None, list[Problem]]:
    problems: list[Problem] = []

    def problem(path, message):
        problems.append(Problem(yf.path, yf.line_of(path), field_path(path), message))

    code = yf.data["council"]
    if code not in authorities and code not in districts:
        problem(("council",), f"no council or district with code {code} in data/authorities.yaml or "
                              "data/districts.yaml")
        return None, problems
    is_district = code in districts
    place = districts[code] if is_district else authorities[code]
    wanted_slug = offer_slug(code, authorities, districts)
    if PurePosixPath(yf.path).stem != wanted_slug:
        problem(("council",), f"{place.name}'s offer belongs in data/offers/{wanted_slug}.yaml")

    def check_claim(raw, path, entitlement, label):
        found = _value_problem(entitlement, label, raw["value"], raw["unit"])
        if found:
            problem(path + ("unit" if raw["unit"] not in entitlement.kinds else "value",), found)
        if raw.get("age_from") is not None and raw.get("age_to") is not None and raw["age_from"] > raw["age_to"]:
            problem(path + ("age_from",), f"age_from {raw['age_from']} is after age_to {raw['age_to']}")
        src, spath = raw["source"], path + ("source",)
        if not any(k in src for k in ("url", "cites", "document", "file")):
            problem(spath, "a source needs url, cites, or document with part (or file: a research file)")
        if "document" in src:
            doc = documents.get(src["document"])
            if doc is None:
                problem(spath + ("document",), f"no document {src['document']!r} in data/documents/")
            elif "part" not in src:
                problem(spath + ("document",), "name the part of the document (part: its title) or cite "
                                               "a numbered paragraph (cites)")
            elif not any(s.title == src["part"] for s in doc.all_sections()):
                problem(spath + ("part",), f"{doc.short_title} has no part titled {src['part']!r}")
        for key in ("date", "read"):
            if key not in src:
                continue
            start = period_start(src[key])
            if src[key] != "undated" and start is None:
                problem(spath + (key,), f"{src[key]!r} is not a real date (YYYY, YYYY-MM or YYYY-MM-DD)")
            elif start is not None and start > today:
                problem(spath + (key,), f"{src[key]} is in the future: give the date the page states")
        if "read" in src and src["date"] != "undated" and period_start(src["date"]) and period_start(src["read"]) \
                and period_start(src["date"]) > period_start(src["read"]):
            problem(spath + ("date",), f"the page's date {src['date']} is after the date it was read {src['read']}")

    def claim(raw) -> Claim:
        return Claim(raw["value"], raw["unit"], raw.get("age_from"), raw.get("age_to"), raw["applies_to"],
                     raw.get("who"), raw.get("conditions"), raw["source"], raw.get("caveat"))

    items, seen = [], {}
    for i, raw in enumerate(yf.data["items"]):
        path = ("items", i)
        entitlement = entitlements.get(raw["entitlement"])
        if entitlement is None:
            problem(path + ("entitlement",), f"unknown entitlement {raw['entitlement']!r}: the ids are in "
                                             "data/entitlements.yaml")
            continue
        if entitlement.set_by == "national":
            problem(path + ("entitlement",), f"{entitlement.id} is set nationally, not by a council")
            continue
        if is_district and entitlement.set_by not in ("billing", "any"):
            problem(path + ("entitlement",), f"district councils do not provide {entitlement.id}: a district "
                                             "file holds only what the billing authority decides (council tax, "
                                             "leisure) or the council's own policies; the county provides the rest")
            continue
        if entitlement.id == "other" and "what" not in raw:
            problem(path + ("what",), "missing: say what this item is")
        elif entitlement.id != "other" and "what" in raw:
            problem(path + ("what",), "only an item of entitlement other has a what")
        check_claim(raw, path, entitlement, entitlement.id)
        for j, other in enumerate(raw.get("other_sources", [])):
            check_claim(other, path + ("other_sources", j), entitlement, entitlement.id)
        for where, held in [(path, raw), *((path + ("other_sources", j), o)
                                           for j, o in enumerate(raw.get("other_sources", [])))]:
            if held["applies_to"] == COUNTYS and not is_district:
                problem(where + ("applies_to",), f"{COUNTYS!r} is for a district council's items (the county's "
                                                 "care leavers living in the district): a council's own are "
                                                 "'own care leavers living here'")
        key = (entitlement.id, raw["applies_to"], raw.get("what"))
        line = yf.line_of(path + ("entitlement",))
        if key in seen:
            problem(path + ("entitlement",), f"two items for {entitlement.id} and {raw['applies_to']!r} (first "
                                             f"at line {seen[key]}): make one item and put the other source "
                                             "under other_sources")
            continue
        seen[key] = line
        base = claim(raw)
        items.append(Item(**vars(base), entitlement=entitlement.id, what=raw.get("what"),
                          others=[claim(o) for o in raw.get("other_sources", [])], line=line, place=code))
    county = place.county if is_district else None
    return Offer(code, place.name, wanted_slug, is_district, county, place.website, yf.path, items), problems


def build_offers(files: list[YamlFile], entitlements: dict, authorities: dict, districts: dict, documents: dict,
                 today: date) -> tuple[dict[str, Offer], list[Problem]]:
    out, problems = {}, []
    for yf in files:
        offer, found = build_offer(yf, entitlements, authorities, districts, documents, today)
        problems += found
        if offer is None:
            continue
        if offer.code in out:
            problems.append(Problem(yf.path, yf.line_of(("council",)), "council",
                                    f"{offer.name} already has an offer in {out[offer.code].file}"))
            continue
        out[offer.code] = offer
    return out, problems
