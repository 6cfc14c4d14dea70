"""Coverage of the data, counted per council: how many of the 153 have each headline fact.

The six headline facts (issue 18): any usable line (a phone or a mailbox; a number printed
incomplete does not count), an out-of-hours line (an emergency duty line, or a line its hours
say is open 24 hours), a leaving care team line, the council's own local offer page (published;
unverified only counted apart), the setting up home allowance, and council tax relief (the
council's own item, or for a county an item of at least one of its districts). Plus the share of
"what applies to me" cells that are not known, over every ordered pair of different councils,
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

TAX = {"council-tax-exemption", "council-tax-discount"}


def usable(line) -> bool:
    return bool(line.phones or line.email)


def out_of_hours(line) -> bool:
    hours = (line.hours or "").lower()
    return line.kind == "emergency-duty-out-of-hours" or "24 hour" in hours or "24/7" in hours


def measure(site) -> dict:
    councils = list(site.authorities.values())
    ents = site.entitlements
    responsible = [e.id for e in ents.values() if e.set_by in ("responsible", "any")]
    billing = [e.id for e in ents.values() if e.set_by == "billing"]

    def held(code) -> set:
        offer = site.offers.get(code)
        return {i.entitlement for i in offer.items} if offer else set()

    def lines(a):
        return [line for line in (a.entry.lines if a.entry else []) if usable(line)]

    def tax_known(a) -> bool:
        if held(a.code) & TAX:
            return True
        return any(held(d.code) & TAX for d in a.districts)

    pages = {a.code: getattr(a, "local_offer_pages", None) for a in councils}
    counts = {
        "councils": len(councils),
        "any_line": sum(1 for a in councils if lines(a)),
        "out_of_hours_line": sum(1 for a in councils if any(out_of_hours(x) for x in lines(a))),
        "leaving_care_team_line": sum(1 for a in councils if any(x.kind == "leaving-care-team" for x in lines(a))),
        "local_offer_page_published": sum(1 for p in pages.values() if p and any(x.status != "unverified" for x in p)),
        "local_offer_page_any": sum(1 for p in pages.values() if p),
        "setting_up_home_allowance": sum(1 for a in councils if "setting-up-home-allowance" in held(a.code)),
        "council_tax_relief": sum(1 for a in councils if tax_known(a)),
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
