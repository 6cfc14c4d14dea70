"""The directory and the planner in Chromium."""
from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import choose, search
from tests.support import real_site


def visible_councils(page):
    return page.locator("[data-council]:visible").count()


def test_the_filter_narrows_the_list(page, base_url):
    page.goto(base_url + "authorities/")
    assert visible_councils(page) == 153
    page.get_by_label("Filter by council name, region or type").fill("worcester")
    assert visible_councils(page) == 1
    assert page.get_by_role("status").inner_text() == "1 council matches"
    west_midlands = page.locator("[data-region-group]:visible .region__count")
    assert re.fullmatch(r"\(1 of \d+\)", west_midlands.inner_text())        # the count follows the filter
    page.get_by_label("Filter by council name, region or type").fill("yorkshire and the humber")
    assert visible_councils(page) == 15
    page.get_by_label("Filter by council name, region or type").fill("london borough")
    assert visible_councils(page) == 32
    page.get_by_label("Filter by council name, region or type").fill("amber valley")   # a district finds its county
    assert page.locator("[data-council]:visible .council__name").inner_text() == "Derbyshire"
    page.get_by_label("Filter by council name, region or type").fill("")
    assert visible_councils(page) == 153
    assert "of" not in page.locator(".region__count").first.inner_text()


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
    choose(page, "The council that looked after them", "lanc", "Lancashire")
    choose(page, "Where they live now", "worc", "Worcestershire")
    page.get_by_role("button", name="Show both councils").click()
    result = page.locator("[data-planner-result]")
    expect(result).to_contain_text("Responsible authority: Lancashire")
    assert "Receiving authority: Worcestershire" in result.inner_text()
    # once per distinct line that gives it (two sources of one line show as one)
    lancashire = next(a for a in real_site().authorities.values() if a.slug == "lancashire")
    assert result.locator('a[href="tel:+443001236720"]').count() == sum(
        1 for line in lancashire.entry.distinct_lines for p in line.phones if p.tel == "+443001236720")
    assert result.locator('a[href="tel:+441905765765"]').count() == 1
    assert "from=lancashire" in page.url and "to=worcestershire" in page.url
    # the shared link shows the same pair
    page.goto(page.url)
    expect(page.locator("[data-planner-result]")).to_contain_text("Receiving authority: Worcestershire")


def test_the_planner_resolves_a_district_to_its_county(page, base_url):
    page.goto(base_url + "moving/?from=lancashire&to=district-amber-valley")
    expect(page.locator("[data-planner-result]")).to_contain_text("Receiving authority: Derbyshire")
    text = page.locator("[data-planner-result]").inner_text()
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


def test_the_planner_shows_the_receiving_councils_out_of_hours_line_after_its_team_line(page, base_url):
    page.goto(base_url + "moving/?from=lancashire&to=hackney")
    receiving = page.locator(".planner-card").nth(1)
    expect(receiving).to_contain_text("Receiving authority: Hackney")
    kinds = receiving.locator("[data-line]").evaluate_all("els => els.map(e => e.getAttribute('data-line'))")
    # the team line first; out of hours after it (December's research added Hackney's front door)
    assert kinds[0] == "leaving-care-team" and "emergency-duty-out-of-hours" in kinds[1:]
    team = receiving.locator('[data-line="leaving-care-team"]')
    ooh = receiving.locator('[data-line="emergency-duty-out-of-hours"]')
    assert "Leaving care team" in team.inner_text() and team.locator('a[href="tel:+442083564603"]').count() == 1
    assert "Out of hours" in ooh.inner_text() and ooh.locator('a[href="tel:+442083562710"]').count() == 1
    assert "Undated source, read 2026-11-22" in ooh.inner_text()      # status and age on every line


def test_the_planner_lancashire_to_worcestershire_shows_each_line_with_its_kind_and_status(page, base_url):
    page.goto(base_url + "moving/?from=lancashire&to=worcestershire")
    expect(page.locator(".planner-card")).to_have_count(2)
    responsible, receiving = page.locator(".planner-card").all()
    kinds = responsible.locator("[data-line]").evaluate_all("els => els.map(e => e.getAttribute('data-line'))")
    assert kinds.index("emergency-duty-out-of-hours") < kinds.index("council-switchboard")
    assert "Council switchboard" in receiving.inner_text() and "Source dated 2017-11-30" in receiving.inner_text()
    assert "No lead officer registered yet" in receiving.inner_text()


def test_an_incomplete_number_is_never_a_tel_link_in_the_planner(page, base_url):
    page.goto(base_url + "moving/?from=hampshire&to=southampton")
    result = page.locator("[data-planner-result]")
    expect(result.locator("[data-incomplete]")).to_have_count(2)
    for href in result.locator('a[href^="tel:"]').evaluate_all("els => els.map(e => e.getAttribute('href'))"):
        assert href not in ("tel:+44300555137", "tel:+4423825454"), href
    assert "prints an incomplete number" in result.inner_text()


def test_the_directory_filters_to_councils_with_no_leaving_care_line(page, base_url):
    page.goto(base_url + "authorities/")
    teams = page.locator('[data-council][data-best="team"]').count()
    assert teams > 30
    page.get_by_label("Only councils with no leaving care line yet").check()
    assert visible_councils(page) == 153 - teams
    assert page.locator('[data-council][data-best="team"]:visible').count() == 0
    page.get_by_label("Filter by council name, region or type").fill("hackney")     # has a team line
    assert visible_councils(page) == 0
    page.get_by_label("Only councils with no leaving care line yet").uncheck()
    assert visible_councils(page) == 1


def test_without_javascript_the_gaps_have_their_own_page(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "authorities/")
    page.get_by_role("link", name="councils with no leaving care line yet").first.click()
    page.wait_for_url("**/authorities/no-leaving-care-line/")
    assert page.get_by_role("link", name="Hampshire", exact=True).is_visible()
    assert page.get_by_role("link", name="Hackney", exact=True).count() == 0
    page.goto(base_url + "authorities/hackney/")
    assert page.locator('[data-line="leaving-care-team"] a[href="tel:+442083564603"]').is_visible()
    context.close()


CHANGED = ["authorities/", "authorities/no-leaving-care-line/", "authorities/lancashire/", "authorities/hampshire/",
           "authorities/stockton-on-tees/", "authorities/bradford/", "authorities/birmingham/", "coverage/", "data/",
           "moving/?from=lancashire&to=hackney", "moving/?from=hampshire&to=stockton-on-tees"]


def test_axe_finds_nothing_on_the_changed_pages_and_they_fit_at_320px(browser, base_url):
    from tests.browser.conftest import axe_violations, goto_settled
    from tests.browser.test_site import SHOTS, no_horizontal_scroll
    failures = []
    for javascript in (True, False):
        context = browser.new_context(viewport={"width": 320, "height": 700}, java_script_enabled=javascript)
        page = context.new_page()
        for url in CHANGED:
            goto_settled(page, base_url + url)               # the planner draws the councils it fetched
            if not no_horizontal_scroll(page):
                failures.append(f"{url}: scrolls sideways at 320px (js={javascript})")
            if url == "coverage/":      # its tables are cards on a phone, not cut off on the right (m5)
                cut = page.evaluate("[...document.querySelectorAll('.table-wrap')]"
                                    ".filter(w => w.scrollWidth > w.clientWidth + 1).length")
                if cut:
                    failures.append(f"coverage/: {cut} tables cut off on the right at 320px (js={javascript})")
            if javascript:
                failures += axe_violations(page, url)
        context.close()
    for width in (375, 1280):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        for url in ("authorities/stockton-on-tees/", "moving/?from=lancashire&to=hackney", "authorities/"):
            page.goto(base_url + url)
            SHOTS.mkdir(exist_ok=True)
            page.screenshot(path=str(SHOTS / f"contacts-{url.split('?')[0].strip('/').replace('/', '_')}-{width}.png"),
                            full_page=False)
        context.close()
    assert not failures, "\n".join(failures)
