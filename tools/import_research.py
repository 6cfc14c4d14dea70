"""One-off import: sources/research/*.csv -> data/authorities.yaml and data/districts.yaml.

Kept so the provenance of the council lists is visible and the import can be repeated when the
research files are refreshed. After import, the YAML is the source of truth: edit it, not this.
Website addresses are upgraded from http:// to https:// (every council site serves https).
Run: .venv/bin/python tools/import_research.py
"""
from __future__ import annotations

import csv
import json
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


def q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def https(url: str) -> str:
    return "https://" + url[len("http://"):] if url.startswith("http://") else url


def main() -> None:
    rows = list(csv.DictReader((RESEARCH / "authorities.csv").open(encoding="utf-8")))
    out = [HEADER.format(what="The 153 councils with children's services in England", csv="sources/research/authorities.csv",
                         schema="authorities", notes="Two region labels corrected (Derbyshire and Lincolnshire are East Midlands) and DfE codes added for councils created in 2019 to 2023, as in the research README. Websites upgraded from http to https."),
           "authorities:"]
    for r in sorted(rows, key=lambda r: r["name"]):
        out += [f"  - code: {r['gss_code']}", f"    dfe_code: {q(r['dfe_la_code'])}", f"    name: {q(r['name'])}",
                f"    official_name: {q(r['official_name'])}", f"    type: {r['type']}", f"    region: {q(r['region'])}",
                f"    region_code: {r['region_code']}", f"    registry_code: {r['registry_code']}",
                f"    website: {https(r['homepage_url'])}"]
    (ROOT / "data" / "authorities.yaml").write_text("\n".join(out) + "\n", encoding="utf-8")

    rows = list(csv.DictReader((RESEARCH / "districts.csv").open(encoding="utf-8")))
    out = [HEADER.format(what="The 164 district councils in two-tier areas", csv="sources/research/districts.csv",
                         schema="districts", notes="Each district names its county by GSS code. Websites upgraded from http to https."),
           "districts:"]
    for r in sorted(rows, key=lambda r: r["name"]):
        out += [f"  - code: {r['gss_code']}", f"    name: {q(r['name'])}", f"    official_name: {q(r['official_name'])}",
                f"    county: {r['county_gss_code']}", f"    website: {https(r['homepage_url'])}"]
    (ROOT / "data" / "districts.yaml").write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
