"""The directory and the planner in Chromium."""
from __future__ import annotations

from tests.browser.conftest import search


def visible_councils(page):
    return page.locator("[data-council]:visible").count()


def test_the_filter_narrows_the_list(page, base_url):
    page.goto(base_url + "authorities/")
    assert visible_councils(page) == 153
    page.get_by_label("Filter by council name, region or type").fill("worcester")
    assert visible_councils(page) == 1
    assert page.get_by_role("status").inner_text() == "1 council matches"
    page.get_by_label("Filter by council name, region or type").fill("yorkshire and the humber")
    assert visible_councils(page) == 15
    page.get_by_label("Filter by council name, region or type").fill("london borough")
    assert visible_councils(page) == 32
    page.get_by_label("Filter by council name, region or type").fill("amber valley")   # a district finds its county
    assert page.locator("[data-council]:visible .council__name").inner_text() == "Derbyshire"
    page.get_by_label("Filter by council name, region or type").fill("")
    assert visible_councils(page) == 153


def test_without_javascript_the_directory_is_grouped_by_region_with_an_a_to_z(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "authorities/")
    assert page.locator("section.region").count() == 9
    assert page.locator("nav.a-to-z a").count() == 153
    assert not page.locator("[data-filter]").is_visible()
    context.close()


def test_searching_a_council_name_lands_on_its_page(page, base_url):
    assert search(page, base_url, "Worcestershire")[0].endswith("/authorities/worcestershire/")


def test_the_planner_shows_both_councils_side_by_side(page, base_url):
    page.goto(base_url + "moving/")
    page.get_by_label("The council that looked after them").select_option(label="Lancashire")
    page.get_by_label("Where they live now").select_option(label="Worcestershire")
    page.get_by_role("button", name="Show both councils").click()
    result = page.locator("[data-planner-result]")
    assert "Responsible authority: Lancashire" in result.inner_text()
    assert "Receiving authority: Worcestershire" in result.inner_text()
    assert result.locator('a[href="tel:+443001236720"]').count() == 1
    assert result.locator('a[href="tel:+441905765765"]').count() == 1
    assert "from=lancashire" in page.url and "to=worcestershire" in page.url
    # the shared link shows the same pair
    page.goto(page.url)
    assert "Receiving authority: Worcestershire" in page.locator("[data-planner-result]").inner_text()


def test_the_planner_resolves_a_district_to_its_county(page, base_url):
    page.goto(base_url + "moving/?from=lancashire&to=district-amber-valley")
    text = page.locator("[data-planner-result]").inner_text()
    assert "Receiving authority: Derbyshire" in text
    assert "Amber Valley is a district council" in text
    assert "No lead officer registered yet" in text


def test_the_planner_gives_the_4_working_week_date(page, base_url):
    page.goto(base_url + "moving/")
    assert "if the request is made today: by" in page.locator("#planned + ol").inner_text()


def test_without_javascript_both_contacts_are_reached_from_the_planner(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "moving/")
    page.locator(".planner-all").get_by_role("link", name="Lancashire", exact=True).click()
    page.wait_for_url("**/authorities/lancashire/")
    assert page.locator('a[href="tel:+443001236720"]').first.is_visible()
    page.go_back()
    page.locator(".planner-all").get_by_role("link", name="Worcestershire", exact=True).click()
    page.wait_for_url("**/authorities/worcestershire/")
    assert page.locator('a[href="tel:+441905765765"]').first.is_visible()
    context.close()
