"""Local offers: the real data loads, and each kind of bad offer stops the build with file, line, field."""
from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest

from macros.core.problems import DataError
from macros.core.site import load_site
from tests.support import edit, expect_problem, real_site, tiny_data

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 12, 4)      # the day December's research was read
O = "data/offers/lancashire.yaml"
B = "data/offers/burnley.yaml"

ENTITLEMENTS = textwrap.dedent("""\
    entitlements:
      - id: setting-up-home-allowance
        name: Setting up home allowance
        description: Money for a first home.
        area: accommodation
        kinds: [GBP, yes-no]
        set_by: responsible
        floor: {value: 3000, text: "£3,000.", who: "Care leavers.", strength: recommended, law: recommendation,
                status: published, source: "facts", checked_on: "2026-11-22"}
      - id: council-tax-exemption
        name: Council tax
        description: No council tax.
        area: accommodation
        kinds: [percent, yes-no]
        set_by: billing
    """)

# Line numbers below are part of the tests: keep them.
OFFER = textwrap.dedent("""\
    council: E10000017
    items:
      - entitlement: setting-up-home-allowance
        value: 3000
        unit: GBP
        age_to: 25
        applies_to: own care leavers wherever they live
        source:
          url: https://www.example.gov.uk/offer
          date: "2024-03"
          read: "2026-11-22"
          status: published
      - entitlement: council-tax-exemption
        value: 100
        unit: percent
        applies_to: not stated
        source:
          cites: ["national-protocol:9.1"]
          date: undated
          read: "2026-11-22"
          status: unverified
    """)

DISTRICT = textwrap.dedent("""\
    council: E07000117
    items:
      - entitlement: council-tax-exemption
        value: "yes"
        unit: yes-no
        applies_to: all care leavers living here
        source:
          url: https://www.burnley.gov.uk/ct
          date: "2025"
          read: "2026-11-22"
          status: published
    """)


@pytest.fixture
def project(tmp_path):
    tiny_data(tmp_path)
    (tmp_path / "data" / "entitlements.yaml").write_text(ENTITLEMENTS, encoding="utf-8")
    (tmp_path / "data" / "offers").mkdir()
    (tmp_path / O).write_text(OFFER, encoding="utf-8")
    (tmp_path / B).write_text(DISTRICT, encoding="utf-8")
    return tmp_path


def test_the_tiny_offers_load(project):
    site = load_site(project, today=TODAY)
    lancs = site.offers["E10000017"]
    assert [i.entitlement for i in lancs.items] == ["setting-up-home-allowance", "council-tax-exemption"]
    assert lancs.items[0].due_for_review(TODAY) and not lancs.items[1].due_for_review(TODAY)
    assert site.offers["E07000117"].district


CASES = [
    ("unknown-entitlement", O, "entitlement: council-tax-exemption", "entitlement: council-tax-holiday",
     (O, 13, "items[1].entitlement", "unknown entitlement 'council-tax-holiday'")),
    ("text-where-pounds-are-due", O, "value: 3000", 'value: "about two thousand"',
     (O, 4, "items[0].value", "is text: GBP needs a number")),
    ("unit-the-entitlement-does-not-take", O, "unit: GBP", "unit: GBP-per-week",
     (O, 5, "items[0].unit", "value of the wrong kind: setting-up-home-allowance takes GBP")),
    ("yes-no-not-yes-or-no", B, 'value: "yes"', 'value: "maybe"',
     (B, 4, "items[0].value", 'a yes-no value is "yes" or "no"')),
    ("unknown-council", O, "council: E10000017", "council: E10000099",
     (O, 1, "council", "no council or district with code E10000099")),
    ("district-holding-what-districts-do-not-provide", B, "entitlement: council-tax-exemption\n    value: \"yes\"\n    unit: yes-no",
     "entitlement: setting-up-home-allowance\n    value: 3000\n    unit: GBP",
     (B, 3, "items[0].entitlement", "district councils do not provide setting-up-home-allowance")),
    ("impossible-date", O, 'date: "2024-03"', 'date: "2024-13"',
     (O, 10, "items[0].source.date", "YYYY, YYYY-MM or YYYY-MM-DD")),
    ("future-date", O, 'date: "2024-03"', 'date: "2027-01"',
     (O, 10, "items[0].source.date", "is in the future")),
    ("future-read-date", B, 'read: "2026-11-22"', 'read: "2026-12-25"',
     (B, 10, "items[0].source.read", "is in the future")),
    ("status-outside-the-list", O, "status: unverified", "status: rumoured",
     (O, 21, "items[1].source.status", "'rumoured' is not one of: confirmed, published, unverified")),
    ("applies-to-outside-the-list", O, "applies_to: not stated", "applies_to: everyone",
     (O, 16, "items[1].applies_to", "is not one of")),
    ("two-items-for-one-entitlement-and-group", O, "entitlement: council-tax-exemption\n    value: 100\n    unit: percent\n    applies_to: not stated",
     "entitlement: setting-up-home-allowance\n    value: 100\n    unit: GBP\n    applies_to: own care leavers wherever they live",
     (O, 13, "items[1].entitlement", "two items for setting-up-home-allowance")),
    ("source-without-url-or-citation", O, '      url: https://www.example.gov.uk/offer\n', '',
     (O, 8, "items[0].source", "a source needs url, cites, or document with part")),
    ("dangling-citation", O, 'cites: ["national-protocol:9.1"]', 'cites: ["national-protocol:9.9"]',
     (O, 18, "items[1].source.cites[0]", "has no paragraph or section 9.9")),
    ("file-named-for-another-council", O, "council: E10000017", "council: E10000034",
     (O, 1, "council", "belongs in data/offers/worcestershire.yaml")),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_bad_offer_is_reported_with_file_line_and_field(project, case):
    _id, rel, old, new, (file, line, field, words) = case
    expect_problem(project, (rel, old, new), file, line, field, words, today=TODAY)


def test_every_problem_at_once(project):
    edit(project, O, "entitlement: council-tax-exemption", "entitlement: council-tax-holiday")
    edit(project, B, 'date: "2025"', 'date: "2030"')
    with pytest.raises(DataError) as caught:
        load_site(project, today=TODAY)
    assert {p.file for p in caught.value.problems} == {O, B}


E = "data/entitlements.yaml"
# Issue 17: a national fact without a check date, a legal status or who it is for stops the build,
# and so does financial literacy as an area while the 2026 Act's s8 has not started.
NATIONAL_FACT_CASES = [
    ("no-check-date", ', checked_on: "2026-11-22"}', "}", (E, 8, "entitlements[0].floor.checked_on", "missing")),
    ("no-legal-status", " law: recommendation,", "", (E, 8, "entitlements[0].floor.law", "missing")),
    ("legal-status-not-in-the-list", "law: recommendation", "law: likely",
     (E, 8, "entitlements[0].floor.law", "is not one of")),
    ("no-who", ' who: "Care leavers.",', "", (E, 8, "entitlements[0].floor.who", "missing")),
    ("check-date-in-the-future", 'checked_on: "2026-11-22"', 'checked_on: "2099-01-01"',
     (E, 9, "entitlements[0].floor.checked_on", "in the future")),
    ("financial-literacy-before-s8-starts", "area: accommodation\n    kinds: [GBP, yes-no]",
     "area: financial-literacy\n    kinds: [GBP, yes-no]", (E, 5, "entitlements[0].area", "is not one of")),
]


@pytest.mark.parametrize("case", NATIONAL_FACT_CASES, ids=[c[0] for c in NATIONAL_FACT_CASES])
def test_a_national_fact_without_its_status_or_check_date_stops_the_build(project, case):
    _id, old, new, (file, line, field, words) = case
    expect_problem(project, (E, old, new), file, line, field, words, today=TODAY)


def test_the_real_national_facts_say_who_status_and_check_date():
    """Accuracy review 2026-12, M3; law review 2026-12, 1.2, 1.3, 1.10."""
    site = load_site(ROOT, today=TODAY)
    facts = {e.id: e.floor or e.national_note for e in site.entitlements.values() if e.floor or e.national_note}
    assert all(f["who"] and f["law"] and f["checked_on"] for f in facts.values())
    he = facts["higher-education-bursary-topup"]
    assert "former relevant" in he["who"].lower() and "pathway plan" in he["who"] and "in total" in he["text"]
    assert "foster carers" in facts["staying-put"]["who"] and "18" in facts["staying-put"]["who"]
    assert facts["free-prescriptions"]["law"] == "announced" and "23 December 2025" in facts["free-prescriptions"]["text"]
    assert facts["setting-up-home-allowance"]["law"] == "recommendation"
    changes = {c["id"]: c for c in site.national_facts}
    assert changes["local-offer-information-2026"]["law"] == "passed-not-started"
    assert "information about" in changes["local-offer-information-2026"]["text"]
    assert changes["staying-close-2026"]["law"] == "passed-not-started"
    assert "financial-literacy" not in {e.area for e in site.entitlements.values()}


def test_the_real_offers():
    site = real_site(today=TODAY)
    assert len(site.offers) == 165          # Worcestershire's 2017 housing aims are not an offer (L8)
    lancs = {i.entitlement: i for i in site.offers["E10000017"].items}
    tax = lancs["council-tax-exemption"]
    assert (tax.value, tax.age_to, tax.source["part"]) == ("yes", 25, "Appendix 2 – Step Down Letter Template")
    surrey = [i for i in site.offers["E10000030"].items if i.entitlement == "setting-up-home-allowance"][0]
    assert surrey.value == 3000 and surrey.disagree and surrey.others[0].value == 2000
    # status is kept exactly: as many unverified sources as rows in the research files (November's 133,
    # December's 41, and Derby's figure from facts.md, a regional news site's); published: 181 + 86 rows,
    # the 1 seed item (Lancashire's), facts.md's 5 council figures and the notes' 1 (Salford's prescriptions)
    statuses = [c.source["status"] for o in site.offers.values() for i in o.items for c in [i, *i.others]]
    assert statuses.count("unverified") == 133 + 41 + 1 and statuses.count("published") == 181 + 86 + 1 + 5 + 1


def test_a_bare_count_points_to_its_note_and_outside_only_items_say_so():
    from macros.offers.applies import travels
    from macros.offers.display import value_text
    site = real_site(today=TODAY)
    surrey = {i.entitlement: i for i in site.offers["E10000030"].items}
    assert value_text(surrey["travel-support"]) == "3 (see the note)"       # "3 family visits a year"
    assert value_text(surrey["setting-up-home-allowance"]) == "£3,000"
    # the 75% discount is for Surrey's own care leavers living outside Surrey, as the source says
    surrey_council = next(a for a in site.authorities.values() if a.slug == "surrey")
    notes = {ent.id: note for ent, item, note in travels(site, surrey_council) if item.value == 75}
    assert notes["council-tax-discount"] == "The source says this is for its care leavers living outside Surrey."
