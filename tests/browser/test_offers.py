"""Local offers in Chromium: "what applies to me", compare and the entitlement tables, with
JavaScript on and off, at 320 px, and axe on what the script draws."""
from __future__ import annotations

from pathlib import Path

import pytest

from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, choose

SHOTS = Path(__file__).resolve().parents[2] / "test-results"
MINE = "local-offers/mine/?from=lancashire&to=district-wychavon"
COMPARE = "local-offers/compare/?c=lancashire,surrey,oxfordshire"


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_lancashire_to_a_worcestershire_district_with_javascript(page, base_url):
    page.goto(base_url + "local-offers/mine/")
    choose(page, "The council that last looked after you", "lanc", "Lancashire")
    choose(page, "Where you live now", "wych", "Wychavon (Worcestershire)")
    page.get_by_role("button", name="Show what applies to me").click()
    one = page.locator("section[aria-labelledby='part-1']")
    tax = one.locator("li.offer-item", has_text="Council tax paid or exempt")
    assert "Yes, up to 25" in tax.inner_text() and "Appendix 2" in tax.inner_text()
    two = page.locator("section[aria-labelledby='part-2']").inner_text()
    assert "Help with council tax: not known to this site. Ask Wychavon" in two
    assert page.locator("section[aria-labelledby='part-3']").is_visible()
    assert page.url.endswith("?from=lancashire&to=district-wychavon")
    assert "No" not in [t.strip() for t in page.locator("li.offer-item .offer-line").all_inner_texts()]


def test_a_shared_link_gives_the_same_answer(page, base_url):
    page.goto(base_url + MINE)
    assert "Yes, up to 25" in page.locator("section[aria-labelledby='part-1']").inner_text()
    assert page.locator("#mine-to").input_value() == "district-wychavon"
    # the answer comes first; the choice is kept behind "Change the councils"
    assert page.get_by_role("combobox", name="Where you live now").count() == 0
    page.get_by_role("button", name="Change the councils").click()
    # the library's box, not the <select> it replaces (a <select> is a combobox too, for a moment)
    box = page.locator("input").and_(page.get_by_role("combobox", name="Where you live now"))
    expect(box).to_have_value("Wychavon (Worcestershire)")


def test_without_javascript_a_link_list_reaches_both_static_pages(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "local-offers/mine/")
    assert not page.locator("[data-mine-form]").is_visible()
    page.get_by_role("link", name="Lancashire", exact=True).click()
    page.wait_for_url("**/local-offers/mine/lancashire/")
    assert "Yes, up to 25" in page.locator("li.offer-item", has_text="Council tax paid or exempt").inner_text()
    page.goto(base_url + "local-offers/mine/")
    page.get_by_role("link", name="Wychavon", exact=True).click()
    page.wait_for_url("**/local-offers/mine/district-wychavon/")
    assert "not known to this site" in page.locator("article").inner_text()
    context.close()


def test_compare_shows_unknown_as_unknown_and_marks_differences(page, base_url):
    page.goto(base_url + COMPARE)
    rows = page.locator(".compare-row")
    rows.first.wait_for()
    suha = page.locator(".compare-row", has=page.locator("h3", has_text="Setting up home allowance"))
    text = suha.inner_text()
    assert "Lancashire: £3,000" in text and "Surrey: £3,000" in text and "Oxfordshire: £2,000" in text
    assert "differs" in suha.locator("h3").inner_text()
    # where this site holds nothing, the cell says so and links the council's own local offer
    unknown = page.locator(".compare-cells li", has_text="Lancashire: not on this site: see Lancashire’s local offer")
    assert unknown.count() > 0
    href = unknown.first.get_by_role("link", name="Lancashire’s local offer").get_attribute("href")
    assert href == "https://www.lancashire.gov.uk/youthzone/care-leavers-local-offer/about-the-care-leavers-local-offer/"
    cells = page.locator(".compare-cells li").all_inner_texts()
    assert not [c for c in cells if c.split(": ", 1)[1].startswith("No")]
    assert page.url.endswith("?c=lancashire,surrey,oxfordshire")


def test_compare_updates_when_a_council_is_added(page, base_url):
    page.goto(base_url + "local-offers/compare/?c=lancashire,surrey")
    page.locator(".compare-row").first.wait_for()
    choose(page, "Council 3 (optional)", "derbys", "Derbyshire")
    page.locator(".compare-cells li", has_text="Derbyshire").first.wait_for()
    assert page.url.endswith("?c=lancashire,surrey,derbyshire")
    result = page.locator("[data-compare-result]")
    assert "Derbyshire’s local offer is not on this site yet" in result.inner_text()
    assert result.get_by_role("link", name="Derbyshire’s local offer").first.is_visible()


def test_compare_without_javascript_offers_the_tables(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "local-offers/compare/")
    assert not page.locator("[data-compare-form]").is_visible()
    page.get_by_role("link", name="Setting up home allowance").click()
    page.wait_for_url("**/local-offers/setting-up-home-allowance/")
    assert page.locator("table.offer-table tbody tr").count() > 20
    context.close()


def test_the_floor_flag_and_sorting(page, base_url):
    page.goto(base_url + "local-offers/setting-up-home-allowance/")
    assert page.locator("svg.spread-svg rect.below").count() >= 1
    assert "below the floor" in page.locator("svg.spread-svg").inner_html()
    norfolk = page.locator("tr", has_text="Norfolk")
    assert "below the floor" in norfolk.inner_text()
    page.get_by_role("button", name="Value").click()
    first = page.locator("table.offer-table tbody tr").first.inner_text()
    assert "£1,500" in first
    assert page.locator("th[aria-sort='ascending']").count() == 1


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_offer_pages_fit_320px(browser, base_url, javascript):
    context = browser.new_context(viewport={"width": 320, "height": 640}, java_script_enabled=javascript)
    page = context.new_page()
    for url in [MINE, COMPARE, "local-offers/", "local-offers/setting-up-home-allowance/",
                "local-offers/mine/lancashire/", "authorities/surrey/", "local-offers/send-a-correction/"]:
        page.goto(base_url + url)
        if javascript and url in (MINE, COMPARE):
            page.locator(".offer-item, .compare-row").first.wait_for()
        assert no_horizontal_scroll(page), url
    context.close()


def test_axe_on_the_answers_the_script_draws_and_screenshots(browser, base_url):
    SHOTS.mkdir(exist_ok=True)
    failures = []
    for width in (375, 1280):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        for url, name in ((MINE, "offers-mine"), (COMPARE, "offers-compare")):
            page.goto(base_url + url)
            page.locator(".offer-item, .compare-row").first.wait_for()
            page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
            failures += axe_violations(page, url)
        for url, name in (("local-offers/setting-up-home-allowance/", "offers-entitlement"),
                          ("authorities/surrey/", "offers-council")):
            page.goto(base_url + url)
            page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=width == 375)
        context.close()
    assert not failures, "\n".join(failures)


def test_the_planner_shows_both_councils_offers_beside_their_contacts(page, base_url):
    page.goto(base_url + "moving/?from=lancashire&to=district-wychavon")
    result = page.locator("[data-moving-offers-result]")
    result.locator(".offer-item").first.wait_for()
    assert "Yes, up to 25" in result.locator("li.offer-item", has_text="Council tax paid or exempt").inner_text()
    assert "Help with council tax: not known" in result.inner_text()
    expect(page.locator(".planner-card")).to_have_count(2)     # the contacts are still there
