"""The words a care leaver reads beside a council's numbers: plain, with no job titles.

The same words are used by the page built here (the A to Z of numbers) and, as JSON on the
care leavers' page, by docs/assets/care-leavers.js, so a number says the same thing with or
without JavaScript. Practitioners' words ("responsible authority", "public line") stay on their
own pages.
"""
from __future__ import annotations

from macros.directory.contact_lines import Words

# What each kind of line is, for someone ringing it.
KIND_WORDS = {
    "leaving-care-team": "Leaving care team",
    "emergency-duty-out-of-hours": "Out of hours emergency line",
    "children-services-front-door": "Children’s services",
    "council-switchboard": "Council’s main number",
}
# Lines that are not the team itself: what to say when they answer.
ASK = "Ask for the leaving care team."
# How sure we are of a number, honestly and plainly (the line's own status).
STATUS_WORDS = {
    "confirmed": "The council told us this number.",
    "published": "From the council’s own website or papers. Not checked with the council yet.",
    "unverified": "Not checked: we found it on another website. It may be out of date.",
}
OLD = "Some of these numbers are more than a year old, or have no date. If one does not work, try the council’s website."
NONE = "We do not have a number for {name} yet."
NO_OUT_OF_HOURS = "We do not have an out of hours number for {name} yet."
# Beside a number whose source gives no opening hours (issue 18, item 4: hours wherever a number is shown).
HOURS_NOT_KNOWN = "We do not know when it is open."
# Before one of our reasons to check a line (an 084 or 087 number, a page from before a reorganisation).
CHECK = "Check first: {why}."


# The same words for says() (macros/directory/contact_lines.py), which puts them beside every number
# on the care leavers' pages: in the A to Z here and, through the council cards, in care-leavers.js.
PLAIN = Words(kinds=KIND_WORDS, ask=ASK, open_24="open 24 hours", hours="Open: {hours}.",
              no_hours=HOURS_NOT_KNOWN, other_group="only for some people", check=CHECK,
              team_kinds=("leaving-care-team",))


def for_script() -> dict:
    """The words care-leavers.js needs, as one small JSON block on the page."""
    return {"status": STATUS_WORDS, "old": OLD, "none": NONE, "noOutOfHours": NO_OUT_OF_HOURS}
