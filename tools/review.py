"""`make review`: what needs checking again, council by council (`tools/review.py councils`).

"Councils": for each council (and each district with an offer file of its own) with anything due,
its contact lines, its own local offer pages and its offer items (file and line), as below.
"Contact lines": every directory line older than 12 months or from an undated source (marked
"due for review" on its council's page too), dated ones oldest first. "Offers": every
local-offer item (and every other source kept beside one) more than 12 months old or undated,
with its file, line and source address. `make review-contacts` / `make review-offers` print one
list: `tools/review.py contacts` or `tools/review.py offers`.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import argparse  # noqa: E402
from datetime import date  # noqa: E402

from macros.offers.display import source_link  # noqa: E402
from macros.offers.model import REVIEW_AFTER_DAYS, period_start  # noqa: E402
from macros.core.problems import DataError  # noqa: E402
from macros.core.site import load_site  # noqa: E402


def due_lines(site, today: date) -> list[tuple]:
    """(council, line) for every line due for review: dated ones oldest first, then undated."""
    found = [(a, line) for a in sorted(site.authorities.values(), key=lambda a: a.name) if a.entry
             for line in a.entry.lines if line.due_for_review(today)]
    return sorted(found, key=lambda pair: (pair[1].undated, pair[1].dated_on, pair[0].name))


def contacts_due(site, today: date | None = None) -> list[str]:
    today = today or site.today
    out = []
    for a, line in due_lines(site, today):
        out.append(_contact(a, line, today))
    return out


def _contact(a, line, today: date) -> str:
    number = ", ".join(p.shown for p in line.phones) or line.email or line.web_page or "incomplete number"
    when = "undated source" if line.undated else f"source dated {line.source_date} ({line.age_words(today)})"
    shared = f" [shared: {line.shared_id}]" if line.shared_id else ""
    return (f"{a.name}: {line.kind}: {line.team}: {number}: {when}, read {line.read_on.isoformat()}; "
            f"{line.status}{shared}")


def contacts_title(site, today: date | None = None) -> str:
    every = sum(len(a.entry.lines) for a in site.authorities.values() if a.entry)
    return f"Contact lines due for review (older than 12 months or undated): {len(contacts_due(site, today))} of {every}"


def offers_due(site) -> list[str]:
    lines = []
    for offer in sorted(site.offers.values(), key=lambda o: o.name):
        lines += [f"{offer.file}:{text}" for text in _offer_lines(offer, site, name=True)]
    return lines


def _offer_lines(offer, site, name: bool = False) -> list[str]:
    """'<line>: <entitlement> (<why>, <status>): <address>' for each due item or other source of one offer."""
    lines = []
    for item in offer.items:
        for claim in [item, *item.others]:
            if claim.source["date"] != "undated" and not _older(claim, site):
                continue
            why = "undated" if claim.source["date"] == "undated" else f"dated {claim.source['date']}"
            href, _title = source_link(claim, site)
            who = f"{offer.name}: " if name else ""
            other = "" if claim is item else ", another source"
            lines.append(f"{item.line}: {who}{item.entitlement} ({why}, {claim.source['status']}{other}): {href}")
    return lines


def _older(claim, site) -> bool:
    start = period_start(claim.source["date"])
    return start is not None and (site.today - start).days > REVIEW_AFTER_DAYS


def page_due(page, today: date) -> bool:
    start = period_start(page.date)
    return start is None or (today - start).days > REVIEW_AFTER_DAYS


def councils_due(site) -> list[str]:
    """What is due, council by council (a district's offer under its own name, with its county's):
    the council's contact lines, its own local offer pages, then each offer item."""
    today = site.today
    lines: dict[str, list[str]] = {}
    for a, line in due_lines(site, today):
        lines.setdefault(a.code, []).append("  contact line: " + _contact(a, line, today).split(": ", 1)[1])
    for a in site.authorities.values():
        for page in a.local_offer_pages or []:
            if page_due(page, today):
                when = "undated" if page.date == "undated" else f"dated {page.date}"
                lines.setdefault(a.code, []).append(f"  local offer page ({when}, read {page.read}, {page.status}): {page.url}")
    for offer in site.offers.values():
        for text in _offer_lines(offer, site):
            lines.setdefault(offer.code, []).append(f"  offer: {offer.file}:{text}")
    out = []
    for code in sorted(lines, key=lambda c: _council_name(site, c)):
        out += [f"{_council_name(site, code)}: {len(lines[code])} due", *lines[code]]
    return out


def _council_name(site, code) -> str:
    if code in site.authorities:
        return site.authorities[code].name
    district = site.districts[code]
    return f"{district.name} (district council in {site.authorities[district.county].name})"


SECTIONS = {
    "councils": (lambda site: f"Due for review by council (older than 12 months, or undated): "
                              f"{sum(1 for x in councils_due(site) if not x.startswith(' '))} councils and districts",
                 councils_due),
    "contacts": (contacts_title, contacts_due),
    "offers": (lambda site: f"Offers due for review (older than 12 months, or undated): {len(offers_due(site))}",
               offers_due),
}


def report(site, sections=("councils",)) -> str:
    out = []
    for name in sections:
        title, find = SECTIONS[name]
        lines = find(site)
        out += [f"## {title(site)}", *(lines or ["(none)"]), ""]
    return "\n".join(out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="What is due for review, section by section.")
    parser.add_argument("sections", nargs="*", metavar="SECTION",
                        help="councils, contacts, offers (default: councils, what `make review` prints)")
    args = parser.parse_args(argv)
    unknown = [name for name in args.sections if name not in SECTIONS]
    if unknown:
        parser.error(f"no section {unknown[0]!r}: choose from {', '.join(SECTIONS)}")
    try:
        site = load_site(ROOT)
    except DataError as err:
        print(err.report(), file=sys.stderr)
        return 1
    print(report(site, args.sections or ("councils",)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
