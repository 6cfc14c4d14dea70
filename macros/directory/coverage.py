"""What the site holds for each council: the six headline facts (issue 18), and how fresh its lines are.

One definition, used by /coverage/ (macros/directory/pages.py) and tools/coverage.py, so the page and
the closing notes' counts cannot drift apart:

- any line: a phone or a mailbox (a number printed incomplete does not count);
- out-of-hours line: an emergency duty line, or a line whose hours say it is open 24 hours;
- leaving care team line (usable, as above);
- own local offer page: a page the council itself published (a third party's copy is counted apart);
- setting up home allowance, and council tax relief: an item of the council's own offer, or for a
  county, an item of at least one of its districts (the districts send the bills).

Freshness, over the council's lines: one read in the last 12 months, one whose source is dated.
"""
from __future__ import annotations

from datetime import date

from macros.directory.contact_lines import REVIEW_AFTER_DAYS

HEADLINE = {"any_line": "Any line", "out_of_hours": "Out-of-hours line", "team_line": "Leaving care team line",
            "offer_page": "Own local offer page", "setting_up_home": "Setting up home allowance",
            "council_tax": "Council tax relief"}
FRESHNESS = {"read_recently": "A line read in the last 12 months", "source_dated": "A line whose source is dated"}
TAX = {"council-tax-exemption", "council-tax-discount"}


def usable(line) -> bool:
    return bool(line.phones or line.email)


def out_of_hours(line) -> bool:
    hours = (line.hours or "").lower()
    return line.kind == "emergency-duty-out-of-hours" or "24 hour" in hours or "24/7" in hours


def held(site, code) -> set[str]:
    """The entitlements a council's (or a district's) own offer file holds an item for."""
    offer = site.offers.get(code)
    return {i.entitlement for i in offer.items} if offer else set()


def _lines(authority) -> list:
    return [line for line in (authority.entry.lines if authority.entry else []) if usable(line)]


def headline(site, authority) -> dict[str, bool]:
    """The six headline facts for one council: held (True) or not (False)."""
    lines = _lines(authority)
    own = held(site, authority.code)
    everywhere = own.union(*(held(site, d.code) for d in authority.districts))
    return {"any_line": bool(lines),
            "out_of_hours": any(out_of_hours(x) for x in lines),
            "team_line": any(x.kind == "leaving-care-team" for x in lines),
            "offer_page": any(p.status != "unverified" for p in authority.local_offer_pages or []),
            "setting_up_home": "setting-up-home-allowance" in own,
            "council_tax": bool(everywhere & TAX)}


def freshness(authority, today: date) -> dict[str, bool]:
    lines = authority.entry.lines if authority.entry else []
    return {"read_recently": any((today - x.read_on).days <= REVIEW_AFTER_DAYS for x in lines),
            "source_dated": any(not x.undated for x in lines)}


def third_party_page_only(authority) -> bool:
    pages = authority.local_offer_pages or []
    return bool(pages) and all(p.status == "unverified" for p in pages)


def by_region(site, regions: list[str]) -> tuple[list[dict], dict]:
    """Per region: councils, each headline and freshness count, and the councils holding any offer item."""
    keys = [*HEADLINE, *FRESHNESS, "offers", "third_party_page_only"]
    rows = []
    for region in regions:
        group = [a for a in site.authorities.values() if a.region == region]
        facts = [{**headline(site, a), **freshness(a, site.today), "offers": bool(held(site, a.code)),
                  "third_party_page_only": third_party_page_only(a)} for a in group]
        rows.append({"region": region, "total": len(group), **{k: sum(f[k] for f in facts) for k in keys}})
    totals = {k: sum(r[k] for r in rows) for k in ["total", *keys]}
    return rows, totals
