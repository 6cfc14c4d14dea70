"""Councils, districts and the lead-officer directory: real counts, and bad entries stopping the build."""
from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from macros.directory import parse_phone
from macros.problems import DataError
from macros.site import load_site
from tests.support import assert_reported, edit, tiny_data

ROOT = Path(__file__).resolve().parents[2]
SITE = load_site(ROOT)
L = "data/lead-officers.yaml"
D = "data/districts.yaml"
TODAY = date(2026, 11, 22)


def test_153_councils_and_164_districts():
    assert len(SITE.authorities) == 153
    assert len(SITE.districts) == 164
    regions = Counter(a.region for a in SITE.authorities.values())
    assert regions == {"North East": 12, "North West": 24, "Yorkshire and The Humber": 15, "East Midlands": 10,
                       "West Midlands": 14, "East of England": 11, "London": 33, "South East": 19, "South West": 15}


def test_districts_resolve_to_their_county():
    by_name = {d.name: d for d in SITE.districts.values()}
    assert SITE.authorities[by_name["Amber Valley"].county].name == "Derbyshire"
    counties = {a.name: len(a.districts) for a in SITE.authorities.values() if a.districts}
    assert counties["Derbyshire"] == 8 and counties["Worcestershire"] == 6 and counties["Lancashire"] == 12


def test_every_council_has_a_distinct_page_address():
    slugs = [a.slug for a in SITE.authorities.values()]
    assert len(set(slugs)) == 153


def test_the_seeded_entries_and_the_gaps():
    lancs = SITE.authorities["E10000017"].entry
    assert lancs.phone.shown == "0300 123 6720" and lancs.phone.tel == "+443001236720"
    worcs = SITE.authorities["E10000034"].entry
    assert worcs.due_for_review(TODAY)          # a 2017 source is more than 12 months old
    assert sum(1 for a in SITE.authorities.values() if a.entry is None) == 151


@pytest.mark.parametrize("raw,shown,tel", [("03001236720", "0300 123 6720", "+443001236720"),
                                           ("01905 765765", "01905 765765", "+441905765765"),
                                           ("+44 1524 585938", "01524 585938", "+441524585938")])
def test_phone_numbers_are_shown_in_the_usual_grouping(raw, shown, tel):
    phone = parse_phone(raw)
    assert (phone.shown, phone.tel) == (shown, tel)


@pytest.mark.parametrize("raw", ["0300 123", "12345", "0800 000 0000 1"])
def test_invalid_phone_numbers_are_refused(raw):
    assert parse_phone(raw) is None




BAD = [
    ("unknown-council", L, "authority: E10000017", "authority: E10000099",
     (L, 2, "entries[0].authority", "no council with code E10000099")),
    ("bad-phone", L, 'phone: "0300 123 6720"', 'phone: "0300 123"',
     (L, 5, "entries[0].phone", "not a valid UK phone number")),
    ("phone-with-words", L, 'phone: "0300 123 6720"', 'phone: "ring 0300 123 6720"',
     (L, 5, "entries[0].phone", "a UK phone number, digits and spaces")),
    ("bad-email", L, "email: leaving.care@lancashire.gov.uk", "email: leaving.care at lancashire",
     (L, 6, "entries[0].email", "an email address looks like")),
    ("http-url", L, "status: published", "web_page: http://www.lancashire.gov.uk/care-leavers\n    status: published",
     (L, 7, "entries[0].web_page", "must start with https://")),
    ("future-date", L, 'as_of: "2026-11-01"', 'as_of: "2027-01-01"',
     (L, 8, "entries[0].as_of", "is in the future")),
    ("two-entries-for-one-council", L, "        cites: [\"national-protocol:9.1\"]\n",
     "        cites: [\"national-protocol:9.1\"]\n  - authority: E10000017\n    role: Again\n    kind: lead-officer\n    phone: \"0300 123 6720\"\n"
     "    status: published\n    as_of: \"2026-11-01\"\n    sources: [{what: x, cites: [\"national-protocol:9.1\"]}]\n",
     (L, 12, "entries[1].authority", "Lancashire already has an entry (line 2)")),
    ("personal-name-field", L, "role: Leaving Care Service\n", "role: Leaving Care Service\n    name: Jane Smith\n",
     (L, 4, "entries[0].name", "unknown field")),
    ("no-way-in", L, '    phone: "0300 123 6720"\n    email: leaving.care@lancashire.gov.uk\n', "",
     (L, 2, "entries[0]", "at least one way to get in touch")),
    ("no-source", L, "    sources:\n      - what: Customer access line\n        cites: [\"national-protocol:9.1\"]\n", "",
     (L, 2, "entries[0].sources", "missing")),
    ("district-in-unknown-county", D, "county: E10000017", "county: E10000099",
     (D, 13, "districts[0].county", "no council with code E10000099")),
]


@pytest.mark.parametrize("case", BAD, ids=[c[0] for c in BAD])
def test_a_bad_entry_fails_with_file_line_and_field(tmp_path, case):
    _id, rel, old, new, (file, line, field, words) = case
    root = tiny_data(tmp_path)
    edit(root, rel, old, new)
    with pytest.raises(DataError) as caught:
        load_site(root, today=TODAY)
    assert_reported(caught.value, file, line, field, words)
