"""Issue 19, without a browser: the no-JavaScript dates counted at build time (across Christmas),
the 24-hour rule, the outcome data's checks (do_now, housing facts) and the line marked for
another group."""
from __future__ import annotations

import copy
from datetime import date

from macros.core.hours import round_the_clock
from macros.trees.deadlines import bank_holidays
from macros.trees.model import check_housing_facts
from macros.trees.pages import built_dates, do_now, short_date


def test_the_build_day_table_counts_across_christmas_and_new_year():
    closed = bank_holidays(2026, 2028)
    built = built_dates(20, date(2026, 12, 4), closed)
    assert built["due"] == "Wednesday 6 January 2027"        # the review's hand count (Fri 4 Dec)
    assert built["due_short"] == "Wed 6 Jan 2027"
    assert len(built["table"]) == 10
    assert built["table"][0] == ("Friday 4 December 2026", "Wednesday 6 January 2027")
    # Saturday and Sunday count from the Monday after: the same date as a Friday start.
    assert built["table"][1] == ("Saturday 5 December 2026", "Wednesday 6 January 2027")
    assert built["table"][3] == ("Monday 7 December 2026", "Thursday 7 January 2027")


def test_short_dates():
    assert short_date(date(2027, 1, 6)) == "Wed 6 Jan 2027"


def test_a_line_open_24_hours_is_an_out_of_hours_line():
    for hours in ("24 hours, 7 days", "24/7", "A 24-hour line", "24 hrs"):
        assert round_the_clock(hours), hours
    for hours in (None, "Mon-Thu 8:30am-5pm", "office hours", "Fri 4:30pm-8:30am (124 hours a week)"):
        assert not round_the_clock(hours), hours


def test_do_now_picks_the_outcomes_own_steps(tmp_path):
    node = {"steps": [{"who": "a"}, {"who": "b"}, {"who": "c"}, {"who": "d"}]}
    assert [s["who"] for s in do_now(node)] == ["a", "b", "c"]
    assert [s["who"] for s in do_now({**node, "do_now": [4, 1]})] == ["d", "a"]


class _File:
    path = "data/trees/unplanned-move.yaml"

    def __init__(self, data):
        self.data = data

    def line_of(self, path):
        return 7


def test_an_unknown_housing_fact_stops_the_build():
    data = {"nodes": {"o-x": {"tonight": {"housing": {"facts": ["somewhere-to-stay-now", "no-such-fact"]}}}}}
    problems = check_housing_facts(_File(copy.deepcopy(data)), {"somewhere-to-stay-now"})
    assert [str(p) for p in problems] == [
        "data/trees/unplanned-move.yaml:7: nodes.o-x.tonight.housing.facts[1]: no fact 'no-such-fact' in data/homelessness.yaml"]


def test_the_disability_duty_line_is_marked_for_another_group():
    from macros.core.site import load_site
    from tests.support import ROOT_DIR
    site = load_site(ROOT_DIR)
    lancashire = next(a for a in site.authorities.values() if a.slug == "lancashire")
    marked = [line.team for line in lancashire.entry.lines if line.for_group]
    assert marked == ["Children with Disability duty line"]
