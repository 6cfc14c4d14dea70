"""The one place the practice tools read a council's directory entry.

data/lead-officers.yaml and macros/directory/model.py are being restructured elsewhere: when they
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
    if entry and entry.lines:
        first = entry.lines[0]          # the leaving care team first, where there is one
        team, status, as_of = first.team, first.status, first.dated_on.isoformat()
        for line in entry.lines:
            for phone in line.phones:
                lines.append(f"{line.kind_words}, {line.team}: {phone.shown}")
            if line.email:
                lines.append(f"{line.kind_words}, {line.team}: {line.email}")
    return CouncilLines(authority.name, authority.official_name, authority.website, authority.url,
                        team, lines, status, as_of)
