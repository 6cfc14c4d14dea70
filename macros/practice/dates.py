"""Date arithmetic for practice timescales, in plain Python (docs/assets/timescales.js mirrors it).

Our reading of the usual legal convention: a date counted in months or years that does not
exist in the target month falls on the last day of that month (15½ from 31 August is the last
day of February; the 18th birthday of someone born on 29 February is 28 February in a
non-leap year).
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta


def add_months(start: date, months: int) -> date:
    total = start.year * 12 + (start.month - 1) + months
    year, month = divmod(total, 12)
    month += 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def shift(start: date, offset: dict) -> date:
    """Move a date by {years, months, weeks, days}: months first (one clamp), then days."""
    months = 12 * offset.get("years", 0) + offset.get("months", 0)
    days = 7 * offset.get("weeks", 0) + offset.get("days", 0)
    return add_months(start, months) + timedelta(days=days)


def birthday(birth: date, years: int) -> date:
    return add_months(birth, 12 * years)


def age_on(birth: date, day: date) -> int:
    """Whole years reached on `day` (a birthday counts from its own day)."""
    years = day.year - birth.year
    if birthday(birth, years) > day:
        years -= 1
    return years
