"""Opening hours as a source writes them ("24 hours, 7 days"): is the line open at any time?

A line recorded as open 24 hours is also the out of hours line, for the outcome's Whom to call
(docs/assets/decisions.js, through the council cards) and the care leavers' numbers.
"""
from __future__ import annotations

import re

ROUND_THE_CLOCK = re.compile(r"\b24\s*(hours|hrs|/\s*7)|\b24-hour", re.I)


def round_the_clock(hours: str | None) -> bool:
    return bool(hours and ROUND_THE_CLOCK.search(hours))
