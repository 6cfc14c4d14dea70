"""The one place the practice tools read a council's directory entry.

data/lead-officers.yaml and macros/directory/model.py are being restructured elsewhere: when they
change, only this function needs to follow.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class CouncilLines:
    name: str                 # "Lancashire"
    official_name: str
    website: str
    url: str                  # this site's page for the council
    team: str | None          # the letter's heading: the council's own name (None), not one line's team
    lines: list[str]          # "Lancashire County Council customer access team: 0300 123 6720. Tell them …"
    status: str | None        # of the line listed first
    as_of: str | None
    unchecked: list[str]      # unverified lines: left out of the letter, named in its sources note


# The order a letter to a young person lists a council's lines in: the lines we are surest of first,
# and an out-of-hours line last, since the letter is about getting back in touch (accuracy review
# 2026-12, M7: Lancashire's letter led with an unverified out-of-hours line).
STATUS_ORDER = {"confirmed": 0, "published": 1, "unverified": 2}
LAST = "emergency-duty-out-of-hours"


def _only_for_some(line) -> bool:
    """A line whose ask_for says who it is for ("For young adults who need …") comes after the
    general ones: it is not the way back in for everyone."""
    return bool(line.ask_for and line.ask_for.startswith("For "))


def _words(line, contact: str) -> str:
    """'Lancashire County Council customer access team: 0300 123 6720. Tell them …' in the line's own
    words: its team and ask_for, never a kind label that would widen who it is for."""
    text = f"{line.team}: {contact}."
    if line.ask_for:
        text += f" {line.ask_for}"
    if line.status == "unverified":
        text += f" Not confirmed: {line.check or 'we could not confirm it'}."
    return text


def council_lines(site_authorities: dict, slug: str) -> CouncilLines | None:
    authority = next((a for a in site_authorities.values() if a.slug == slug), None)
    if authority is None:
        return None
    entry = authority.entry
    lines, unchecked, status, as_of = [], [], None, None
    if entry and entry.lines:
        # Within a status, a line that says how to ask (its ask_for, for everyone) before a bare one.
        ordered = sorted(entry.lines, key=lambda line: (line.kind == LAST, STATUS_ORDER[line.status],
                                                        _only_for_some(line), not line.ask_for))
        # A letter goes to a young person: a line we could not confirm is not printed in it, but
        # named under the letter for the worker to check and add.
        confirmed = [line for line in ordered if line.status != "unverified"]
        if confirmed:           # with nothing else to print, the unconfirmed lines stay, marked
            unchecked = [_words(line, phone.shown) for line in ordered if line.status == "unverified"
                         for phone in line.phones]
            ordered = confirmed
        # The sources note gives the status of the line listed first (the one we are surest of).
        status, as_of = ordered[0].status, ordered[0].dated_on.isoformat()
        for line in ordered:
            lines += [_words(line, phone.shown) for phone in line.phones]
            if line.email:
                lines.append(_words(line, line.email))
        # Two sources for the same line give the same words: the letter prints them once.
        lines = list(dict.fromkeys(lines))
    return CouncilLines(authority.name, authority.official_name, authority.website, authority.url,
                        None, lines, status, as_of, unchecked)
