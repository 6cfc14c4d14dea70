"""One-off import: sources/research/offers-facts.csv (+ the seeds' facts) -> data/offers/<slug>.yaml.

Kept so the provenance of the offers is visible and the import can be repeated when the research
file is refreshed. After import the YAML is the source of truth: edit it, not this.

- One file per council or district with any fact (a row with district_gss_code goes to the district).
- Rows for the same place and entitlement (and, for `other`, the same item) become one item: the
  newest source first (undated last; published before unverified), the others kept under
  `other_sources`. Where they differ the site shows "sources disagree" (offers-notes.md lists them).
- Status is kept exactly as in the research file. The research's words for who it is for are kept
  in `who`; `applies_to` is only set from them where they say it plainly, else "not stated".
Run: .venv/bin/python tools/import_offers.py
"""
from __future__ import annotations

import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.documents.document import slug  # noqa: E402

RESEARCH = ROOT / "sources" / "research"
OUT = ROOT / "data" / "offers"
READ = "2026-11-22"

# Seed facts: the documents' own words, cited by paragraph or part.
SEEDS = {
    "E10000017": [{
        "entitlement": "council-tax-exemption", "value": "yes", "unit": "yes-no", "age_to": 25,
        "applies_to": "not stated",
        "who": "care leavers whose support is stepped down (the letter is written to them)",
        "conditions": "\"We pay your Council Tax up to the age of 25 (in line with Lancashire's Financial Procedure).\" "
                      "The letter asks them to call 0300 123 6720 if they move or are asked to pay council tax.",
        "source": {"document": "lancashire-guidance", "part": "Appendix 2 – Step Down Letter Template",
                   "title": "Leaving Care Practice Guidance (Version 2), Appendix 2: step down letter template",
                   "date": "undated", "read": READ, "status": "published"}}],
    "E10000034": [
        {"entitlement": "other", "what": f"Housing aim (2017): {aim}", "value": "an aim in 2017; delivery not known",
         "unit": "text", "applies_to": "not stated",
         "conditions": "One of the key aims of the joint social care and housing protocol the Corporate Parenting "
                       "Board was asked to support on 30 November 2017. Whether it was delivered is not known.",
         "source": {"cites": ["worcestershire-report:1"], "title": "Corporate Parenting Board report, 30 November 2017",
                    "date": "2017-11-30", "read": READ, "status": "published"}}
        for aim in ("jointly commissioned training flats",
                    "jointly commissioned emergency temporary accommodation for care leavers over 18 instead of B&B",
                    "a 'Prevention of Eviction' process for care leavers")],
}


def applies_to(words: str) -> str:
    """The research's words -> one of the site's groups, only where the words say it plainly."""
    w = words.lower()
    if not w:
        return "not stated"
    if "from other councils" in w or w.startswith("any "):
        return "all care leavers living here"
    if "wherever" in w or "within and outside" in w or "including outside" in w:
        return "own care leavers wherever they live"
    if "own care leavers living outside" in w:
        return "own care leavers living elsewhere"
    if w.startswith("own care leavers") and ("only" in w or "in area" in w or "living in" in w):
        return "own care leavers living here"
    return "not stated"


def number(text: str):
    value = float(text)
    return int(value) if value.is_integer() else value


def claim(row: dict) -> dict:
    unit = row["unit"]
    value = row["value"] if unit in ("yes-no", "text") else number(row["value"])
    out = {"value": value, "unit": unit}
    for key in ("age_from", "age_to"):
        if row[key]:
            out[key] = number(row[key])
    out["applies_to"] = applies_to(row["applies_to"])
    if row["applies_to"]:
        out["who"] = row["applies_to"]
    if row["conditions"]:
        out["conditions"] = row["conditions"]
    out["source"] = {"url": row["source_url"], "title": row["source_title"],
                     "date": row["source_date"] or "undated", "read": READ, "status": row["status"],
                     "evidence": row["evidence"]}
    return out


def newest_first(row: dict):
    date = row["source_date"] or "0000"
    return (date, row["status"] == "published")


def what_of(row: dict) -> str | None:
    return row["conditions"].split(";")[0].strip() if row["entitlement"] == "other" else None


def emit(key: str, value, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(value, dict):
        lines = [f"{pad}{key}:"]
        for k, v in value.items():
            lines += emit(k, v, indent + 2)
        return lines
    if isinstance(value, list):
        return [f"{pad}{key}: [{', '.join(json.dumps(v) for v in value)}]"]
    return [f"{pad}{key}: {json.dumps(value, ensure_ascii=False)}"]


def item_lines(item: dict) -> list[str]:
    lines = []
    for n, (key, value) in enumerate(item.items()):
        if key == "other_sources":
            lines.append("    other_sources:")
            for other in value:
                for m, (k, v) in enumerate(other.items()):
                    first = emit(k, v, 8)
                    first[0] = "      - " + first[0].lstrip() if m == 0 else first[0]
                    lines += first
            continue
        part = emit(key, value, 4)
        if n == 0:
            part[0] = "  - " + part[0].lstrip()
        lines += part
    return lines


def main() -> None:
    authorities = {r["gss_code"]: r for r in csv.DictReader(open(RESEARCH / "authorities.csv", encoding="utf-8"))}
    districts = {r["gss_code"]: r for r in csv.DictReader(open(RESEARCH / "districts.csv", encoding="utf-8"))}
    council_slugs = {slug(r["name"]) for r in authorities.values()}
    groups: dict[str, dict[tuple, list]] = defaultdict(lambda: defaultdict(list))
    for row in csv.DictReader(open(RESEARCH / "offers-facts.csv", encoding="utf-8")):
        place = row["district_gss_code"] or row["gss_code"]
        groups[place][(row["entitlement"], what_of(row))].append(row)
    items_by_place: dict[str, list[dict]] = defaultdict(list)
    for place, by_key in groups.items():
        for (entitlement, what), rows in by_key.items():
            rows.sort(key=newest_first, reverse=True)
            item = {"entitlement": entitlement}
            if what:
                item["what"] = what
            item.update(claim(rows[0]))
            if rows[1:]:
                item["other_sources"] = [claim(r) for r in rows[1:]]
            items_by_place[place].append(item)
    for place, items in SEEDS.items():
        items_by_place[place] = items + items_by_place[place]
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.yaml"):
        old.unlink()
    for place, items in sorted(items_by_place.items()):
        if place in authorities:
            name, file_slug = authorities[place]["name"], slug(authorities[place]["name"])
        else:
            name = districts[place]["name"]
            file_slug = slug(name) + ("-district" if slug(name) in council_slugs else "")
        lines = [f"# {name}: local offer for care leavers. Imported from sources/research/offers-facts.csv",
                 "# (and the seed documents) by tools/import_offers.py; edit this file from now on.",
                 "# Schema: macros/schemas/offers.schema.json; entitlement ids: data/entitlements.yaml",
                 f"council: {place}", "items:"]
        for item in sorted(items, key=lambda i: i["entitlement"]):
            lines += item_lines(item)
        (OUT / f"{file_slug}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(items_by_place)} offer files in {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
