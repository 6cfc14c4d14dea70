"""Dates as the site writes them: '28 July 2004', 'July 2004', 'Undated'."""
from __future__ import annotations

import calendar


def human_date(value: str) -> str:
    """'2004-07-28' -> '28 July 2004'; '2004-07' -> 'July 2004'; 'undated' -> 'Undated'."""
    if value == "undated":
        return "Undated"
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = calendar.month_name[int(parts[1])]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"
