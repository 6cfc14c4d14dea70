"""Dates as the site writes them: '28 July 2004', 'July 2004', 'Undated'."""
from __future__ import annotations

import calendar
from datetime import date

EARLIEST_YEAR = 1900     # nothing this site cites is older; "0050" is a typing slip, not a year


def partial_date_problem(value: str, today: date | None = None) -> str | None:
    """Why 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' is not a date a source can carry, or None.

    The one rule for every date a source was written, dated or read: a real calendar day, month or
    year, from 1900, and not after today (the real today: a test's fixed day judges review ages)."""
    if value == "undated":
        return None
    try:
        parts = [int(p) for p in value.split("-")]
        first = date(*(parts + [1, 1])[:3])
    except (ValueError, TypeError):
        return f"{value!r} is not a real date (YYYY, YYYY-MM or YYYY-MM-DD)"
    if first.year < EARLIEST_YEAR:
        return f"{value!r}: a year before {EARLIEST_YEAR} is a typing slip here"
    if first > max(today or date.today(), date.today()):
        return f"{value!r} is in the future: give the date the source carries"
    return None


def human_date(value: str) -> str:
    """'2004-07-28' -> '28 July 2004'; '2004-07' -> 'July 2004'; 'undated' -> 'Undated'."""
    if value == "undated":
        return "Undated"
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    if not 1 <= int(parts[1]) <= 12:       # refused when data is read (partial_date_problem); never an IndexError
        return value
    month = calendar.month_name[int(parts[1])]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"
