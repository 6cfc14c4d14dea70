"""A council's practice timescales: rules read from data/practice/<council-slug>.yaml.

A rule is a date (an offset from the date of birth, the date looked after from, or the
adviser's allocation date), a visit interval for an age band, or a review interval. The
arithmetic lives in calculator.py; nothing here is specific to one council.
"""
from __future__ import annotations

from dataclasses import dataclass

from macros.core.problems import Problem, field_path
from macros.core.yamlfile import YamlFile
from macros.practice.evidence_check import missing_evidence

ANCHORS = {"birth": "date of birth", "looked-after": "date looked after from",
           "allocation": "adviser's allocation date"}


@dataclass
class Rule:
    id: str
    kind: str                 # date | visits | review
    label: str
    who: str | None
    applies: str | None       # dates: looked-after-before-16 | looked-after-from-16; visits: looked-after |
                              # left-care (a relevant care leaver, 16 or 17); None (always)
    at: dict | None           # {from, years, months, weeks, days}
    checks: str | None        # "allocation": the allocation date is compared with this date
    ages: dict | None         # {from, to}: the age band a visit interval applies in
    every: dict | None        # {weeks} or {months}
    note: str | None          # ours
    cites: list[str]
    evidence: list[str]
    reading: bool

    def as_json(self) -> dict:
        keys = ("id", "kind", "label", "who", "applies", "at", "checks", "ages", "every", "note", "cites")
        return {k: getattr(self, k) for k in keys if getattr(self, k) is not None}


@dataclass
class Timescales:
    council: str              # authority slug
    title: str
    document: str
    about: str
    rules: list[Rule]
    file: str

    def rule(self, rule_id: str) -> Rule:
        return next(r for r in self.rules if r.id == rule_id)


def interval_words(every: dict) -> str:
    unit, n = next(iter(every.items()))
    return f"{n} {unit if n != 1 else unit[:-1]}"


def offset_words(at: dict) -> str:
    """{from: birth, years: 15, months: 6} -> '15 years 6 months after the date of birth'."""
    parts = [f"{at[u]} {u if abs(at[u]) != 1 else u[:-1]}" for u in ("years", "months", "weeks", "days")
             if at.get(u)]
    if not parts:
        return f"on the {ANCHORS[at['from']]}"
    return f"{' '.join(parts)} after the {ANCHORS[at['from']]}".replace(" -1 month after", " less 1 month after")


def build_timescales(yf: YamlFile, documents: dict, authorities: dict) -> tuple[Timescales, list[Problem]]:
    data = yf.data
    problems: list[Problem] = []

    def problem(path, message):
        problems.append(Problem(yf.path, yf.line_of(path), field_path(path), message))

    rules = []
    seen: set[str] = set()
    for i, raw in enumerate(data["rules"]):
        path = ("rules", i)
        if raw["id"] in seen:
            problem(path + ("id",), f"rule id {raw['id']!r} is used twice in this file")
        seen.add(raw["id"])
        evidence = raw.get("evidence", [])
        evidence = [evidence] if isinstance(evidence, str) else evidence
        for message in missing_evidence(evidence, raw["cites"], documents):
            problem(path + ("evidence",), message)
        if raw.get("ages") and raw["ages"]["from"] >= raw["ages"]["to"]:
            problem(path + ("ages",), "the age band must end after it starts")
        for cite in raw["cites"]:
            if not cite.startswith(data["document"] + ":"):
                problem(path + ("cites",), f"{cite!r}: a rule cites the council's own guidance ({data['document']})")
        rules.append(Rule(raw["id"], raw["kind"], raw["label"], raw.get("who"), raw.get("applies"), raw.get("at"),
                          raw.get("checks"), raw.get("ages"), raw.get("every"), raw.get("note"), raw["cites"],
                          evidence, bool(raw.get("reading"))))
    slugs = {a.slug for a in authorities.values()}
    if authorities and data["council"] not in slugs:
        problem(("council",), f"no council {data['council']!r} in data/authorities.yaml (use its slug, e.g. lancashire)")
    if not yf.path.endswith(f"/{data['council']}.yaml"):
        problem(("council",), f"the council {data['council']!r} must match the file name ({data['council']}.yaml)")
    if data["document"] not in documents:
        problem(("document",), f"no document {data['document']!r} in data/documents/")
    # A young person is looked after or has left care on any day: bands may overlap in age only
    # across those two states.
    found = set()
    for state in ("looked-after", "left-care"):
        bands = sorted((r.ages["from"], r.ages["to"], r.id) for r in rules
                       if r.kind == "visits" and r.applies in (None, state))
        for (_f1, t1, id1), (f2, _t2, id2) in zip(bands, bands[1:]):
            if f2 < t1 and (id1, id2) not in found:
                found.add((id1, id2))
                problem(("rules",), f"visit rules {id1!r} and {id2!r} overlap in age")
    return Timescales(data["council"], data["title"], data["document"], data["about"], rules, yf.path), problems
