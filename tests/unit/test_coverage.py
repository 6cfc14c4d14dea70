"""Issue 18, item 5: the six headline facts per council, how fresh its lines are, and `make review` by council."""
from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

import pytest

from macros.core.site import load_site
from macros.directory import coverage
from tests.support import edit, tiny_data
from tests.unit.test_offers import B, DISTRICT, ENTITLEMENTS, O, OFFER

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 12, 4)
A = "data/authorities.yaml"
L = "data/lead-officers.yaml"
PAGES = """    website: https://www.lancashire.gov.uk/
    local_offer_pages:
      - url: "https://www.lancashire.gov.uk/offer"
        title: "Our local offer"
        status: "published"
        date: "2019-05"
        read: "2026-11-22"
      - url: "https://www.lancashire.gov.uk/offer-2025"
        title: "Our local offer 2025"
        status: "published"
        date: "2026-06"
        read: "2026-11-22"
"""


def review_tool():
    spec = importlib.util.spec_from_file_location("review", ROOT / "tools" / "review.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def project(tmp_path):
    """test_offers.py's tiny offers (Lancashire's and Burnley's), and local offer pages."""
    tiny_data(tmp_path)
    for rel, text in (("data/entitlements.yaml", ENTITLEMENTS), (O, OFFER), (B, DISTRICT)):
        (tmp_path / rel).parent.mkdir(exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    edit(tmp_path, A, "    website: https://www.lancashire.gov.uk/\n", PAGES)
    edit(tmp_path, A, "    website: https://www.worcestershire.gov.uk/\n",
         "    website: https://www.worcestershire.gov.uk/\n    local_offer_pages: []\n")
    return tmp_path


def test_the_six_headline_facts_of_a_council_and_of_one_with_nothing(project):
    site = load_site(project, today=TODAY)
    lancs, worcs = site.authorities["E10000017"], site.authorities["E10000034"]
    assert coverage.headline(site, lancs) == {
        "any_line": True, "out_of_hours": True, "team_line": True, "offer_page": True,
        "setting_up_home": True, "council_tax": True}
    assert not any(coverage.headline(site, worcs).values())
    # both lines were read in November 2026; neither source carries a date
    assert coverage.freshness(lancs, TODAY) == {"read_recently": True, "source_dated": False}
    assert coverage.freshness(lancs, date(2027, 11, 2)) == {"read_recently": False, "source_dated": False}


def test_a_third_party_page_is_not_the_councils_own_and_a_24_hour_line_counts_as_out_of_hours(project):
    edit(project, A, 'status: "published"', 'status: "unverified"')
    edit(project, A, 'status: "published"', 'status: "unverified"')
    edit(project, L, "kind: emergency-duty-out-of-hours", "kind: children-services-front-door")
    site = load_site(project, today=TODAY)
    lancs = site.authorities["E10000017"]
    facts = coverage.headline(site, lancs)
    assert not facts["offer_page"] and coverage.third_party_page_only(lancs)
    assert not facts["out_of_hours"]
    edit(project, L, "team: Emergency Duty Team", "team: Emergency Duty Team\n        hours: Open 24 hours")
    site = load_site(project, today=TODAY)
    assert coverage.headline(site, site.authorities["E10000017"])["out_of_hours"]


def test_council_tax_of_a_county_comes_from_its_districts(project):
    edit(project, O, "entitlement: council-tax-exemption", "entitlement: setting-up-home-allowance")
    edit(project, O, "value: 100\n    unit: percent", 'value: "yes"\n    unit: yes-no')
    site = load_site(project, today=TODAY)
    assert coverage.held(site, "E10000017") == {"setting-up-home-allowance"}
    assert coverage.headline(site, site.authorities["E10000017"])["council_tax"]     # Burnley's item
    (project / B).unlink()
    site = load_site(project, today=TODAY)
    assert not coverage.headline(site, site.authorities["E10000017"])["council_tax"]


def test_make_review_lists_what_is_due_council_by_council(project):
    edit(project, L, 'read_on: "2026-11-01"', 'source_date: "2026-10"\n        read_on: "2026-11-01"')
    site = load_site(project, today=TODAY)
    text = review_tool().report(site)          # what `make review` prints
    assert text.splitlines() == [
        "## Due for review by council (older than 12 months, or undated): 2 councils and districts",
        # a district with an offer file of its own, under its name and its county's
        "Burnley (district council in Lancashire): 1 due",
        "  offer: data/offers/burnley.yaml:3: council-tax-exemption (dated 2025, published): https://www.burnley.gov.uk/ct",
        # the council: its lines, its own local offer pages, its offer items with file and line
        "Lancashire: 4 due",
        "  contact line: emergency-duty-out-of-hours: Emergency Duty Team: 01772 000000: undated source, "
        "read 2026-11-01; unverified",
        "  local offer page (dated 2019-05, read 2026-11-22, published): https://www.lancashire.gov.uk/offer",
        "  offer: data/offers/lancashire.yaml:3: setting-up-home-allowance (dated 2024-03, published): "
        "https://www.example.gov.uk/offer",
        "  offer: data/offers/lancashire.yaml:13: council-tax-exemption (undated, unverified): protocol/#para-9-1"]
    # the team line dated October and the page dated June 2026 are not due; Worcestershire holds nothing
    assert "Leaving Care Service" not in text and "offer-2025" not in text and "Worcestershire" not in text
    # a year on, the team line and the 2026 page are due too
    later = load_site(project, today=date(2027, 11, 2))
    assert "Lancashire: 6 due" in review_tool().report(later)


def test_the_flat_lists_stay_as_they_were(project):
    site = load_site(project, today=TODAY)
    review = review_tool()
    text = review.report(site, ["offers"])
    assert "data/offers/lancashire.yaml:13: Lancashire: council-tax-exemption (undated, unverified)" in text
    assert review.report(site, ["contacts"]).startswith("## Contact lines due for review")
