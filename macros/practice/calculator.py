"""Every date that follows from a council's timescales, for one young person.

Inputs are dates only; nothing is stored. docs/assets/timescales.js computes the same dates in
the browser, and tests/data/timescales-cases.json runs through both.
"""
from __future__ import annotations

from datetime import date

from macros.practice.dates import add_months, age_on, birthday, shift
from macros.practice.rules import Timescales

SCHEDULE_MONTHS = 12        # "the visit schedule for the next year"
SUPPORT_ENDS_AT = 25


def compute(ts: Timescales, birth: date, today: date, looked_after: date | None = None,
            allocation: date | None = None, last_visit: date | None = None,
            last_review: date | None = None, left_care: date | None = None) -> dict:
    """`left_care`: the day a young person aged 16 or 17 left care (a relevant care leaver): from
    then the visit rules marked `left-care` apply instead of `looked-after` ones (accuracy review
    2026-12, M6: Lancashire 2.2.1's eight weeks, not 1.2's twelve)."""
    anchors = {"birth": birth, "looked-after": looked_after, "allocation": allocation}
    from_16 = looked_after is not None and looked_after >= birthday(birth, 16)
    applies = {None: True, "looked-after-before-16": not from_16, "looked-after-from-16": from_16}

    dates = []
    for rule in ts.rules:
        if rule.kind != "date" or not applies[rule.applies]:
            continue
        anchor = anchors[rule.at["from"]]
        when = shift(anchor, rule.at) if anchor else None
        late = None
        if rule.checks == "allocation" and when and allocation:
            late = allocation > when
        dates.append({"id": rule.id, "date": when.isoformat() if when else None,
                      "needs": None if anchor else rule.at["from"], "late": late})

    start = last_visit or allocation or today
    end = add_months(start, SCHEDULE_MONTHS)
    limit = birthday(birth, SUPPORT_ENDS_AT)
    visits, day = [], start
    bands = [r for r in ts.rules if r.kind == "visits"]
    while True:
        # Our reading: the gap to the next visit is the one that applies on the day of the last.
        age = age_on(birth, day)
        state = "left-care" if left_care and day >= left_care else "looked-after"
        rule = next((r for r in bands if r.ages["from"] <= age < r.ages["to"] and r.applies in (None, state)), None)
        if rule is None:
            break
        nxt = shift(day, rule.every)
        if nxt > end or nxt >= limit:
            break
        visits.append({"date": nxt.isoformat(), "rule": rule.id})
        day = nxt

    review = None
    review_rule = next((r for r in ts.rules if r.kind == "review"), None)
    if review_rule:
        counted_from = last_review or today
        due = shift(counted_from, review_rule.every)
        if due < limit:
            review = {"date": due.isoformat(), "rule": review_rule.id, "from": counted_from.isoformat()}
    return {"dates": dates, "visits": visits, "visits_from": start.isoformat(), "review": review}
