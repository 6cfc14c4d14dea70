"""A national fact's legal status, in words a care leaver understands (issue 17; rule 2 of the house:
a national fact says whether it is law now, passed but not started, announced, or a recommendation).

`scheme` is a fifth: a government-funded scheme (the 16 to 19 bursary) is neither a law nor a
recommendation, and calling it either would change its strength.
"""
from __future__ import annotations

WORDS = {
    "law-now": "The law now",
    "passed-not-started": "Passed but not started yet",
    "announced": "Announced, not yet in law",
    "recommendation": "A recommendation, not the law",
    "scheme": "A government scheme, not a law",
}


def words(status: str) -> str:
    return WORDS[status]
