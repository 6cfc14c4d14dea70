"""Councils, districts and the lead-officer directory: real counts, and bad entries stopping the build."""
from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from macros.core.hours import round_the_clock
from macros.directory.contact_lines import is_mobile
from macros.directory.model import parse_phone
from macros.core.site import load_site
from tests.support import edit, expect_problem, real_site, tiny_data

ROOT = Path(__file__).resolve().parents[2]
SITE = real_site()
L = "data/lead-officers.yaml"
D = "data/districts.yaml"
TODAY = date(2026, 12, 4)      # the day December's research was read


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


def test_the_seeded_entries_keep_each_line_with_its_own_source():
    lancs = SITE.authorities["E10000017"].entry
    by_number = {}
    for line in lancs.lines:
        for p in line.phones:
            by_number.setdefault(p.shown, []).append(line)
    assert set(by_number) == {"0300 123 6720", "0300 123 6722", "01524 585938"}
    assert by_number["0300 123 6720"][0].phones[0].tel == "+443001236720"
    # L17: the out-of-hours number is not in the guidance, so it must not cite the guidance; the hand
    # line from facts.md stays unverified, and December's research adds the council's own page beside it
    ooh = by_number["0300 123 6722"]
    assert all(line.kind == "emergency-duty-out-of-hours" and "cites" not in line.source for line in ooh)
    assert sorted((line.source.get("file", ""), line.status) for line in ooh) == [
        ("", "published"), ("", "published"), ("sources/research/facts.md", "unverified")]
    assert any("cites" in line.source for line in by_number["0300 123 6720"])
    assert all("cites" in line.source for line in by_number["01524 585938"])
    assert lancs.note is None or "guidance" not in lancs.note
    worcs = SITE.authorities["E10000034"].entry
    assert all(line.due_for_review(TODAY) for line in worcs.lines)     # a 2017 source


def test_lines_are_shown_in_calling_order_a_24_hour_line_as_out_of_hours_another_groups_last():
    def rank(line):
        if line.for_group:
            return 4
        if line.kind == "leaving-care-team":
            return 0
        if line.kind == "emergency-duty-out-of-hours" or round_the_clock(line.hours):
            return 1
        return 2 if line.kind == "children-services-front-door" else 3
    for a in SITE.authorities.values():
        if a.entry:
            ranks = [rank(line) for line in a.entry.lines]
            assert ranks == sorted(ranks), a.name
    # The Isle of Wight's front door, "24 hours per day", comes with the out of hours lines, before
    # its other front door; Lancashire's line for young adults with a disability comes last.
    wight = next(a for a in SITE.authorities.values() if a.name == "Isle of Wight").entry.lines
    assert wight[0].kind == "children-services-front-door" and wight[0].hours == "24 hours per day"
    assert [line.kind for line in wight[1:]] == ["emergency-duty-out-of-hours"] * 2 + ["children-services-front-door"]
    assert [line.out_of_hours for line in wight] == [True, True, True, False]
    lancs = SITE.authorities["E10000017"].entry.lines
    assert lancs[-1].for_group and lancs[-1].phones[0].shown == "01524 585938"
    assert not any(line.for_group for line in lancs[:-1])
    # Stockton's data lists its front door first; it is shown after both out-of-hours lines
    stockton = next(a for a in SITE.authorities.values() if a.name == "Stockton-on-Tees")
    text = (ROOT / "data" / "lead-officers.yaml").read_text(encoding="utf-8")
    block = text[text.index("authority: E06000004"):]
    assert block.index("shared: the-children-s-hub") < block.index("emergency-duty-out-of-hours")
    assert [line.kind for line in stockton.entry.lines] == ["emergency-duty-out-of-hours"] * 2 + ["children-services-front-door"]


@pytest.mark.parametrize("raw,shown,tel", [("03001236720", "0300 123 6720", "+443001236720"),
                                           ("01905 765765", "01905 765765", "+441905765765"),
                                           ("+44 1524 585938", "01524 585938", "+441524585938")])
def test_phone_numbers_are_shown_in_the_usual_grouping(raw, shown, tel):
    phone = parse_phone(raw)
    assert (phone.shown, phone.tel) == (shown, tel)


@pytest.mark.parametrize("raw", ["0300 123", "12345", "0800 000 0000 1"])
def test_invalid_phone_numbers_are_refused(raw):
    assert parse_phone(raw) is None




@pytest.mark.parametrize("raw", ["07911 123456", "+44 7400 123456"])
def test_mobile_numbers_are_recognised(raw):
    assert is_mobile(raw)
    assert not is_mobile("0300 123 6720")


LINE0, LINE1 = "entries[0].lines[0]", "entries[0].lines[1]"
HEAD = "entries:\n  - authority: E10000017\n    kind: public-line\n    lines:\n"
EDT_END = 'url: https://example.org/edt\n        read_on: "2026-11-01"\n'
EDT_SOURCE = "        source:\n          evidence: Out of hours\n          url: https://example.org/edt\n"
SHARED = ('shared_lines:\n  - id: one-edt\n    kind: emergency-duty-out-of-hours\n    team: One EDT\n'
          '    phones: ["01772 000001"]\n    status: unverified\n    source: {evidence: x, url: "https://example.org/x"}\n'
          '    read_on: "2026-11-01"\n')
BAD = [
    ("unknown-council", L, "authority: E10000017", "authority: E10000099",
     (L, 2, "entries[0].authority", "no council with code E10000099")),
    ("unknown-kind", L, "kind: leaving-care-team", "kind: social-worker",
     (L, 5, LINE0 + ".kind", "'social-worker' is not one of")),
    ("invalid-number", L, '"0300 123 6720"', '"0300 123"',
     (L, 7, LINE0 + ".phones[0]", "not a valid UK phone number")),
    ("phone-with-words", L, '"0300 123 6720"', '"ring 0300 123 6720"',
     (L, 7, LINE0 + ".phones[0]", "a UK phone number, digits and spaces")),
    ("mobile-number", L, '"01772 000000"', '"07911 123456"',
     (L, 16, LINE1 + ".phones[0]", "is a mobile number")),
    ("mobile-with-a-label", L, '["01772 000000"]', '[{number: "07911 123456", label: team}]',
     (L, 16, LINE1 + ".phones[0].number", "is a mobile number")),
    ("missing-source", L, EDT_SOURCE, "",
     (L, 14, LINE1 + ".source", "missing: this field is required")),
    ("missing-date", L, EDT_END, "url: https://example.org/edt\n",
     (L, 14, LINE1 + ".read_on", "missing: this field is required")),
    ("source-says-nowhere", L, "url: https://example.org/edt", "title: Somewhere",
     (L, 18, LINE1 + ".source", "say where the line was read")),
    ("bad-email", L, "email: leaving.care@lancashire.gov.uk", "email: leaving.care at lancashire",
     (L, 8, LINE0 + ".email", "a team mailbox looks like")),
    ("script-url", L, "url: https://example.org/edt", 'url: "javascript:alert(1)"',
     (L, 20, LINE1 + ".source.url", "must start with https:// or http://")),
    ("future-date", L, 'read_on: "2026-11-01"', 'read_on: "2027-01-01"',
     (L, 13, LINE0 + ".read_on", "is in the future")),
    ("source-date-after-reading", L, 'read_on: "2026-11-01"', 'source_date: "2026-11-20"\n        read_on: "2026-11-01"',
     (L, 13, LINE0 + ".source_date", "after the day it was read")),
    ("two-entries-for-one-council", L, EDT_END,
     EDT_END + '  - authority: E10000017\n    kind: public-line\n    lines: []\n',
     (L, 22, "entries[1].authority", "Lancashire already has an entry (line 2)")),
    ("personal-name-field", L, "team: Leaving Care Service\n", "team: Leaving Care Service\n        name: Jane Smith\n",
     (L, 7, LINE0 + ".name", "unknown field")),
    ("no-way-in", L, '        phones: ["0300 123 6720"]\n        email: leaving.care@lancashire.gov.uk\n', "",
     (L, 5, LINE0, "a way to get in touch")),
    ("incomplete-number-that-is-complete", L, 'phones: ["0300 123 6720"]', 'printed_number: "0300 123 6720"',
     (L, 7, LINE0 + ".printed_number", "is a valid UK number: list it under phones")),
    ("unknown-shared-line", L, "    lines:\n", "    lines:\n      - shared: nowhere\n",
     (L, 5, LINE0 + ".shared", "no shared line with id nowhere")),
    ("unused-shared-line", L, "entries:\n", SHARED + "entries:\n",
     (L, 2, "shared_lines[0].id", "is not used by any entry")),
    ("shared-line-made-stronger", L, HEAD, SHARED + HEAD + "      - shared: one-edt\n        status: published\n",
     (L, 14, LINE0 + ".status", "stronger than the shared line's unverified")),
    ("lone-conflict", L, "        status: unverified\n", "        status: unverified\n        conflict: edt\n",
     (L, 4, "entries[0].lines", "marks one line only")),
    ("district-in-unknown-county", D, "county: E10000017", "county: E10000099",
     (D, 13, "districts[0].county", "no council with code E10000099")),
]


@pytest.mark.parametrize("case", BAD, ids=[c[0] for c in BAD])
def test_a_bad_entry_fails_with_file_line_and_field(tmp_path, case):
    _id, rel, old, new, (file, line, field, words) = case
    root = tiny_data(tmp_path)
    expect_problem(root, (rel, old, new), file, line, field, words, today=TODAY)


def by_name(name):
    return next(a for a in SITE.authorities.values() if a.name == name)


def test_trusts_are_named_and_linked_only_where_the_research_gives_their_site():
    assert by_name("Bradford").entry.run_by.url == "https://www.bradfordcft.org.uk/"
    assert by_name("Sunderland").entry.run_by.name == "Together for Children"
    for name in ("Birmingham", "Sandwell", "Doncaster", "Reading", "Slough", "Kingston upon Thames"):
        run_by = by_name(name).entry.run_by
        assert run_by is not None and run_by.url is None, name
    assert by_name("Sandwell").entry.lines == []            # named, but no line found (nor in December)


def test_shared_lines_are_held_once_and_shown_on_each_council():
    berkshire = ["Bracknell Forest", "Reading", "Slough", "West Berkshire", "Windsor and Maidenhead", "Wokingham"]
    for name in berkshire:
        [edt] = [line for line in by_name(name).entry.lines if line.shared_id == "berkshire-emergency-duty-team"]
        assert edt.phones[0].shown == "01344 786543"
        assert sorted(edt.shared_with + [name]) == berkshire
    hub = {name: next(line for line in by_name(name).entry.lines if line.shared_id)
           for name in ("Hartlepool", "Stockton-on-Tees")}
    # Stockton's own page is published; for Hartlepool it is another council's page: weaker
    assert (hub["Stockton-on-Tees"].status, hub["Hartlepool"].status) == ("published", "unverified")
    text = (ROOT / "data" / "lead-officers.yaml").read_text(encoding="utf-8")
    assert text.count('"01344 786543"') == 1 and text.count('"01642 130080"') == 1


def test_conflicts_keep_both_numbers_and_incomplete_numbers_are_never_phones():
    stockton = [line for line in by_name("Stockton-on-Tees").entry.lines if line.kind == "emergency-duty-out-of-hours"]
    assert sorted(p.shown for line in stockton for p in line.phones) == ["01642 524552", "0870 240 2994"]
    assert all(line.conflicts for line in stockton)
    for name in ("Hampshire", "Southampton"):
        [line] = [line for line in by_name(name).entry.lines if line.incomplete]
        assert line.phones == []
    # Southampton's only leaving care team line cannot be used: its best line is another kind
    assert by_name("Southampton").entry.best_kind != "team"
    north_yorks = by_name("North Yorkshire").entry.lines[0]
    assert any("084" in why for why in north_yorks.checks()) and north_yorks.due_for_review(TODAY)
    assert any("former Northamptonshire" in (line.check or "") for line in by_name("West Northamptonshire").entry.lines)


def test_the_review_list_holds_every_line_older_than_12_months_or_undated(tmp_path):
    import importlib.util
    spec = importlib.util.spec_from_file_location("review", ROOT / "tools" / "review.py")
    review = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(review)
    root = tiny_data(tmp_path)
    edit(root, L, 'read_on: "2026-11-01"', 'source_date: "2026-10"\n        read_on: "2026-11-01"')
    site = load_site(root, today=TODAY)
    text = review.report(site, ["contacts"])
    # the team line is dated last month: current; the out-of-hours line is undated: due
    assert text.splitlines()[0] == "## Contact lines due for review (older than 12 months or undated): 1 of 2"
    assert "Emergency Duty Team: 01772 000000: undated source" in text and "Leaving Care Service" not in text
    later = date(2027, 11, 1)          # 13 months on, the dated line is due too
    assert review.contacts_title(site, later).endswith("2 of 2")
