"""Working-day deadlines: "4 working weeks" is 20 working days.

A working day is Monday to Friday and not a bank holiday in England and Wales. Counting starts
the day after the start date, so a request made on a Friday has its first working day on Monday.
The same arithmetic runs in the browser (docs/assets/decisions.js) on the bank holidays that
the build embeds in each outcome page.
"""
from __future__ import annotations

from datetime import date, timedelta

import holidays

WORKING_DAYS_PER_WEEK = 5


def working_days(*, working_weeks: int | None = None, working_days: int | None = None) -> int:
    return working_days if working_days is not None else working_weeks * WORKING_DAYS_PER_WEEK


def bank_holidays(first_year: int, last_year: int) -> dict[date, str]:
    """England and Wales bank holidays (the `holidays` package, subdivision ENG).

    The package also lists a holiday's own date when it falls at a weekend, beside its weekday
    substitute; only weekdays are days off work, as in the official GOV.UK list."""
    found = holidays.country_holidays("GB", subdiv="ENG", years=range(first_year, last_year + 1))
    return {day: name for day, name in sorted(found.items()) if day.weekday() < 5}


def add_working_days(start: date, days: int, closed: set[date] | dict | None = None) -> date:
    """The date `days` working days after `start` (the start date itself does not count)."""
    if days < 1:
        raise ValueError("a deadline is at least one working day")
    closed = closed if closed is not None else bank_holidays(start.year, start.year + 2)
    current = start
    counted = 0
    while counted < days:
        current += timedelta(days=1)
        if current.weekday() < 5 and current not in closed:
            counted += 1
    return current
