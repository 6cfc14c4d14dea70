"""One-off import: sources/research/contacts.csv -> the public lines in data/lead-officers.yaml.

Kept so the provenance of every imported line is visible and the import can be repeated when
the research is refreshed. After import, the YAML is the source of truth: edit it, not this.
The hand-written entries above the IMPORTED marker (Lancashire and Worcestershire, from the
seed documents) are kept as they are; everything below the marker is rewritten.

What it does, and why (sources/research/contacts-notes.md):
- one line per CSV row, with the row's own source, status, source date and evidence; read on
  2026-11-22, the day the research was gathered;
- a row printing two numbers ("a / b") gives one line with both numbers;
- a number that fails the UK check is kept only as printed_number: the site never shows it as a
  phone (Hampshire out of hours, Southampton Pathways duty);
- a mobile number stops the import: the directory never holds one;
- a line printed identically (team, number, source page) for several councils is held once under
  shared_lines; a council whose row is weaker (unverified) keeps its own weaker status;
- the conflicts the notes name are kept as two lines marked with the same `conflict`;
- pages from before a council was reorganised, and archived copies, get a `check` (ours);
- children's trusts and companies the notes name become `run_by`, linked only where the
  research gives the trust's own site.
Run: .venv/bin/python tools/import_contacts.py
"""
from __future__ import annotations

import csv
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.directory.contact_lines import is_mobile, parse_phone  # noqa: E402

CSV = ROOT / "sources" / "research" / "contacts.csv"
NOTES = "sources/research/contacts-notes.md"
DATA = ROOT / "data" / "lead-officers.yaml"
MARKER = "  # ---- IMPORTED from sources/research/contacts.csv by tools/import_contacts.py: edit above, or re-run ----"
READ_ON = "2026-11-22"
STRENGTH = {"unverified": 0, "published": 1, "confirmed": 2}

# Conflicts the notes name: (council, number) -> the conflict slug both lines share.
CONFLICTS = {("E06000004", "01642 524552"): "out-of-hours", ("E06000043", "01273 295555"): "out-of-hours",
             ("E06000043", "01273 335905"): "out-of-hours"}
# A number the notes give with no row of its own: Stockton's EDT "on another" council page.
EXTRA_LINES = {
    "E06000004": [{
        "kind": "emergency-duty-out-of-hours", "team": "Emergency Duty Team", "phones": ["08702 402994"],
        "status": "unverified", "conflict": "out-of-hours",
        "source": {"evidence": "The notes say Stockton's EDT appears as 01642 524552 on one council page and "
                               "08702 402994 on another; that other page is not recorded.",
                   "title": "Leaving Care Atlas research notes on contacts (contacts-notes.md)", "file": NOTES},
        "check": "the page this number came from is not recorded",
    }],
}
# Pages from before a council was reorganised, or archived copies: our reason to check.
CHECKS = [
    ("northamptonshire.gov.uk", "the page is on the former Northamptonshire County Council site (before 2021); "
                                "the county is now two councils"),
    ("buckscc.gov.uk", "the page is on the former Buckinghamshire County Council site, from before the council was "
                       "reorganised (before 2020)"),
    ("old-iwight.onthewight.com", "the page is an archived copy of an old council page"),
]
# Children's trusts and companies the notes name. A link only where the research gives the site.
TRUST_EVIDENCE = ("The notes: 'Trusts and companies run the service in many places', naming Birmingham, Sandwell, "
                  "Doncaster, Bradford and Northamptonshire children's trusts; Sunderland (Together for Children); "
                  "Kingston, Richmond and Windsor & Maidenhead (Achieving for Children); Reading (Brighter Futures "
                  "for Children); Slough (Slough Children First).")
TRUSTS = {
    "E08000025": ("Birmingham’s children’s trust", None), "E08000028": ("Sandwell’s children’s trust", None),
    "E08000017": ("Doncaster’s children’s trust", None),
    "E08000032": ("Bradford Children and Families Trust", "https://www.bradfordcft.org.uk/"),
    "E06000061": ("Northamptonshire’s children’s trust", None), "E06000062": ("Northamptonshire’s children’s trust", None),
    "E08000024": ("Together for Children", "https://togetherforchildren.org.uk/"),
    "E09000021": ("Achieving for Children", None), "E09000027": ("Achieving for Children", None),
    "E06000040": ("Achieving for Children", None), "E06000038": ("Brighter Futures for Children", None),
    "E06000039": ("Slough Children First", None),
}


def q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def phones_of(printed: str, where: str) -> tuple[list, str | None]:
    """('01724 296500 / 08081 689667 (freephone)') -> phones; or the incomplete number as printed."""
    if not printed:
        return [], None
    out = []
    for part in printed.split(" / "):
        m = re.match(r"^(.*?)\s*\((.+)\)$", part.strip())
        number, label = (m.group(1), m.group(2)) if m else (part.strip(), None)
        if is_mobile(number):
            sys.exit(f"{where}: {number} is a mobile number: the directory never holds one")
        if parse_phone(number) is None:
            if len(printed.split(" / ")) != 1:
                sys.exit(f"{where}: {number} fails the UK check inside a list of numbers: decide by hand")
            return [], number
        out.append({"number": number, "label": label} if label else number)
    return out, None


def line_of(row: dict, where: str) -> dict:
    phones, printed = phones_of(row["phone"], where)
    line = {"kind": row["line_kind"], "team": row["team"]}
    if phones:
        line["phones"] = phones
    if printed:
        line["printed_number"] = printed
    for key, col in (("email", "email"), ("web_page", "web_page"), ("hours", "opening_hours")):
        if row[col]:
            line[key] = row[col]
    line["status"] = row["status"]
    line["source"] = {"evidence": row["evidence"], "title": row["source_title"], "url": row["source_url"]}
    if row["source_date"]:
        line["source_date"] = row["source_date"]
    for host, why in CHECKS:
        if host in row["source_url"]:
            line["check"] = why
    if (row["gss_code"], row["phone"]) in CONFLICTS:
        line["conflict"] = CONFLICTS[(row["gss_code"], row["phone"])]
    return line


def emit(line: dict, indent: str, first: str = "- ") -> list[str]:
    """A line as YAML, keys in the schema's order."""
    out, lead = [], indent + first
    for key in ("id", "kind", "team", "phones", "printed_number", "email", "web_page", "hours", "status",
                "source", "source_date", "check", "conflict"):
        if key not in line:
            continue
        value = line[key]
        if key == "phones":
            items = [q(p) if isinstance(p, str) else "{number: %s, label: %s}" % (q(p["number"]), q(p["label"]))
                     for p in value]
            out.append(f"{lead}phones: [{', '.join(items)}]")
        elif key == "source":
            out.append(f"{lead}source:")
            for k in ("evidence", "title", "url", "file"):
                if value.get(k):
                    out.append(f"{indent}    {k}: {q(value[k])}")
        else:
            out.append(f"{lead}{key}: {q(value)}")
        lead = indent + " " * len(first)
    out.append(f"{lead}read_on: {q(READ_ON)}")
    return out


def main() -> None:
    rows = list(csv.DictReader(CSV.open(encoding="utf-8")))
    names = {r["gss_code"]: r["council"] for r in rows}
    # Held once: the same team, number and page for more than one council.
    same = defaultdict(list)
    for r in rows:
        same[(r["team"], r["phone"], r["source_url"])].append(r)
    shared, shared_ids = [], {}
    for (team, phone, _url), group in same.items():
        if len({r["gss_code"] for r in group}) < 2:
            continue
        line_id = re.sub(r"[^a-z0-9]+", "-", team.lower()).strip("-")
        strongest = max(group, key=lambda r: STRENGTH[r["status"]])
        line = line_of(strongest, f"{strongest['council']}: {team}")
        evidence = []
        for r in group:
            if r["evidence"] not in evidence:
                evidence.append(r["evidence"])
        line["source"]["evidence"] = "; ".join(evidence)
        shared.append({"id": line_id, **line})
        for r in group:
            shared_ids[id(r)] = (line_id, line["status"])

    by_council = defaultdict(list)
    for r in rows:
        by_council[r["gss_code"]].append(r)
    out = [MARKER]
    for code in sorted(set(by_council) | set(TRUSTS), key=lambda c: names.get(c, c)):
        out += [f"  - authority: {code}        # {names.get(code, '')}".rstrip(), "    kind: public-line"]
        if code in TRUSTS:
            name, url = TRUSTS[code]
            trust_row = next((r for r in by_council.get(code, []) if url and urlsplit(url).hostname.split(".")[-3:]
                              == urlsplit(r["source_url"]).hostname.split(".")[-3:]), None)
            out.append("    run_by:")
            out.append(f"      name: {q(name)}")
            if url:
                out.append(f"      url: {q(url)}")
            out.append("      source:")
            if trust_row:
                out += [f"        evidence: {q(trust_row['evidence'])}", f"        title: {q(trust_row['source_title'])}",
                        f"        url: {q(trust_row['source_url'])}"]
            else:
                out += [f"        evidence: {q(TRUST_EVIDENCE)}",
                        f"        title: {q('Leaving Care Atlas research notes on contacts (contacts-notes.md)')}",
                        f"        file: {NOTES}"]
            out.append(f"      read_on: {q(READ_ON)}")
        lines = by_council.get(code, [])
        out.append("    lines:" + ("" if lines else " []"))
        for r in lines:
            if id(r) in shared_ids:
                line_id, status = shared_ids[id(r)]
                out.append(f"      - shared: {line_id}")
                if STRENGTH[r["status"]] < STRENGTH[status]:
                    out.append(f"        status: {r['status']}")
                    out.append(f"        note: {q(r['evidence'])}")
                continue
            out += emit(line_of(r, f"{r['council']}: {r['team']}"), "      ")
        for extra in EXTRA_LINES.get(code, []):
            out += emit(extra, "      ")
    out.append("")
    out.append("# Lines several councils share, held once (imported; see contacts-notes.md, 'Shared lines').")
    out.append("shared_lines:")
    for line in shared:
        out += emit(line, "  ")

    text = DATA.read_text(encoding="utf-8")
    kept = text.split(MARKER)[0].rstrip("\n").split("\n# Lines several councils share")[0].rstrip("\n")
    DATA.write_text(kept + "\n\n" + "\n".join(out) + "\n", encoding="utf-8")
    print(f"{len(rows)} rows -> {len(by_council)} councils, {len(shared)} shared lines, "
          f"{len(TRUSTS)} run by a trust or company")


if __name__ == "__main__":
    main()
