"""The one place the practice tools read a council's directory entry.

data/lead-officers.yaml and macros/directory.py are being restructured elsewhere: when they
change, only this function needs to follow.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class CouncilLines:
    name: str                 # "Lancashire"
    official_name: str
    website: str
    url: str                  # this site's page for the council
    team: str | None
    lines: list[str]          # "Phone 0300 123 6720: Lancashire County Council's customer access team. …"
    status: str | None        # of the directory entry
    as_of: str | None


def council_lines(site_authorities: dict, slug: str) -> CouncilLines | None:
    authority = next((a for a in site_authorities.values() if a.slug == slug), None)
    if authority is None:
        return None
    entry = authority.entry
    lines, team, status, as_of = [], None, None, None
    if entry:
        team, status, as_of = entry.team, entry.status, entry.as_of.isoformat()
        if entry.phone:
            lines.append(f"Phone {entry.phone.shown}" + (f": {entry.phone_note}" if entry.phone_note else ""))
        lines += [f"{label}: {phone.shown}" for label, phone in entry.other_phones]
        if entry.email:
            lines.append(f"Email {entry.email}")
    return CouncilLines(authority.name, authority.official_name, authority.website, authority.url,
                        team, lines, status, as_of)
