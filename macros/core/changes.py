"""What changed: the records read or changed lately, by council, newest first, and as an Atom feed.

Built from the data's own dates, never from git: a directory line's `read_on` and the date its
source states, a local offer item's `read` and its source's date. A record counts on the day
that is latest of those (a partial source date such as "2026-11" is not a day, so only `read`
days and full source dates count). District councils' items are listed under their county, the
council a lead officer follows. The feed is written with feedgen, one entry per council and day.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from macros.core.dates import human_date

WINDOW_DAYS = 90
STATUS = {"confirmed": "confirmed by the council", "published": "from the council's own page or document",
          "unverified": "unverified"}
FEED = "changes/feed.xml"


@dataclass(frozen=True)
class Change:
    day: date
    what: str           # "Leaving care team: Leaving Care Service"
    how: str            # "read on 4 December 2026 (from the council's own page)"


@dataclass
class CouncilChanges:
    name: str
    slug: str
    url: str            # the council's page, where every record listed is shown
    changes: list[Change]

    @property
    def newest(self) -> date:
        return self.changes[0].day

    def days(self) -> list[tuple[date, list[Change]]]:
        out: dict[date, list[Change]] = {}
        for c in self.changes:
            out.setdefault(c.day, []).append(c)
        return list(out.items())


def _full_date(value) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)) if value and len(str(value)) == 10 else None
    except ValueError:
        return None


def _day(read, stated) -> tuple[date | None, str]:
    """The record's day, and which date it is: the later of the day read and a full source date."""
    read_day, stated_day = _full_date(read), _full_date(stated)
    if stated_day and (read_day is None or stated_day > read_day):
        return stated_day, "source dated"
    return read_day, "read on"


def recent(site, window: int = WINDOW_DAYS) -> list[CouncilChanges]:
    """Councils with a record read or changed in the last `window` days, newest first."""
    since = site.today - timedelta(days=window)
    by_code: dict[str, list[Change]] = {}

    def add(code, day, which, what, status):
        if day is not None and since <= day <= site.today:
            by_code.setdefault(code, []).append(Change(day, what, f"{which} {human_date(day.isoformat())} ({status})"))

    for a in site.authorities.values():
        for line in (a.entry.lines if a.entry else []):
            day, which = _day(line.read_on, line.source_date)
            add(a.code, day, which, f"{line.kind_words}, {line.team}", STATUS.get(line.status, line.status))
    for offer in site.offers.values():
        county = offer.county if offer.district else offer.code
        if county not in site.authorities:
            continue
        for item in offer.items:
            ent = site.entitlements.get(item.entitlement)
            name = item.what or (ent.name if ent else item.entitlement)
            what = f"Local offer{' of ' + offer.name if offer.district else ''}: {name}"
            day, which = _day(item.source.get("read"), item.source.get("date"))
            add(county, day, which, what, STATUS.get(item.source.get("status"), item.source.get("status")))
    out = []
    for code, changes in by_code.items():
        a = site.authorities[code]
        changes.sort(key=lambda c: (-c.day.toordinal(), c.what))
        out.append(CouncilChanges(a.name, a.slug, a.url, changes))
    out.sort(key=lambda c: (-c.newest.toordinal(), c.name))
    return out


def atom(councils: list[CouncilChanges], today: date, page_href, feed_href) -> str:
    """The Atom feed: one entry per council and day, newest first. Links are relative to the feed,
    because the site may be served from any folder or host (mkdocs.yml has no site_url)."""
    from feedgen.feed import FeedGenerator

    fg = FeedGenerator()
    fg.id("tag:leaving-care-atlas,2026:changes")
    fg.title("Leaving Care Atlas: what changed")
    fg.subtitle(f"Council contact lines and local offer items read or changed in the last {WINDOW_DAYS} days, by council.")
    fg.link(href=page_href("changes/"), rel="alternate")
    fg.link(href=feed_href, rel="self")
    fg.author({"name": "Leaving Care Atlas"})
    fg.language("en-GB")
    entries = [(day, c, changes) for c in councils for day, changes in c.days()]
    entries.sort(key=lambda e: (-e[0].toordinal(), e[1].name))
    newest = entries[0][0] if entries else today
    fg.updated(datetime.combine(newest, time(), timezone.utc))
    for day, c, changes in entries:
        fe = fg.add_entry(order="append")
        fe.id(f"tag:leaving-care-atlas,2026:changes:{c.slug}:{day.isoformat()}")
        count = f"{len(changes)} record{'s' if len(changes) != 1 else ''}"
        fe.title(f"{c.name}: {count} read or changed, {day.isoformat()}")
        fe.link(href=page_href(c.url))
        fe.updated(datetime.combine(day, time(), timezone.utc))
        fe.content("\n".join(f"{ch.what}, {ch.how}." for ch in changes), type="text")
    return fg.atom_str(pretty=True).decode("utf-8")
