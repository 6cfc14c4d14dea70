"""Working-day deadlines around Christmas, New Year and Easter, and the bank holidays behind them."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from macros.trees.deadlines import add_working_days, bank_holidays, working_days

OFFICIAL = json.loads((Path(__file__).parents[1] / "data" / "bank-holidays-england-and-wales.json")
                      .read_text(encoding="utf-8"))

# (start, working days, due): the start day never counts; weekends and bank holidays never count.
CASES = [
    (date(2026, 11, 23), 20, date(2026, 12, 21)),   # 4 working weeks, no holidays in between
    (date(2026, 12, 14), 20, date(2027, 1, 14)),    # across Christmas, Boxing Day (substitute) and New Year
    (date(2026, 12, 18), 5, date(2026, 12, 29)),    # Friday before Christmas: 25th and 28th skipped
    (date(2026, 12, 30), 2, date(2027, 1, 4)),      # New Year's Day on a Friday
    (date(2027, 3, 25), 1, date(2027, 3, 30)),      # Easter 2027: Good Friday to Easter Monday skipped
    (date(2026, 4, 2), 20, date(2026, 5, 5)),       # Easter 2026 and the early May bank holiday
    (date(2026, 11, 27), 1, date(2026, 11, 30)),    # a Friday start: the first working day is Monday
    (date(2026, 11, 28), 1, date(2026, 11, 30)),    # a Saturday start
]


@pytest.mark.parametrize("start,days,due", CASES, ids=[f"{c[0]}+{c[1]}" for c in CASES])
def test_working_day_deadlines(start, days, due):
    assert add_working_days(start, days) == due


def test_four_working_weeks_are_twenty_working_days():
    assert working_days(working_weeks=4) == 20
    assert working_days(working_days=7) == 7


def test_a_deadline_is_at_least_one_day():
    with pytest.raises(ValueError):
        add_working_days(date(2026, 1, 5), 0)


def test_the_package_matches_the_official_england_and_wales_list():
    official = {date.fromisoformat(e["date"]) for e in OFFICIAL["events"]}
    years = sorted({d.year for d in official})
    package = set(bank_holidays(years[0], years[-1]))
    assert package == official, f"missing from package: {sorted(official - package)}; extra: {sorted(package - official)}"
