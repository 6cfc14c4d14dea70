"""Open data files made from the checked data: CSV, JSON and vCards.

Each function returns text; the MkDocs adapter publishes it under /data/.
"""
from __future__ import annotations

import csv
import io
import json

CREDIT = "Contains data from mySociety's UK local authority names and codes, CC BY 4.0"

# Protocol 10.1: "As a minimum those records will include details of age, race, gender and
# disability as well as the location of the care leaver, the nature of the move (planned or
# unplanned) and the duration of the residence. Authorities should also record cases of dispute."
MONITORING_COLUMNS = [
    "case_reference", "our_role (responsible or receiving)", "other_council", "age", "race", "gender",
    "disability", "location (council or district where living)", "move (planned or unplanned)",
    "residence_from (YYYY-MM-DD)", "duration_of_residence_months", "dispute (yes or no)", "dispute_notes",
]


def _csv(header: list[str], rows: list[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def authorities_csv(site) -> str:
    header = ["gss_code", "dfe_code", "name", "official_name", "type", "region", "region_code",
              "registry_code", "website", "page", "districts", "lead_officer_registered"]
    rows = [[a.code, a.dfe_code, a.name, a.official_name, a.type, a.region, a.region_code, a.registry_code,
             a.website, a.url, len(a.districts), "yes" if a.entry else "no"]
            for a in sorted(site.authorities.values(), key=lambda a: a.name)]
    return _csv(header, rows)


def districts_csv(site) -> str:
    header = ["gss_code", "name", "official_name", "county_gss_code", "county_name", "website"]
    rows = [[d.code, d.name, d.official_name, d.county, site.authorities[d.county].name, d.website]
            for d in sorted(site.districts.values(), key=lambda d: d.name)]
    return _csv(header, rows)


def directory_records(site) -> list[dict]:
    records = []
    for a in sorted(site.authorities.values(), key=lambda a: a.name):
        e = a.entry
        records.append({
            "gss_code": a.code, "council": a.name, "page": a.url, "website": a.website,
            "registered": e is not None,
            "role": e.role if e else None, "team": e.team if e else None,
            "phone": e.phone.shown if e and e.phone else None,
            "out_of_hours": e.out_of_hours.shown if e and e.out_of_hours else None,
            "other_phones": [{"label": label, "number": p.shown} for label, p in e.other_phones] if e else [],
            "email": e.email if e else None, "address": e.address if e else [],
            "web_page": e.web_page if e else None, "status": e.status if e else None,
            "as_of": e.as_of.isoformat() if e else None,
            "due_for_review": e.due_for_review(site.today) if e else None,
            "sources": [s["what"] for s in e.sources] if e else [],
        })
    return records


def directory_json(site) -> str:
    return json.dumps({"credit": CREDIT, "generated": site.today.isoformat(),
                       "councils": directory_records(site)}, ensure_ascii=False, indent=1) + "\n"


def directory_csv(site) -> str:
    header = ["gss_code", "council", "registered", "role", "team", "phone", "out_of_hours", "other_phones",
              "email", "address", "web_page", "status", "as_of", "due_for_review", "sources", "page", "website"]
    rows = []
    for r in directory_records(site):
        rows.append([r["gss_code"], r["council"], "yes" if r["registered"] else "no", r["role"] or "",
                     r["team"] or "", r["phone"] or "", r["out_of_hours"] or "",
                     "; ".join(f"{p['label']}: {p['number']}" for p in r["other_phones"]), r["email"] or "",
                     ", ".join(r["address"]), r["web_page"] or "", r["status"] or "", r["as_of"] or "",
                     "" if r["due_for_review"] is None else ("yes" if r["due_for_review"] else "no"),
                     "; ".join(r["sources"]), r["page"], r["website"]])
    return _csv(header, rows)


def _vcard_text(value: str) -> str:
    return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def vcard(authority, site) -> str:
    e = authority.entry
    lines = ["BEGIN:VCARD", "VERSION:3.0",
             f"FN:{_vcard_text(authority.name + ' leaving care: ' + e.role)}",
             f"ORG:{_vcard_text(authority.official_name)}" + (f";{_vcard_text(e.team)}" if e.team else ""),
             f"TITLE:{_vcard_text(e.role)}"]
    if e.phone:
        lines.append(f"TEL;TYPE=WORK,VOICE:{e.phone.tel}")
    if e.out_of_hours:
        lines.append(f"TEL;TYPE=WORK,VOICE,X-OUT-OF-HOURS:{e.out_of_hours.tel}")
    for _label, p in e.other_phones:
        lines.append(f"TEL;TYPE=WORK:{p.tel}")
    if e.email:
        lines.append(f"EMAIL;TYPE=WORK:{e.email}")
    if e.address:
        lines.append("ADR;TYPE=WORK:;;" + _vcard_text(", ".join(e.address)) + ";;;;")
    lines.append(f"URL:{e.web_page or authority.website}")
    lines.append("NOTE:" + _vcard_text(f"Status: {e.status}. True as of {e.as_of.isoformat()}. "
                                       f"From Leaving Care Atlas: check before relying on it."))
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


def monitoring_template() -> str:
    return _csv(MONITORING_COLUMNS, [])
