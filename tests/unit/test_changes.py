"""What changed: from the data's dates, within 90 days, by council (districts under their county),
newest first; the feed is Atom with the newest entry first."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from types import SimpleNamespace as NS

from macros.core import changes

ATOM = "{http://www.w3.org/2005/Atom}"


def line(team, read_on, source_date=None, status="published"):
    return NS(kind_words="Leaving care team", team=team, read_on=read_on, source_date=source_date, status=status)


def item(ent, read, when="undated"):
    return NS(entitlement=ent, what=None, source={"read": read, "date": when, "status": "published"})


def site():
    authorities = {
        "A": NS(code="A", name="Avon", slug="avon", url="authorities/avon/",
                entry=NS(lines=[line("Team A", date(2026, 11, 1)), line("Old team", date(2026, 8, 1))])),
        "B": NS(code="B", name="Bede", slug="bede", url="authorities/bede/",
                entry=NS(lines=[line("Team B", date(2026, 10, 1), source_date="2026-11-20")])),
        "C": NS(code="C", name="Cray", slug="cray", url="authorities/cray/", entry=None),
    }
    offers = {"D": NS(code="D", name="Dale", district=True, county="C", items=[item("leisure-pass", "2026-11-30")]),
              "C": NS(code="C", name="Cray", district=False, county=None, items=[item("festive-payment", "2026-11-30", "2026-11")])}
    return NS(today=date(2026, 12, 4), authorities=authorities, offers=offers,
              entitlements={"leisure-pass": NS(name="Leisure pass"), "festive-payment": NS(name="Festive payment")})


def test_records_within_90_days_by_council_newest_first():
    found = changes.recent(site())
    assert [c.name for c in found] == ["Cray", "Bede", "Avon"]
    cray, bede, avon = found
    assert [ch.what for ch in cray.changes] == ["Local offer of Dale: Leisure pass", "Local offer: Festive payment"]
    assert bede.changes[0].day == date(2026, 11, 20) and bede.changes[0].how.startswith("source dated 20 November 2026")
    assert [ch.what for ch in avon.changes] == ["Leaving care team, Team A"]     # August is older than 90 days


def test_the_feed_is_atom_newest_first_with_links_relative_to_it():
    xml = changes.atom(changes.recent(site()), date(2026, 12, 4), lambda url: "../" + url, "feed.xml")
    root = ET.fromstring(xml.encode())
    entries = root.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == [
        "Cray: 2 records read or changed, 2026-11-30", "Bede: 1 record read or changed, 2026-11-20",
        "Avon: 1 record read or changed, 2026-11-01"]
    assert entries[0].find(f"{ATOM}link").get("href") == "../authorities/cray/"
    assert root.find(f"{ATOM}updated").text.startswith("2026-11-30")
