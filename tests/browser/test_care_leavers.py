"""The care leavers' page in Chromium: "Who do I call?" shows both councils' numbers in plain
words with JavaScript, the A to Z reaches them without it, "Nowhere to stay tonight?" shows the
out of hours lines, axe finds nothing, and 320 px does not scroll sideways."""
from __future__ import annotations

import pytest

from pathlib import Path


from tests.browser.conftest import axe_violations, choose

SHOTS = Path(__file__).resolve().parents[2] / "test-results"
PAGE = "care-leavers/"
SHARED = PAGE + "?from=lancashire&to=district-wychavon"
JARGON = ("responsible authority", "receiving authority", "lead officer", "public line")


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_pick_lancashire_and_wychavon_shows_both_councils_numbers(page, base_url):
    page.goto(base_url + PAGE)
    choose(page, "Where were you in care?", "lanc", "Lancashire")
    choose(page, "Where do you live now?", "wych", "Wychavon (Worcestershire)")
    page.get_by_role("button", name="Show their numbers").click()
    result = page.locator("[data-call-result]")
    result.locator("h3", has_text="Where you live now: Worcestershire").wait_for()
    inCare = result.locator("section", has=page.locator("h3", has_text="Where you were in care: Lancashire"))
    lines = inCare.locator("li")
    # Calling order: out of hours before the main number (Lancashire has no team line on this site).
    # each part of a line on its own line (issue 18 item 4: the hours beside every number): words compared
    assert " ".join(lines.nth(0).inner_text().split()).startswith("Out of hours emergency line: 0300 123 6722")
    # three sources give it; the council's own page stands for them, said plainly
    assert "From the council’s own website or papers" in lines.nth(0).inner_text()
    assert inCare.locator("a[href='tel:+443001236722']").count() == 1
    # the switchboard's own words: what to say when you ring
    assert "Tell them you are a care leaver who wants to continue accessing leaving care services" in inCare.inner_text()
    assert inCare.locator("a[href='tel:+443001236720']").count() == 1     # its front door shares the number
    now = result.locator("section", has=page.locator("h3", has_text="Where you live now: Worcestershire"))
    assert "You live in Wychavon." in now.inner_text()
    assert now.locator("a[href='tel:+441905765765']").count() == 1
    assert " ".join(now.locator("li").nth(0).inner_text().split()).startswith("Out of hours emergency line: 01905 768020")
    assert "Ask for the leaving care team." in now.inner_text()
    text = result.inner_text().lower()
    for word in JARGON:
        assert word not in text, word
    # Nowhere to stay tonight: the out of hours lines of both.
    tonight = " ".join(page.locator("[data-tonight]").inner_text().split())
    assert "Out of hours, Worcestershire (where you live now): Out of hours emergency line: 01905 768020 Open: 5.00pm-8.30am weekdays" in tonight
    assert "Out of hours, Lancashire (where you were in care): Out of hours emergency line: 0300 123 6722 Open: out of hours." in tonight
    assert "01524 585938" not in tonight                    # a line for another group: not at a glance
    assert "We do not have an out of hours number" not in tonight
    assert page.url.endswith(SHARED + "#who-do-i-call")


def test_a_shared_link_shows_the_same_numbers(page, base_url):
    page.goto(base_url + SHARED)
    page.locator("[data-call-result] a[href='tel:+441905765765']").wait_for()
    assert page.locator("#call-to").input_value() == "district-wychavon"
    # "See what applies to me" keeps the two councils: nothing to type again
    mine = page.get_by_role("link", name="See what applies to me").get_attribute("href")
    assert mine.endswith("local-offers/mine/?from=lancashire&to=district-wychavon"), mine


def test_without_javascript_the_list_reaches_both_councils_numbers(browser, base_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(base_url + PAGE)
    assert not page.locator("[data-call-form]").is_visible()
    page.locator(".cl-call__list a").click()
    page.wait_for_url("**/care-leavers/councils/")
    assert page.locator("#lancashire a[href='tel:+443001236722']").is_visible()
    page.get_by_role("link", name="Worcestershire", exact=True).last.click()     # Wychavon: its county
    assert page.url.endswith("#worcestershire")
    assert page.locator("#worcestershire a[href='tel:+441905765765']").is_visible()
    context.close()


def test_axe_320_px_and_screenshots(browser, base_url):
    SHOTS.mkdir(exist_ok=True)
    failures = []
    for width in (320, 375, 1280):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        for url, name in ((SHARED, "care-leavers"), ("care-leavers/councils/", "care-leavers-councils")):
            page.goto(base_url + url)
            if url == SHARED:
                page.locator("[data-call-result] a.phone").first.wait_for()
                page.locator("details.cl-law").first.evaluate("d => d.open = true")
            assert no_horizontal_scroll(page), (url, width)
            if width != 320:     # the A to Z is 153 councils long: its first screen is what to look at
                page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=url == SHARED)
            if url == SHARED:    # the A to Z gets axe at these widths, its panels open, in test_tonight.py
                failures += axe_violations(page, f"{url} at {width}")
        context.close()
    assert not failures, "\n".join(failures)
