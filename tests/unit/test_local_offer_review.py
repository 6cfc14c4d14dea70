"""Issue 17: the accuracy review's L8 (Worcestershire's housing aims are not a local offer) and the law
review's 1.10 (the local free-prescription rows, held against their sources). Issue 18: the data
audit's finding B for districts (the county's care leavers living in the district)."""
from __future__ import annotations

import csv
from pathlib import Path

from macros.offers import applies
from tests.support import expect_problem, real_site, tiny_data
from tests.unit.test_offers import ENTITLEMENTS, O, OFFER, TODAY

ROOT = Path(__file__).resolve().parents[2]
SITE = real_site()
NHS = "an NHS scheme (an integrated care board's), not the council's own offer"


def research_rows(entitlement: str) -> list[dict]:
    rows = []
    for name in ("offers-facts.csv", "offers-facts-2026-12.csv"):
        with open(ROOT / "sources" / "research" / name, encoding="utf-8") as f:
            rows += [r for r in csv.DictReader(f) if r["entitlement"] == entitlement]
    return rows


def prescriptions() -> dict[str, object]:
    return {offer.name: item for offer in SITE.offers.values() for item in offer.items
            if item.entitlement == "free-prescriptions"}


def test_no_local_offer_item_is_an_aim_of_a_housing_protocol():
    """L8: the 2017 aims are shown as aims, under accommodation, by the housing protocol page only."""
    protocols = {h.document for h in SITE.tools.housing.values()}
    assert "worcestershire-report" in protocols
    for offer in SITE.offers.values():
        for item in offer.items:
            for claim in [item, *item.others]:
                cited = {c.split(":")[0] for c in claim.source.get("cites", [])} | {claim.source.get("document")}
                assert not cited & protocols, f"{offer.file}:{item.line}: cites a housing protocol's aims"
                assert "Housing aim" not in (item.what or ""), f"{offer.file}:{item.line}"
    housing = SITE.tools.housing["worcestershire"]
    assert "aims" in housing.status and "not known" in housing.status
    assert {c["id"] for c in housing.commitments if c.get("area") == "accommodation"} >= {
        "training-flats", "emergency-accommodation", "prevention-of-eviction"}


def test_every_researched_prescription_row_is_held_with_its_status_and_ages():
    held = prescriptions()
    rows = research_rows("free-prescriptions")
    assert len(rows) == 9
    for row in rows:
        item = held[row["council"]]
        claims = [item, *item.others]
        match = [c for c in claims if c.source.get("url") == row["source_url"]]
        assert match, row["council"]
        assert match[0].source["status"] == row["status"], row["council"]        # kept as researched
        assert (item.age_from or "", item.age_to or "") == (
            int(row["age_from"]) if row["age_from"] else "", int(row["age_to"]) if row["age_to"] else "")


def test_the_nhs_schemes_say_they_are_not_the_councils_and_the_pilot_and_the_proposal_say_what_they_are():
    held = prescriptions()
    for council in ("Lincolnshire", "Dudley", "Sandwell", "Walsall", "Wolverhampton",
                    "North Northamptonshire", "West Northamptonshire"):
        assert NHS in (held[council].caveat or ""), council
    for council in ("North Northamptonshire", "West Northamptonshire"):        # "a one-year pilot" from April 2024
        assert "a one-year pilot: not known if it still runs" in held[council].caveat
    peterborough = held["Peterborough"].caveat
    assert "a proposal: not known if agreed" in peterborough
    assert "financial support for medical prescriptions" in peterborough and "not that they are free" in peterborough
    # the council's own pages: no NHS caveat
    assert held["Lewisham"].caveat is None and held["Lewisham"].source["status"] == "published"


def test_salfords_own_statement_is_held_with_its_address_and_words():
    """local-offer-pages-notes.md quotes it with a page address: a fact like any other (issue 18)."""
    salford = prescriptions()["Salford"]
    assert salford.source["url"] == "https://sccdemocracy.salford.gov.uk/mgAi.aspx?ID=52482"
    assert salford.source["status"] == "published" and salford.source["date"] == "undated"
    assert salford.age_to == 25 and "All of our Care leavers have free prescriptions until they are 25" in \
        salford.conditions
    notes = (ROOT / "sources" / "research" / "local-offer-pages-notes.md").read_text(encoding="utf-8")
    assert "sccdemocracy.salford.gov.uk/mgAi.aspx?ID=52482" in notes and "free prescriptions until they are 25" in notes


def test_the_national_announcement_stays_announced():
    note = SITE.entitlements["free-prescriptions"].national_note
    assert note["law"] == "announced" and "23 December 2025" in note["text"]


def test_a_districts_item_for_the_countys_care_leavers_says_so():
    """Finding B: "Hampshire County Council care leavers living in Hart only" and three like it."""
    places = applies.places(SITE)
    by_name = {o.name: o for o in SITE.offers.values()}
    for district, county in (("Hart", "Hampshire"), ("Test Valley", "Hampshire"), ("Guildford", "Surrey"),
                             ("East Devon", "Devon")):
        tax = [i for i in by_name[district].items if i.entitlement.startswith("council-tax")][0]
        assert tax.applies_to == "county's care leavers living here" and county in tax.who
        key = "district-" + district.lower().replace(" ", "-")
        notes = [note for ent, item, note, by in applies.here(SITE, places[key])["rows"] if item is tax]
        assert notes == [f"The source says this is only for care leavers {county} looked after, living in {district}."]
    # mixed scopes the groups cannot say stay "not stated", with the source's words beside them
    for name in ("Waverley", "West Devon", "Windsor and Maidenhead"):
        tax = [i for i in by_name[name].items if i.entitlement.startswith("council-tax")][0]
        assert tax.applies_to == "not stated" and tax.who


def test_the_countys_care_leavers_on_a_councils_own_offer_stops_the_build(tmp_path):
    tiny_data(tmp_path)
    for rel, text in (("data/entitlements.yaml", ENTITLEMENTS), (O, OFFER)):
        (tmp_path / rel).parent.mkdir(exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    expect_problem(tmp_path, (O, "applies_to: own care leavers wherever they live",
                              "applies_to: county's care leavers living here"),
                   O, 7, "items[0].applies_to", "is for a district council's items", today=TODAY)
