"""One small JSON file per council for pages that show two councils at once.

A tree outcome opened with `from=lancashire&to=worcestershire` fetches just these two files
(a few hundred bytes each), so no page has to carry the whole directory. The lines come in the
order people call them: the leaving care team first, out of hours second, then the rest.
"""
from __future__ import annotations

import json



def lines_of(authority) -> list[dict]:
    """The council's public lines with a usable number, in calling order (team, out of hours, …)."""
    entry = authority.entry
    if entry is None:
        return []
    # team and ask_for let the care leavers' page word a line its own way (macros/careleavers/words.py).
    return [{"kind": line.kind, "label": line.kind_words if line.kind != "leaving-care-team" else line.team,
             "team": line.team, "phone": phone.shown, "tel": phone.tel, "status": line.status,
             **({"ask_for": line.ask_for} if line.ask_for else {})}
            for line in entry.lines for phone in line.phones]


def card(authority, site) -> dict:
    entry = authority.entry
    return {"slug": authority.slug, "name": authority.name, "page": authority.url,
            "website": authority.website,
            "lead_officer": bool(entry and entry.kind == "lead-officer"),
            "due_for_review": bool(entry and entry.due_lines(site.today)),
            "lines": lines_of(authority)}


def district_card(district, county) -> dict:
    """A district points to its county, which holds the leaving care duty."""
    return {"slug": district.key, "name": district.name, "county": county.slug, "website": district.website}


def card_files(site) -> dict[str, str]:
    files = {}
    for a in site.authorities.values():
        files[f"data/councils/{a.slug}.json"] = _json(card(a, site))
    for d in site.districts.values():
        item = district_card(d, site.authorities[d.county])
        files[f"data/councils/{item['slug']}.json"] = _json(item)
    return files


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
