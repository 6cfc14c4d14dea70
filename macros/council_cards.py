"""One small JSON file per council for pages that show two councils at once.

A tree outcome opened with `from=lancashire&to=worcestershire` fetches just these two files
(a few hundred bytes each), so no page has to carry the whole directory. The lines come in the
order people call them: the leaving care team first, out of hours second, then the rest.
"""
from __future__ import annotations

import json

from .documents import slug


def lines_of(authority) -> list[dict]:
    """The council's public lines as the directory holds them, in calling order."""
    entry = authority.entry
    if entry is None:
        return []
    lines = []
    if entry.phone:
        lines.append({"kind": "team", "label": entry.team or entry.role, "phone": entry.phone.shown,
                      "tel": entry.phone.tel})
    if entry.out_of_hours:
        lines.append({"kind": "out-of-hours", "label": "Out of hours", "phone": entry.out_of_hours.shown,
                      "tel": entry.out_of_hours.tel})
    for label, phone in entry.other_phones:
        lines.append({"kind": "other", "label": label, "phone": phone.shown, "tel": phone.tel})
    return lines


def card(authority, site) -> dict:
    entry = authority.entry
    return {"slug": authority.slug, "name": authority.name, "page": authority.url,
            "website": authority.website,
            "lead_officer": bool(entry and entry.kind == "lead-officer"),
            "status": entry.status if entry else None,
            "as_of": entry.as_of.isoformat() if entry else None,
            "due_for_review": bool(entry and entry.due_for_review(site.today)),
            "lines": lines_of(authority)}


def district_card(district, county) -> dict:
    """A district points to its county, which holds the leaving care duty."""
    return {"slug": f"district-{slug(district.name)}", "name": district.name, "county": county.slug}


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
