"""Print the contact lines due for review: older than 12 months, or from an undated source.

Run by `make review-contacts` (and `make review`). Reads the checked data the site is built
from, so a line listed here is marked "due for review" on its council's page too.
Run: .venv/bin/python tools/review_contacts.py
"""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.problems import DataError  # noqa: E402
from macros.site import load_site  # noqa: E402


def due_lines(site, today: date) -> list[tuple]:
    """(council, line) for every line due for review: dated ones oldest first, then undated."""
    found = [(a, line) for a in sorted(site.authorities.values(), key=lambda a: a.name) if a.entry
             for line in a.entry.lines if line.due_for_review(today)]
    return sorted(found, key=lambda pair: (pair[1].undated, pair[1].dated_on, pair[0].name))


def report(site, today: date) -> str:
    every = [line for a in site.authorities.values() if a.entry for line in a.entry.lines]
    due = due_lines(site, today)
    out = [f"Contact lines due for review (older than 12 months or undated): {len(due)} of {len(every)}"]
    for a, line in due:
        number = ", ".join(p.shown for p in line.phones) or line.email or line.web_page or "incomplete number"
        when = "undated source" if line.undated else f"source dated {line.source_date} ({line.age_words(today)})"
        shared = f" [shared: {line.shared_id}]" if line.shared_id else ""
        out.append(f"  {a.name}: {line.kind}: {line.team}: {number}: {when}, read {line.read_on.isoformat()}; "
                   f"{line.status}{shared}")
    return "\n".join(out)


def main() -> int:
    try:
        site = load_site(ROOT)
    except DataError as err:
        print(err.report(), file=sys.stderr)
        return 1
    print(report(site, site.today))
    return 0


if __name__ == "__main__":
    sys.exit(main())
