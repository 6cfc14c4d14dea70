"""`make review`: what needs checking again, section by section.

"Offers due for review": every local-offer item (and every other source kept beside one) whose
source is more than 12 months old or undated, with its file, line and source address. Other
sections (stale contacts) can be added as functions beside offers_due() and listed in SECTIONS.
Run: .venv/bin/python tools/review.py
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.offers.display import source_link  # noqa: E402
from macros.problems import DataError  # noqa: E402
from macros.site import load_site  # noqa: E402


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


SECTIONS = [("Offers due for review (older than 12 months, or undated)", offers_due)]


def main() -> int:
    try:
        site = load_site(ROOT)
    except DataError as err:
        print(err.report(), file=sys.stderr)
        return 1
    for title, find in SECTIONS:
        lines = find(site)
        print(f"## {title}: {len(lines)}")
        print("\n".join(lines) if lines else "(none)")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
