"""One small JSON file per council (data/councils/<slug>.json), fetched by the pages that show
a council's lines without carrying the whole directory: the planner (/moving/), the tree
outcomes and the care leavers' page (docs/assets/cards.js). A district's file points to its
county, which holds the leaving care duty. Lines keep the entry's calling order (contact_lines.ordered):
the leaving care team, out of hours (a line open 24 hours counts), front door, switchboard, and a
line for another group last.
"""
from __future__ import annotations


from macros.core.safe_out import json_text
from macros.core.addresses import Addresses
from macros.core.dates import human_date
from macros.careleavers.words import PLAIN
from macros.directory.contact_lines import says


# How far a number can be trusted, said short, for the box at the top of an outcome and the record
# a practitioner copies into case notes (docs/assets/cards.js).
TRUST = {"confirmed": "confirmed by the council", "published": "from the council’s own page or document",
         "unverified": "unverified: check it before relying on it"}


def trust_note(line, today) -> str:
    """Its status, the source's date and whether it is due for review (its hours are in says)."""
    parts = [TRUST[line.status], f"source dated {human_date(line.source_date)}" if line.source_date else "source undated"]
    return "; ".join(parts + (["due for review"] if line.due_for_review(today) else []))


def line_json(line, today) -> dict:
    """One line, as the council's page shows it: only text and checked numbers (the scripts
    insert it as text). An incomplete number has no phone here, only `incomplete`."""
    return {"kind": line.kind, "kind_words": line.kind_words, "team": line.team,
            "phones": [[p.label, p.shown, p.tel] for p in line.phones], "incomplete": line.incomplete,
            "email": line.email, "hours": line.hours, "ask_for": line.ask_for,
            "for_group": line.for_group, "out_of_hours": line.out_of_hours,
            "checks": line.checks(), "shared_with": line.shared_with,
            "conflicts": [[o.source_text(), [p.shown for p in o.phones]] for o in line.conflicts],
            "status": line.status, "status_words": line.status_words,
            "source_date": line.source_date, "read_on": line.read_on.isoformat(),
            "age": line.age_words(today), "due": line.due_for_review(today),
            "source": line.source_text(), "source_url": line.source.get("url"),
            "note": trust_note(line, today),
            # What to show beside each number (contact_lines.says): for practitioners, and in the
            # care leavers' words on their page.
            "says": says(line), "plain": says(line, PLAIN)}


def card(authority, site) -> dict:
    """A council with its entry (kind, role, run_by) and lines; no entry means no lines."""
    out = {"slug": authority.slug, "name": authority.name, "page": authority.url,
           "website": authority.website, "lines": []}
    entry = authority.entry
    if entry:
        out.update(kind=entry.kind, role=entry.role,
                   run_by={"name": entry.run_by.name, "url": entry.run_by.url} if entry.run_by else None,
                   lines=[line_json(line, site.today) for line in entry.distinct_lines])
    return out


def district_card(district, county) -> dict:
    """A district points to its county, which holds the leaving care duty."""
    return {"slug": district.key, "name": district.name, "county": county.slug, "website": district.website}


def card_files(site) -> dict[str, str]:
    files = Addresses()
    for a in site.authorities.values():
        files.add(f"data/councils/{a.slug}.json", _json(card(a, site)), a.place)
    for d in site.districts.values():
        item = district_card(d, site.authorities[d.county])
        files.add(f"data/councils/{item['slug']}.json", _json(item), d.place)
    return files


def _json(value) -> str:
    return json_text(value, ensure_ascii=False, separators=(",", ":"))
