"""Coverage of the data, counted per council: how many of the 153 have each headline fact.

The six headline facts (issue 18), as macros/directory/coverage.py defines them for /coverage/
(the local offer page published by the council; any page, a third party's too, counted apart).
Plus the share of "what applies to me" cells that are not known, over every ordered pair of different councils,
counted as the data audit of December 2026 did (18 entitlements from the council that looked
after you, 3 billing ones from where you live now; a county's districts weighted equally).
Run: .venv/bin/python tools/coverage.py   (prints JSON)
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.core.site import load_site  # noqa: E402
from macros.directory import coverage  # noqa: E402


def measure(site) -> dict:
    councils = list(site.authorities.values())
    ents = site.entitlements
    responsible = [e.id for e in ents.values() if e.set_by in ("responsible", "any")]
    billing = [e.id for e in ents.values() if e.set_by == "billing"]

    def held(code) -> set:
        return coverage.held(site, code)

    facts = [coverage.headline(site, a) for a in councils]
    counts = {
        "councils": len(councils),
        "any_line": sum(f["any_line"] for f in facts),
        "out_of_hours_line": sum(f["out_of_hours"] for f in facts),
        "leaving_care_team_line": sum(f["team_line"] for f in facts),
        "local_offer_page_published": sum(f["offer_page"] for f in facts),
        "local_offer_page_any": sum(1 for a in councils if a.local_offer_pages),
        "setting_up_home_allowance": sum(f["setting_up_home"] for f in facts),
        "council_tax_relief": sum(f["council_tax"] for f in facts),
        "any_offer_item": sum(1 for a in councils if held(a.code)),
    }
    # "What applies to me": cells not known over every ordered pair of different councils.
    own = {a.code: len(set(responsible) & held(a.code)) for a in councils}

    def billing_known(a) -> float:
        places = a.districts if a.type == "CTY" and a.districts else [a]
        per_place = []
        for p in places:
            h = held(p.code)
            per_place.append(sum(1 for e in billing if e in h))
        return sum(per_place) / len(per_place)

    here = {a.code: billing_known(a) for a in councils}
    cells = len(responsible) + len(billing)
    unknown = total = bare = 0.0
    linked = {a.code: bool(getattr(a, "offer_page", None)) for a in councils}
    for a in councils:
        for b in councils:
            if a is b:
                continue
            mine, theirs = len(responsible) - own[a.code], len(billing) - here[b.code]
            unknown += mine + theirs
            # a cell not known with no local offer page to point to (a district's cell never has one)
            bare += (0 if linked[a.code] else mine) + (0 if linked[b.code] and b.type != "CTY" else theirs)
            total += cells
    counts["mine_cells_not_known_percent"] = round(100 * unknown / total, 1)
    counts["mine_cells_not_known_and_no_offer_link_percent"] = round(100 * bare / total, 1)
    return counts


if __name__ == "__main__":
    print(json.dumps(measure(load_site(ROOT)), indent=2))
