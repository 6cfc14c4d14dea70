"""What applies to a care leaver: what the council that looked after them gives wherever they
live, what the place they live now gives care leavers from other councils, and the national floor.

A place is a council (its page slug) or a district (`district-<slug>`), as in the planner. Notes
say only what the source says about where an item reaches; "not stated" is said as such.
"""
from __future__ import annotations

from dataclasses import dataclass

from macros.core.addresses import Addresses
from macros.offers.catalogue import AREAS as AREA_ORDER

# What a billing authority decides, said as one topic each when nothing is known of it.
UNKNOWN_TOPICS = [("Help with council tax", {"council-tax-exemption", "council-tax-discount"}),
                  ("Leisure pass", {"leisure-pass"})]


@dataclass
class Place:
    key: str            # lancashire | district-wychavon
    name: str
    official_name: str
    website: str
    district: bool
    council: object     # the council with children's services (for a district, its county)
    code: str
    where: object = None  # the Place in data/ of its name (macros/core/addresses.py)


def places(site) -> Addresses:
    """Councils and districts by key; a key made twice is a problem (in `.problems`), never a swap."""
    out = Addresses()
    for a in sorted(site.authorities.values(), key=lambda a: a.name):
        out.add(a.slug, Place(a.slug, a.name, a.official_name, a.website, False, a, a.code, a.place), a.place)
    for d in sorted(site.districts.values(), key=lambda d: d.name):
        key = d.key
        out.add(key, Place(key, d.name, d.official_name, d.website, True, site.authorities[d.county], d.code, d.place),
                d.place)
    return out


# Where an item's source says it reaches care leavers living outside the council's area.
REACHES_ELSEWHERE = ("own care leavers wherever they live", "own care leavers living elsewhere")


def _billing_stays(site, council, item) -> bool:
    """A help with the bill (council tax, leisure) of a council that sends the bill is help for people
    living in its area: it is not listed as help that travels unless its source says it reaches
    care leavers living elsewhere (accuracy review 2026-12, M1). A county sends no bill: what it
    gives here is its own money for its own care leavers, so it stays in part 1."""
    return (site.entitlements[item.entitlement].set_by == "billing" and council.type != "CTY"
            and item.applies_to not in REACHES_ELSEWHERE)


def travels(site, council) -> list[tuple]:
    """Part 1: [(entitlement, item, note)] from the council's own offer.

    A note is printed only where the item's own "who it is for" line is silent: when the source
    states who is covered, that line is the answer and a "does not say" note would contradict it."""
    offer = site.offers.get(council.code)
    if not offer:
        return []
    rows = []
    for item in offer.items:
        if _billing_stays(site, council, item):
            continue
        ent = site.entitlements[item.entitlement]
        note = None
        if item.applies_to == "own care leavers living here":
            note = f"The source says this is for its care leavers living in {council.name}."
        elif item.applies_to == "own care leavers living elsewhere":
            note = f"The source says this is for its care leavers living outside {council.name}."
        elif ent.set_by == "billing" and item.applies_to == "not stated" and not item.who:
            note = (f"The source does not say if this covers care leavers living outside {council.name}: "
                    f"ask {council.name}.")
        rows.append((ent, item, note))
    return sorted(rows, key=lambda r: (list(AREA_ORDER).index(r[0].area), r[0].name))


def stays(site, council) -> list[str]:
    """The names of the council's bill helps left out of part 1: they are for people living in its area."""
    offer = site.offers.get(council.code)
    names = {site.entitlements[i.entitlement].name for i in (offer.items if offer else [])
             if _billing_stays(site, council, i)}
    return sorted(names)


def _here_note(item, name, county: str | None = None) -> str | None:
    if item.applies_to == "all care leavers living here":
        return "For care leavers from any council who live here."
    if item.applies_to == "own care leavers living here":
        return f"The source says this is only for {name}'s own care leavers living here."
    if item.applies_to == "own care leavers wherever they live":
        return f"For {name}'s own care leavers."
    if item.applies_to == "own care leavers living elsewhere":
        return f"The source says this is only for {name}'s own care leavers living outside {name}."
    if item.applies_to == "county's care leavers living here":
        return f"The source says this is only for care leavers {county or 'the county council'} looked after, living in {name}."
    if item.who:
        return None     # its "who it is for" line says who: that is the answer
    return f"The source does not say if care leavers from other councils get this: ask {name}."


def here(site, place: Place) -> dict:
    """Part 2: what the place gives care leavers who live there, from any council.

    The billing authority (the district, or a council that is not a county) decides council tax
    and leisure; anything marked `all care leavers living here` counts too.
    """
    billing = None if (not place.district and place.council.type == "CTY") else place
    rows, unknown = [], []
    if billing:
        offer = site.offers.get(billing.code)
        billing_items = [i for i in (offer.items if offer else []) if site.entitlements[i.entitlement].set_by == "billing"]
        for item in billing_items:
            rows.append((site.entitlements[item.entitlement], item,
                         _here_note(item, billing.name, place.council.name if place.district else None), billing.name))
        known = {i.entitlement for i in billing_items}
        unknown = [topic for topic, ids in UNKNOWN_TOPICS if not known & ids]
    county_offer = site.offers.get(place.council.code)
    for item in (county_offer.items if county_offer else []):
        if item.applies_to == "all care leavers living here" and not (billing and billing.code == place.council.code
                                                                      and site.entitlements[item.entitlement].set_by == "billing"):
            rows.append((site.entitlements[item.entitlement], item, _here_note(item, place.council.name),
                         place.council.name))
    return {"billing": billing, "rows": rows, "unknown": unknown}


def floor(site) -> list:
    """Part 3: what everyone in England gets, from the catalogue's national floor."""
    return [e for e in site.entitlements.values() if e.floor or e.national_note]
