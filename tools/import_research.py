"""Import: sources/research/*.csv -> data/authorities.yaml and data/districts.yaml.

Re-runnable: importing the same files again changes nothing. Website addresses are upgraded from
http:// to https:// (every council site serves https).

Each council's own local offer page (local-offer-pages.csv, gathered 2026-12-04) becomes
`local_offer_pages` in its entry: address, title, status, the date the page states, the day it
was read, the research's evidence, and a `caveat` (ours) where the evidence says the page is
older, from a predecessor council, or doubtful as the offer itself. Published pages come before
unverified ones and sound ones before doubtful ones; the research's order is kept otherwise.
A council the research searched without finding a page gets `local_offer_pages: []`: the site
says plainly that none was found, and where to look.
Run: .venv/bin/python tools/import_research.py
"""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESEARCH = ROOT / "sources" / "research"

HEADER = """\
# {what}, imported from {csv} by tools/import_research.py.
# Contains data from mySociety's UK local authority names and codes, CC BY 4.0.
# Websites from GOV.UK's local links register (alphagov/local-links-manager, MIT licence).
# Schema: macros/schemas/{schema}.schema.json
source:
  title: "mySociety UK local authority names and codes; GOV.UK local links register"
  url: https://github.com/mysociety/uk_local_authority_names_and_codes
  licence: "CC BY 4.0 (names and codes); MIT (websites)"
  credit: "Contains data from mySociety's UK local authority names and codes, CC BY 4.0"
  file: {csv}
  retrieved: "2026-11-22"
  status: published
  notes: "{notes}"
"""


PAGES = "local-offer-pages.csv"
PAGES_READ = "2026-12-04"
# What the research's evidence says about a page -> our caveat, shown beside the link.
PAGE_DOUBTS = [
    (r"predecessor|pre-20[0-9][0-9] reorganisation|former county council domain",
     "a page of the council's predecessor, from before it was reorganised"),
    (r"\bOLD(ER)?\b|\bolder (page|version|section|location)", "an older page: a newer one may exist"),
    (r"DOUBTFUL|doubtful", "the research doubts this is the offer itself"),
    (r"FALLBACK|careleaveroffer\.co\.uk", "a third party's summary, not the council's page"),
]


def page_caveat(evidence: str) -> str | None:
    found = [words for pattern, words in PAGE_DOUBTS if re.search(pattern, evidence)]
    if found and found[0].startswith("a page of the council's predecessor"):
        found = [w for w in found if not w.startswith("an older page")]
    return "; ".join(found) or None


def local_offer_pages(research: Path) -> dict[str, list[dict]]:
    """GSS code -> its pages, best first (the research's own order where equal)."""
    out: dict[str, list[dict]] = {}
    with open(research / PAGES, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        for row in reader:
            where = f"sources/research/{PAGES}:{reader.line_num}"
            if row["status"] not in ("published", "unverified"):
                raise SystemExit(f"{where}: status {row['status']!r}: the research uses published or unverified")
            if not row["url"].startswith(("https://", "http://")):
                raise SystemExit(f"{where}: url {row['url']!r} is not a web address")
            page = {"url": row["url"], "title": row["title"], "status": row["status"],
                    "date": row["source_date"] or "undated", "read": PAGES_READ, "evidence": row["evidence"]}
            caveat = page_caveat(row["evidence"])
            if caveat:
                page["caveat"] = caveat
            out.setdefault(row["gss_code"], []).append(page)
    for pages in out.values():
        pages.sort(key=lambda p: (p["status"] == "unverified", "caveat" in p))
    return out


def q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def https(url: str) -> str:
    return "https://" + url[len("http://"):] if url.startswith("http://") else url


def main(research: Path = RESEARCH, data: Path = ROOT / "data") -> None:
    rows = list(csv.DictReader((research / "authorities.csv").open(encoding="utf-8")))
    pages = local_offer_pages(research)
    unknown = sorted(set(pages) - {r["gss_code"] for r in rows})
    if unknown:
        raise SystemExit(f"sources/research/{PAGES}: no council with code {', '.join(unknown)}")
    out = [HEADER.format(what="The 153 councils with children's services in England, with each council's own local "
                              "offer pages (sources/research/local-offer-pages.csv)", csv="sources/research/authorities.csv",
                         schema="authorities", notes="Two region labels corrected (Derbyshire and Lincolnshire are East Midlands) and DfE codes added for councils created in 2019 to 2023, as in the research README. Websites upgraded from http to https."),
           "authorities:"]
    for r in sorted(rows, key=lambda r: r["name"]):
        out += [f"  - code: {r['gss_code']}", f"    dfe_code: {q(r['dfe_la_code'])}", f"    name: {q(r['name'])}",
                f"    official_name: {q(r['official_name'])}", f"    type: {r['type']}", f"    region: {q(r['region'])}",
                f"    region_code: {r['region_code']}", f"    registry_code: {r['registry_code']}",
                f"    website: {https(r['homepage_url'])}"]
        mine = pages.get(r["gss_code"], [])
        out.append("    local_offer_pages:" + ("" if mine else f"   []   # none found by the research of {PAGES_READ}"))
        for page in mine:
            out += [f"      - {k}: {q(v)}" if n == 0 else f"        {k}: {q(v)}" for n, (k, v) in enumerate(page.items())]
    write(data / "authorities.yaml", "\n".join(out) + "\n")

    rows = list(csv.DictReader((research / "districts.csv").open(encoding="utf-8")))
    out = [HEADER.format(what="The 164 district councils in two-tier areas", csv="sources/research/districts.csv",
                         schema="districts", notes="Each district names its county by GSS code. Websites upgraded from http to https."),
           "districts:"]
    for r in sorted(rows, key=lambda r: r["name"]):
        out += [f"  - code: {r['gss_code']}", f"    name: {q(r['name'])}", f"    official_name: {q(r['official_name'])}",
                f"    county: {r['county_gss_code']}", f"    website: {https(r['homepage_url'])}"]
    write(data / "districts.yaml", "\n".join(out) + "\n")


def write(path: Path, text: str) -> None:
    """Write only what changed: a re-run with the same files leaves every file as it was."""
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
