"""`make review`: what needs checking again, section by section.

"Contact lines": every directory line older than 12 months or from an undated source (marked
"due for review" on its council's page too), dated ones oldest first. "Offers": every
local-offer item (and every other source kept beside one) more than 12 months old or undated,
with its file, line and source address. `make review-contacts` / `make review-offers` print one
section: `tools/review.py contacts` or `tools/review.py offers`.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import argparse  # noqa: E402
from datetime import date  # noqa: E402

from macros.offers.display import source_link  # noqa: E402
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
        number = ", ".join(p.shown for p in line.phones) or line.email or line.web_page or "incomplete number"
        when = "undated source" if line.undated else f"source dated {line.source_date} ({line.age_words(today)})"
        shared = f" [shared: {line.shared_id}]" if line.shared_id else ""
        out.append(f"{a.name}: {line.kind}: {line.team}: {number}: {when}, read {line.read_on.isoformat()}; "
                   f"{line.status}{shared}")
    return out


def contacts_title(site, today: date | None = None) -> str:
    every = sum(len(a.entry.lines) for a in site.authorities.values() if a.entry)
    return f"Contact lines due for review (older than 12 months or undated): {len(contacts_due(site, today))} of {every}"


def offers_due(site) -> list[str]:
    lines = []
    for offer in sorted(site.offers.values(), key=lambda o: o.name):
        for item in offer.items:
            for claim in [item, *item.others]:
                if claim.source["date"] != "undated" and not _older(claim, site):
                    continue
                why = "undated" if claim.source["date"] == "undated" else f"dated {claim.source['date']}"
                href, _title = source_link(claim, site)
                lines.append(f"{offer.file}:{item.line}: {offer.name}: {item.entitlement} ({why}, "
                             f"{claim.source['status']}): {href}")
    return lines


def _older(claim, site) -> bool:
    from macros.offers.model import REVIEW_AFTER_DAYS, period_start
    start = period_start(claim.source["date"])
    return start is not None and (site.today - start).days > REVIEW_AFTER_DAYS


SECTIONS = {
    "contacts": (contacts_title, contacts_due),
    "offers": (lambda site: f"Offers due for review (older than 12 months, or undated): {len(offers_due(site))}",
               offers_due),
}


def report(site, sections=tuple(SECTIONS)) -> str:
    out = []
    for name in sections:
        title, find = SECTIONS[name]
        lines = find(site)
        out += [f"## {title(site)}", *(lines or ["(none)"]), ""]
    return "\n".join(out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="What is due for review, section by section.")
    parser.add_argument("sections", nargs="*", metavar="SECTION", help="contacts, offers (default: both)")
    args = parser.parse_args(argv)
    unknown = [name for name in args.sections if name not in SECTIONS]
    if unknown:
        parser.error(f"no section {unknown[0]!r}: choose from {', '.join(SECTIONS)}")
    try:
        site = load_site(ROOT)
    except DataError as err:
        print(err.report(), file=sys.stderr)
        return 1
    print(report(site, args.sections or tuple(SECTIONS)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
