"""A council's public lines, one per kind of service, each with its own source, status and date.

A line is a fact read somewhere: it keeps that source, its status (confirmed / published /
unverified) and its date (the date the source states, or the day it was read when undated).
Lines shared between councils (one out-of-hours team for six) are held once and shown on
each. A number that fails the UK check is never a phone; a mobile is refused outright,
because a team line is never a person's phone, and so are the kinds of number that are a person's
phone in disguise or cost the caller dearly (refused_kind).
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date

import phonenumbers

from macros.core.hours import round_the_clock

# The kinds in calling order: the team first, out of hours second (issue 9); a line open 24 hours
# counts as out of hours (Line.call_rank).
KINDS = ["leaving-care-team", "emergency-duty-out-of-hours", "children-services-front-door", "council-switchboard"]
KIND_LABELS = {
    "leaving-care-team": "Leaving care team",
    "emergency-duty-out-of-hours": "Out of hours: emergency duty team",
    "children-services-front-door": "Children’s services front door",
    "council-switchboard": "Council switchboard",
}
OUT_OF_HOURS = "emergency-duty-out-of-hours"
# A line that is not the team itself says plainly what to ask for, unless its source says otherwise.
ASK_FOR_TEAM = ("children-services-front-door", "council-switchboard")
STATUS_WORDS = {
    "confirmed": "Confirmed by the council",
    "published": "From the council’s own page or document; not yet confirmed by the council",
    "unverified": "Unverified (a third party or an old page): check before relying on it",
}
REVIEW_AFTER_DAYS = 365
# 084 and 087 numbers cost more to call and many councils have left them: our reason to check.
OLD_STYLE = ("084", "087")


@dataclass
class Phone:
    shown: str        # in the usual grouping: 0300 123 6720
    tel: str          # for tel: links: +443001236720
    label: str | None = None

    @property
    def old_style(self) -> bool:
        return self.shown.startswith(OLD_STYLE)


def parse_phone(number: str) -> Phone | None:
    """A valid UK number in the usual grouping, or None."""
    try:
        parsed = phonenumbers.parse(number, "GB")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed) or parsed.country_code != 44:
        return None
    return Phone(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL),
                 phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))


_T = phonenumbers.PhoneNumberType
# Kinds of number never published as a public line, with the reason said in the message. 070
# "personal numbers" forward to any phone (phonenumbers does not call them mobiles); 09 is premium
# rate. 084 and 087 are typed premium rate too, but councils still use them: they stay, marked
# "check this number" (OLD_STYLE), so 09 is refused by its prefix, not its type.
REFUSED_KINDS = {
    _T.MOBILE: "a mobile number: a public line is never a person's phone",
    _T.PERSONAL_NUMBER: "a 070 personal number: it forwards to any phone, often a mobile, and costs "
                        "callers up to 65p a minute",
    _T.PAGER: "a pager number: it reaches a person's pager, not a team",
    _T.VOIP: "a 056 internet (VoIP) number: it can ring anywhere, a person's phone included",
    _T.VOICEMAIL: "a voicemail access number: nobody answers it",
}
PREMIUM = "a premium-rate number (09): it costs callers up to £3.60 a minute"


def refused_kind(number: str) -> str | None:
    """Why this number may never be published as a public line (a mobile, 070, 076, 056, 09), or None."""
    try:
        parsed = phonenumbers.parse(number, "GB")
    except phonenumbers.NumberParseException:
        return None
    if parsed.country_code == 44 and phonenumbers.national_significant_number(parsed).startswith("9"):
        return PREMIUM
    return REFUSED_KINDS.get(phonenumbers.number_type(parsed))


def is_mobile(number: str) -> bool:
    return refused_kind(number) is not None


def period_end(value: str) -> date:
    """The last day a partial date can mean: '2019' -> 2019-12-31 (so an age is never overstated)."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(parts[0], 12, 31)


@dataclass
class Line:
    kind: str
    team: str
    phones: list[Phone]
    printed_number: str | None      # the page's incomplete number: never shown as a phone
    email: str | None
    web_page: str | None
    hours: str | None
    ask_for: str | None
    status: str
    source: dict
    source_date: str | None
    read_on: date
    check: str | None
    note: str | None = None                 # this council's note on a shared line
    shared_id: str | None = None
    shared_with: list[str] = field(default_factory=list)   # the other councils' names
    conflicts: list["Line"] = field(default_factory=list)  # lines whose sources disagree with this one
    for_group: bool = False     # the source gives it for one group only: never the way to the team

    @property
    def out_of_hours(self) -> bool:
        """An out of hours line, or one its source says is open 24 hours (issue 18, item 4)."""
        return self.kind == OUT_OF_HOURS or round_the_clock(self.hours)

    @property
    def said(self) -> dict:
        """says(self): what it is and when it is open, in the practitioners' words (for templates)."""
        return says(self)

    @property
    def call_rank(self) -> int:
        """Where it comes when ringing: the team, out of hours, front door, switchboard; a line
        for another group last (the council's page lists it; the at-a-glance lists leave it out)."""
        if self.for_group:
            return len(KINDS)
        if self.kind == "leaving-care-team":
            return 0
        return 1 if self.out_of_hours else KINDS.index(self.kind)

    @property
    def kind_words(self) -> str:
        """'Children’s services front door: ask for the leaving care team'."""
        label = KIND_LABELS[self.kind]
        return f"{label}: ask for the leaving care team" if self.kind in ASK_FOR_TEAM and not self.ask_for else label

    @property
    def status_words(self) -> str:
        return STATUS_WORDS[self.status]

    @property
    def incomplete(self) -> bool:
        return self.printed_number is not None

    @property
    def undated(self) -> bool:
        return self.source_date is None

    @property
    def dated_on(self) -> date:
        return period_end(self.source_date) if self.source_date else self.read_on

    def due_for_review(self, today: date) -> bool:
        return self.undated or (today - self.dated_on).days > REVIEW_AFTER_DAYS

    def age_words(self, today: date) -> str:
        months = (today.year - self.dated_on.year) * 12 + today.month - self.dated_on.month
        if months < 1:
            return "less than a month old"
        if months < 24:
            return f"{months} month{'s' if months != 1 else ''} old"
        return f"{months // 12} years old"

    def checks(self) -> list[str]:
        """Why a reader should check this line before relying on it (ours, shown as ours)."""
        out = [self.check] if self.check else []
        if any(p.old_style for p in self.phones):
            out.append("an old-style 084 or 087 number, which many councils have replaced")
        return out

    def source_text(self) -> str:
        s = self.source
        return s.get("title") or s.get("file") or ", ".join(s.get("cites", []))


def line_from(raw: dict, phones: list[Phone], read_on: date) -> Line:
    return Line(raw["kind"], raw["team"], phones, raw.get("printed_number"), raw.get("email"),
                raw.get("web_page"), raw.get("hours"), raw.get("ask_for"), raw["status"], raw["source"],
                raw.get("source_date"), read_on, raw.get("check"), for_group=bool(raw.get("for_group")))


def best_kind(lines: list[Line]) -> str | None:
    """'team' (a leaving care team line), 'other' (only a front door, out of hours or switchboard), or None.

    Only a line one can use counts: a line whose only number the page prints incomplete does not.
    """
    usable = [line for line in lines if line.phones or line.email or line.web_page]
    if any(line.kind == "leaving-care-team" for line in usable):
        return "team"
    return "other" if usable else None


def ordered(lines: list[Line]) -> list[Line]:
    """In calling order (Line.call_rank); within a rank, as the data lists them."""
    return sorted(lines, key=lambda line: line.call_rank)


@dataclass(frozen=True)
class Words:
    """One vocabulary for what a number is: the practitioners' (below) or the care leavers'
    (macros/careleavers/words.py). says() is the one place these become a number's words."""
    kinds: dict
    ask: str                 # after a front door or switchboard whose source says nothing to ask
    open_24: str             # a line its source gives as open 24 hours: also the out of hours line
    hours: str               # "{hours}": the source's own words
    no_hours: str
    other_group: str         # a line its source gives for one group only
    check: str               # "{why}": one of our reasons to check the number
    team_kinds: tuple = tuple(KINDS)   # the kinds whose team's own name is shown too


PRACTITIONER = Words(kinds=KIND_LABELS, ask="Ask for the leaving care team.", open_24="open 24 hours",
                     hours="Hours: {hours}", no_hours="Hours not stated",
                     other_group="for another group only", check="Check this number: {why} (our note).")


def says(line: Line, words: Words = PRACTITIONER) -> dict:
    """What to show beside each of the line's numbers, wherever a number is shown: what the line
    is (its kind; open 24 hours; for another group), the team's own name, what to ask for, its
    hours as the source gives them or that none are stated, and our reasons to check it (an
    084/087 number, a page from before a reorganisation). The pages (macros/templates/_number.html)
    and the scripts (atlasCards.number, through the council cards) only lay these words out."""
    what = words.kinds[line.kind]
    if line.for_group:
        what += f", {words.other_group}"
    elif line.kind != OUT_OF_HOURS and line.out_of_hours:
        what += f", {words.open_24}"
    team = line.team if line.kind in words.team_kinds and line.team and line.team.lower() not in what.lower() else None
    ask = line.ask_for or (words.ask if line.kind in ASK_FOR_TEAM and not line.for_group else None)
    return {"what": what, "team": team, "ask": ask,
            "hours": words.hours.format(hours=line.hours) if line.hours else words.no_hours,
            "checks": [words.check.format(why=why) for why in line.checks()]}
