"""Import: the research's offer facts (+ the seeds' and facts.md's figures) -> data/offers/<slug>.yaml.

Reads every file in FILES (November's offers-facts.csv, December's offers-facts-2026-12.csv), each
with the day it was read. Re-runnable: the output depends only on the files, so importing the same
files again changes nothing. It rewrites data/offers/ whole: edit a fact in the research copy or
here (SEEDS, FACTS_MD), not in the YAML, or the next import undoes the edit.

- One file per council or district with any fact (a row with district_gss_code goes to the district).
- Rows for the same place and entitlement (and, for `other`, the same item) become one item: the
  council's own sources before third parties (a copy or news story never headlines over the
  council's record), then the newest source (undated last), then the latest read; a facts.md
  figure (no page address) comes after every row with one. The others are kept under
  `other_sources`, and where they differ the site says "sources disagree".
- A clause of `conditions` about the project's own files ("facts.md names it but no row reached
  data") is moved beside the row's evidence: a note for maintainers, not shown to readers.
- A row repeated in two files (or twice in one) is kept as it is: nothing is dropped.
- Status is kept exactly as in the research file. The research's words for who it is for are kept
  in `who`; `applies_to` is only set from them where they say it plainly, else "not stated".
- A row whose conditions say it is weak (a party's list, a page from before a council was
  reorganised, a voluntary-sector page, a proposal) gets a `caveat` (ours) that the site shows
  beside the value wherever it shows it.
- A row that cannot be read (unknown council, a number that is not a number) stops the import
  with its file and line; nothing is written.
Run: .venv/bin/python tools/import_offers.py
"""
from __future__ import annotations

import csv
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.documents.document import slug  # noqa: E402
from tools.research_rows import BadRow, read_rows  # noqa: E402

RESEARCH = ROOT / "sources" / "research"
OUT = ROOT / "data" / "offers"
READ = "2026-11-22"
# The research files, each with the day it was gathered (README.md in sources/research).
FILES = [("offers-facts.csv", "2026-11-22"), ("offers-facts-2026-12.csv", "2026-12-04")]
FACTS = "sources/research/facts.md"

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
    # Worcestershire's 2017 housing aims are not here (accuracy review 2026-12, L8): they are aims of a
    # joint housing protocol that a report asked the Corporate Parenting Board to support, not a
    # published local offer, and filed under `other` they showed as "Participation in society". They
    # are data/housing/worcestershire.yaml, shown as aims, with that status, in the accommodation area.
}

# Council figures in facts.md that no research row with a page address repeats (the data audit of
# December 2026, finding C). facts.md names each page but gives no full address, so the source is
# facts.md itself and its title names the page as facts.md does. facts.md calls a figure
# "published" when read on a council or news page: a figure from anyone else's page is held as
# unverified here (never the other way round).
def _facts_md(page: str, status: str, evidence: str) -> dict:
    return {"file": FACTS, "title": f"Leaving Care Atlas research notes (council figures), citing {page}",
            "date": "undated", "read": READ, "status": status, "evidence": evidence}


LANCS_PAGE = "lancashire.gov.uk youthzone local offer, \"former relevant care leavers\""
FACTS_MD = {
    "E10000017": [
        {"entitlement": "setting-up-home-allowance", "value": 2050, "unit": "GBP", "applies_to": "not stated",
         "conditions": "\"up to £2,050\"; a later news report gives £2,250 (private rent) or £2,450 (social rent)",
         "source": _facts_md("lancashire.gov.uk youthzone, \"eligible care leavers\"", "published",
                             "facts.md, Lancashire: setting up home allowance \"up to £2,050\"")},
        {"entitlement": "uc-waiting-payment", "value": 57.9, "unit": "GBP-per-week", "applies_to": "not stated",
         "conditions": "for 5 weeks while waiting for Universal Credit",
         "source": _facts_md(LANCS_PAGE, "published",
                             "facts.md, Lancashire: £57.90 a week for 5 weeks while waiting for Universal Credit")},
        {"entitlement": "birthday-payment", "value": 25, "unit": "GBP", "age_from": 19, "age_to": 21,
         "applies_to": "not stated", "conditions": "£25 at the 19th and 20th birthdays, £50 at the 21st",
         "source": _facts_md(LANCS_PAGE, "published",
                             "facts.md, Lancashire: £25 at the 19th and 20th birthdays, £50 at the 21st")},
        {"entitlement": "interview-clothes", "value": 100, "unit": "GBP", "applies_to": "not stated",
         "conditions": "up to £100",
         "source": _facts_md(LANCS_PAGE, "published", "facts.md, Lancashire: interview clothes up to £100")}],
    "E06000015": [
        {"entitlement": "council-tax-exemption", "value": "yes", "unit": "yes-no", "age_to": 25,
         "applies_to": "own care leavers wherever they live",
         "who": "Derby's care leavers, including those living out of area",
         "conditions": "reported by a regional news site (connecteastmidlands.co.uk, 2018), not the council's own page",
         "source": _facts_md("connecteastmidlands.co.uk (2018)", "unverified",
                             "facts.md, Derby: council tax exemption to 25, including its care leavers living out "
                             "of area")}],
    "E06000017": [
        {"entitlement": "council-tax-discount", "value": "yes", "unit": "yes-no", "age_to": 21,
         "applies_to": "not stated",
         "conditions": "asks other councils for out-of-area exemptions, otherwise pays council tax to 21",
         "source": _facts_md("rutland.gov.uk, \"your finances\"", "published",
                             "facts.md, Rutland: asks other councils for out-of-area exemptions, otherwise pays "
                             "council tax to 21")}],
}

# Figures the research notes quote with a page address that no CSV row holds (issue 18: "figures quoted
# in the notes with a page address are facts like any other"). Salford's: local-offer-pages-notes.md,
# "council motion (sccdemocracy.salford.gov.uk/mgAi.aspx?ID=52482): ... 'free prescriptions until they
# are 25'" (the law review of 2026-12, 1.10, asked for the local prescription rows to be reviewed).
NOTES = "sources/research/local-offer-pages-notes.md"
NOTES_FIGURES = {
    "E08000006": [
        {"entitlement": "free-prescriptions", "value": "yes", "unit": "yes-no", "age_to": 25,
         "applies_to": "not stated", "who": "\"All of our Care leavers\" (Salford's)",
         "conditions": "a notice of motion to Salford City Council, under \"This Council Notes\": "
                       "\"All of our Care leavers have free prescriptions until they are 25\"; "
                       "how they are paid for and the date of the meeting are not in our notes",
         "source": {"url": "https://sccdemocracy.salford.gov.uk/mgAi.aspx?ID=52482",
                    "title": "Notice of Motion: Prioritising our Cared Experienced Children (Salford City Council)",
                    "date": "undated", "read": "2026-12-04", "status": "published",
                    "evidence": f"{NOTES}, Salford: council motion, 'free prescriptions until they are 25'"}}],
}

# A row whose conditions say it is weak: our caveat, shown beside the value wherever it is shown.
WEAK = [
    (r"LGA Labour group|Labour group|political party|manifesto", "from a party's list or report, not the council"),
    (r"legacy \(former|old Cumbria|before .{0,30}reorganis|predecessor|pre-20[0-9][0-9] ", "from a page older "
     "than the council's reorganisation"),
    (r"\(charity\)|voluntary-sector|voluntary sector", "from a voluntary-sector page, not the council"),
    (r"test host|webtest|customertesting", "from a test copy of a council page"),
    (r"proposal stage|PROPOSAL|proposal to|budget proposal|cabinet proposal", "a proposal: not known if agreed"),
    # the law review of 2026-12 (1.10): the local prescription schemes, held against their pages
    (r"NHS \w+ ICB|Black Country ICS", "an NHS scheme (an integrated care board's), not the council's own offer"),
    (r"one-year pilot", "a one-year pilot: not known if it still runs"),
    (r"financial support for medical prescriptions", "the source says \u201cfinancial support for medical "
     "prescriptions\u201d, not that they are free"),
]


def applies_to(words: str) -> str:
    """The research's words -> one of the site's groups, only where the words say it plainly."""
    w = words.lower()
    if not w:
        return "not stated"
    if "from other councils" in w or w.startswith("any ") or "looked after by any" in w \
            or re.match(r"all care leavers (resident|living)", w):
        return "all care leavers living here"
    if "wherever" in w or "within and outside" in w or "including outside" in w or "regardless of" in w:
        return "own care leavers wherever they live"
    if "own care leavers living outside" in w:
        return "own care leavers living elsewhere"
    if w.startswith("own care leavers") and ("only" in w or "in area" in w or "living in" in w
                                             or "resident in" in w or "liable in" in w):
        return "own care leavers living here"
    # a district's item for "<X> County Council care leavers living in <district>" (not a mixed scope
    # such as Waverley's "Surrey County Council care leavers; 100% living in Surrey, 75% outside")
    if re.fullmatch(r"[a-z ]+ county council care leavers (living|liable|resident) in [a-z ]+", w):
        return "county's care leavers living here"
    return "not stated"


OUR_FILES = re.compile(r"facts\.md")


def caveat(conditions: str) -> str | None:
    found = [words for pattern, words in WEAK if re.search(pattern, conditions)]
    return "; ".join(dict.fromkeys(found)) or None


def number(text: str, row: dict | None = None):
    try:
        value = float(text)
    except ValueError:
        raise BadRow(f"{row['where'] if row else ''}: {text!r} is not a number") from None
    return int(value) if value.is_integer() else value


def claim(row: dict) -> dict:
    unit = row["unit"]
    value = row["value"] if unit in ("yes-no", "text") else number(row["value"], row)
    out = {"value": value, "unit": unit}
    for key in ("age_from", "age_to"):
        if row[key]:
            out[key] = number(row[key], row)
    out["applies_to"] = applies_to(row["applies_to"])
    if row["applies_to"]:
        out["who"] = row["applies_to"]
    # A clause about the project's own files ("facts.md names it but no row reached data") is a
    # note for maintainers, not a condition: it is kept, beside the evidence, not shown to readers.
    clauses = [c for c in row["conditions"].split("; ") if c]
    ours = [c for c in clauses if OUR_FILES.search(c)]
    conditions = "; ".join(c for c in clauses if c not in ours)
    if conditions:
        out["conditions"] = conditions
        if caveat(conditions):
            out["caveat"] = caveat(conditions)
    evidence = row["evidence"] + "".join(f" (research note: {c})" for c in ours)
    out["source"] = {"url": row["source_url"], "title": row["source_title"],
                     "date": row["source_date"] or "undated", "read": row["read"], "status": row["status"],
                     "evidence": evidence}
    return out


def headline_first(row: dict):
    """Sort key, highest first: the council's own source, then the newest page, then the latest read."""
    return (row["status"] != "unverified", row["source_date"] or "0000", row["read"])


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


def collect(research: Path = RESEARCH, files=FILES) -> dict[str, list[dict]]:
    """place code -> its items, from the research files, the seeds and facts.md (nothing written)."""
    authorities = {r["gss_code"]: r for r in csv.DictReader(open(research / "authorities.csv", encoding="utf-8"))}
    districts = {r["gss_code"]: r for r in csv.DictReader(open(research / "districts.csv", encoding="utf-8"))}
    groups: dict[str, dict[tuple, list]] = defaultdict(lambda: defaultdict(list))
    for row in read_rows(research, files):
        place = row["district_gss_code"] or row["gss_code"]
        if row["gss_code"] not in authorities or (row["district_gss_code"] and place not in districts):
            raise BadRow(f"{row['where']}: no council or district with code {place}")
        if row["status"] not in ("published", "unverified"):
            raise BadRow(f"{row['where']}: status {row['status']!r}: the research uses published or unverified")
        groups[place][(row["entitlement"], what_of(row))].append((headline_first(row), claim(row)))
    for place, fact in [(p, f) for p, facts in [*FACTS_MD.items(), *NOTES_FIGURES.items()] for f in facts]:
        source = fact["source"]
        # facts.md gives no page address: any row with one headlines over it (issue 18); a notes
        # figure with an address sorts like a row
        key = ((source["status"] != "unverified", "" if source["date"] == "undated" else source["date"],
                source["read"]) if "url" in source else (False, "", ""))
        body = {k: v for k, v in fact.items() if k != "entitlement"}
        groups[place][(fact["entitlement"], None)].append((key, body))
    items_by_place: dict[str, list[dict]] = defaultdict(list)
    for place, by_key in groups.items():
        for (entitlement, what), claims in by_key.items():
            claims.sort(key=lambda pair: pair[0], reverse=True)
            item = {"entitlement": entitlement}
            if what:
                item["what"] = what
            item.update(claims[0][1])
            if claims[1:]:
                item["other_sources"] = [c for _, c in claims[1:]]
            items_by_place[place].append(item)
    for place, items in SEEDS.items():
        items_by_place[place] = items + items_by_place[place]
    return items_by_place


def main(research: Path = RESEARCH, out: Path = OUT, files=FILES) -> int:
    try:
        items_by_place = collect(research, files)
    except BadRow as bad:
        print(f"import stopped, nothing written: {bad}", file=sys.stderr)
        return 1
    authorities = {r["gss_code"]: r for r in csv.DictReader(open(research / "authorities.csv", encoding="utf-8"))}
    districts = {r["gss_code"]: r for r in csv.DictReader(open(research / "districts.csv", encoding="utf-8"))}
    council_slugs = {slug(r["name"]) for r in authorities.values()}
    texts = {}
    for place, items in sorted(items_by_place.items()):
        if place in authorities:
            name, file_slug = authorities[place]["name"], slug(authorities[place]["name"])
        else:
            name = districts[place]["name"]
            file_slug = slug(name) + ("-district" if slug(name) in council_slugs else "")
        lines = [f"# {name}: local offer for care leavers. Imported from {', '.join(f for f, _ in files)}",
                 "# (sources/research/), the seed documents and facts.md by tools/import_offers.py.",
                 "# Re-run the import rather than editing here. Schema: macros/schemas/offers.schema.json",
                 f"council: {place}", "items:"]
        # the seed documents' items first (the project's own documents), then by entitlement
        seeds = [id(i) for i in SEEDS.get(place, [])]
        for item in sorted(items, key=lambda i: (id(i) not in seeds, i["entitlement"])):
            lines += item_lines(item)
        texts[f"{file_slug}.yaml"] = "\n".join(lines) + "\n"
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.yaml"):
        if old.name not in texts:
            old.unlink()
    for name, text in texts.items():
        path = out / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    print(f"{len(texts)} offer files in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
