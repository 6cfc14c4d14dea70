"""Open data files made from the checked data: CSV, JSON and vCards.

Each function returns text; the MkDocs adapter publishes it under /data/.
"""
from __future__ import annotations

from macros.core.safe_out import csv_text, json_text


CREDIT = "Contains data from mySociety's UK local authority names and codes, CC BY 4.0"

# Protocol 10.1: "As a minimum those records will include details of age, race, gender and
# disability as well as the location of the care leaver, the nature of the move (planned or
# unplanned) and the duration of the residence. Authorities should also record cases of dispute."
MONITORING_COLUMNS = [
    "case_reference", "our_role (responsible or receiving)", "other_council", "age", "race", "gender",
    "disability", "location (council or district where living)", "move (planned or unplanned)",
    "residence_from (YYYY-MM-DD)", "duration_of_residence_months", "dispute (yes or no)", "dispute_notes",
]


_csv = csv_text      # every cell neutralised on the way out (macros/core/safe_out.py)


def authorities_csv(site) -> str:
    header = ["gss_code", "dfe_code", "name", "official_name", "type", "region", "region_code",
              "registry_code", "website", "page", "districts", "lead_officer_registered"]
    rows = [[a.code, a.dfe_code, a.name, a.official_name, a.type, a.region, a.region_code, a.registry_code,
             a.website, a.url, len(a.districts), "yes" if a.entry and a.entry.kind == "lead-officer" else "no"]
            for a in sorted(site.authorities.values(), key=lambda a: a.name)]
    return _csv(header, rows)


def districts_csv(site) -> str:
    header = ["gss_code", "name", "official_name", "county_gss_code", "county_name", "website"]
    rows = [[d.code, d.name, d.official_name, d.county, site.authorities[d.county].name, d.website]
            for d in sorted(site.districts.values(), key=lambda d: d.name)]
    return _csv(header, rows)


def line_record(line, today) -> dict:
    src = line.source
    return {
        "kind": line.kind, "kind_label": line.kind_words, "team": line.team,
        "phones": [{"number": p.shown, "tel": p.tel, "label": p.label} for p in line.phones],
        # the page's incomplete number is never published as a phone: only the fact is
        "page_prints_incomplete_number": line.incomplete,
        "email": line.email, "web_page": line.web_page, "hours": line.hours, "ask_for": line.ask_for,
        "status": line.status, "source_date": line.source_date, "read_on": line.read_on.isoformat(),
        "due_for_review": line.due_for_review(today), "check": line.checks(),
        "shared_with": line.shared_with,
        "conflicts_with": [{"source": o.source_text(), "numbers": [p.shown for p in o.phones]} for o in line.conflicts],
        "source": {"title": src.get("title"), "url": src.get("url"), "cites": src.get("cites", []),
                   "file": src.get("file"), "evidence": src["evidence"]},
    }


def directory_records(site) -> list[dict]:
    records = []
    for a in sorted(site.authorities.values(), key=lambda a: a.name):
        e = a.entry
        records.append({
            "gss_code": a.code, "council": a.name, "page": a.url, "website": a.website,
            "lead_officer_registered": bool(e and e.kind == "lead-officer"),
            "role": e.role if e else None,
            "best_line": (e.best_kind if e else None) or "none",
            "run_by": {"name": e.run_by.name, "url": e.run_by.url} if e and e.run_by else None,
            "lines": [line_record(line, site.today) for line in e.lines] if e else [],
        })
    return records


def directory_json(site) -> str:
    return json_text({"credit": CREDIT, "generated": site.today.isoformat(),
                       "councils": directory_records(site)}, ensure_ascii=False, indent=1) + "\n"


DIRECTORY_COLUMNS = [
    "gss_code", "council", "lead_officer_registered", "best_line", "run_by", "run_by_url", "line_kind", "line_label",
    "team", "phones", "page_prints_incomplete_number", "email", "web_page", "hours", "ask_for", "status",
    "source_date", "read_on", "due_for_review", "check", "shared_with", "conflicts_with",
    "source_title", "source_url", "source_cites", "source_file", "source_evidence", "page", "website"]


def directory_csv(site) -> str:
    """One row per line; a council with no line has one row with the line columns empty."""
    def yes(value):
        return "yes" if value else "no"

    rows = []
    for r in directory_records(site):
        council = [r["gss_code"], r["council"], yes(r["lead_officer_registered"]), r["best_line"],
                   (r["run_by"] or {}).get("name") or "", (r["run_by"] or {}).get("url") or ""]
        tail = [r["page"], r["website"]]
        for line in r["lines"] or [None]:
            if line is None:
                rows.append(council + [""] * (len(DIRECTORY_COLUMNS) - len(council) - 2) + tail)
                continue
            src = line["source"]
            rows.append(council + [
                line["kind"], line["kind_label"], line["team"],
                "; ".join(p["number"] + (f" ({p['label']})" if p["label"] else "") for p in line["phones"]),
                yes(line["page_prints_incomplete_number"]), line["email"] or "", line["web_page"] or "",
                line["hours"] or "", line["ask_for"] or "", line["status"], line["source_date"] or "", line["read_on"],
                yes(line["due_for_review"]), "; ".join(line["check"]), "; ".join(line["shared_with"]),
                "; ".join(f"{c['source']}: {', '.join(c['numbers'])}" for c in line["conflicts_with"]),
                src["title"] or "", src["url"] or "", " ".join(src["cites"]), src["file"] or "", src["evidence"],
            ] + tail)
    return _csv(DIRECTORY_COLUMNS, rows)


def _vcard_text(value: str) -> str:
    return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def vcard(authority, site) -> str:
    """Every line's numbers, each labelled with its kind (grouped X-ABLABEL, which phones show)."""
    e = authority.entry
    lines = ["BEGIN:VCARD", "VERSION:3.0",
             f"FN:{_vcard_text(authority.name + ' leaving care: public lines')}",
             "N:;;;;", f"ORG:{_vcard_text(authority.official_name)}"]
    item, notes = 0, []
    for line in e.lines:
        label = f"{line.kind_words} ({line.team})"
        for p in line.phones:
            item += 1
            lines.append(f"item{item}.TEL;TYPE=work,voice:{p.tel}")
            lines.append(f"item{item}.X-ABLABEL:{_vcard_text(label + (' ' + p.label if p.label else ''))}")
        if line.email:
            item += 1
            lines.append(f"item{item}.EMAIL;TYPE=work:{line.email}")
            lines.append(f"item{item}.X-ABLABEL:{_vcard_text(label)}")
        dated = f"source dated {line.source_date}" if line.source_date else f"undated source, read {line.read_on.isoformat()}"
        incomplete = "; the page prints an incomplete number, check the council's website" if line.incomplete else ""
        notes.append(f"{line.kind_words}: {line.team}: {line.status}, {dated}{incomplete}.")
    lines.append(f"URL:{authority.website}")
    lines.append("NOTE:" + _vcard_text(" ".join(notes) + " From Leaving Care Atlas: check before relying on it."))
    lines.append("END:VCARD")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def _fold(line: str, octets: int = 75) -> str:
    """RFC 2426 (and 6350) folding: no line over 75 octets; a continuation starts with one space.
    Never inside a character's UTF-8 bytes."""
    parts, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > (octets if not parts else octets - 1):
            parts.append(current)
            current, size = "", 0
        current += char
        size += width
    return "\r\n ".join(parts + [current])


def monitoring_template() -> str:
    return _csv(MONITORING_COLUMNS, [])
