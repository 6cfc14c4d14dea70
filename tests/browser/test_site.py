"""The real site in a real Chromium: widths, search, accessibility, privacy, no JavaScript."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import axe_violations, goto_settled, in_flight, search, site_pages, with_axe

SHOTS = Path(__file__).resolve().parents[2] / "test-results"


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("url", ["", "protocol/", "protocol/#para-9-3", "glossary/", "documents/lancashire-guidance/"])
def test_pages_fit_the_screen(browser, base_url, url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(base_url + url)
    assert page.locator("h1").first.is_visible()
    assert no_horizontal_scroll(page), f"{url} scrolls sideways at {width}px"
    if "#" in url:
        anchor = url.split("#")[1]
        box = page.locator(f"#{anchor}").bounding_box()
        assert box is not None and 0 <= box["y"] < 800, "the deep link does not land on its paragraph"
    SHOTS.mkdir(exist_ok=True)
    name = (url.replace("/", "_").replace("#", "-") or "home")
    page.screenshot(path=str(SHOTS / f"{name}-{width}.png"))
    context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_page_is_usable_at_320px(browser, base_url, javascript):
    context = browser.new_context(viewport={"width": 320, "height": 640}, java_script_enabled=javascript)
    page = context.new_page()
    for url in ["", "protocol/", "practitioners/", "authorities/", "authorities/lancashire/", "moving/",
                "moving/?from=lancashire&to=worcestershire", "coverage/", "lead-officers/your-entry/",
                "decisions/unplanned-move/", "decisions/unplanned-move/o-receiving-unplanned/"]:
        goto_settled(page, base_url + url)            # the planner draws the councils it fetched
        assert no_horizontal_scroll(page), url
    context.close()


def test_search_for_unplanned_lists_paragraph_9_3_and_8_11(page, base_url):
    hrefs = search(page, base_url, "unplanned")
    assert any(h.endswith("protocol/#para-9-3") for h in hrefs), hrefs
    assert any(h.endswith("protocol/#para-8-11") for h in hrefs), hrefs   # by its topic label


def test_search_for_emergency_financial_assistance_finds_8_11(page, base_url):
    hrefs = search(page, base_url, "emergency financial assistance")
    assert any(h.endswith("protocol/#para-8-11") for h in hrefs), hrefs


def test_search_for_a_glossary_term_finds_its_entry(page, base_url):
    hrefs = search(page, base_url, "staying put")
    assert any(h.endswith("glossary/#staying-put") for h in hrefs), hrefs


# The whole-site checks run in slices of the page list, so each slice stays inside the
# per-test time limit however many pages the site has (577 with the local offers), and the slices
# spread over the pytest-xdist workers. One visit per page does every check that needs JavaScript
# (axe, requests, content policy); the JavaScript-off check needs its own context, below.
SLICES = 24


@pytest.mark.parametrize("part", range(SLICES), ids=lambda i: f"part{i + 1}of{SLICES}")
def test_every_page_passes_axe_asks_nothing_of_another_host_and_keeps_the_content_policy(
        browser, base_url, built_site, part):
    # The offline worker is left out here: it would copy each of the ~600 pages into the phone's
    # store as it goes. What it fetches is checked by tests/browser/test_offline.py and
    # test_weight.py (no other host), and its own pages are among those visited here.
    context = with_axe(browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block"))
    page = context.new_page()
    host = urlsplit(base_url).netloc
    elsewhere, refused, failures, pending = [], [], [], in_flight(page)
    page.on("request", lambda r: elsewhere.append(r.url)
            if urlsplit(r.url).scheme in ("http", "https", "ws", "wss") and urlsplit(r.url).netloc != host else None)
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    for url in site_pages(built_site)[part::SLICES]:
        page.goto(base_url + url)
        failures += axe_violations(page, url or "/")
        # What the page fetches late (cards, offers, the search index) is seen too: once axe is
        # done, wait until nothing is in flight (not for networkidle's fixed half second of quiet).
        for _ in range(100):
            if not pending:
                break
            page.wait_for_timeout(20)
        pending.clear()
    # search loads its engine and index when opened: that must stay on the site too (once a run)
    if part == 0:
        assert search(page, base_url, "protocol")
    context.close()
    assert not failures, "axe:\n" + "\n".join(failures)
    assert not elsewhere, elsewhere
    assert not refused, refused


def test_axe_finds_nothing_on_a_phone_with_the_menu_open(browser, base_url):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(base_url + "protocol/")
    page.get_by_role("button", name="Menu").click()
    page.locator(".md-nav--primary").first.wait_for()
    violations = axe_violations(page)
    context.close()
    assert not violations, "\n".join(violations)


@pytest.mark.parametrize("part", range(SLICES), ids=lambda i: f"part{i + 1}of{SLICES}")
def test_every_page_works_without_javascript(browser, base_url, built_site, part):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    page = context.new_page()
    for url in site_pages(built_site)[part::SLICES]:
        response = page.goto(base_url + url)
        assert response.ok or url == "404.html"
        assert page.locator("article h1").first.is_visible(), url
    # following links works: home -> practitioners -> a paragraph of the protocol (once a run)
    if part == 0:
        page.goto(base_url)
        page.get_by_role("link", name="The rules in brief").click()
        page.wait_for_url("**/practitioners/")
        page.locator("a.cite", has_text="National Protocol 9.3").first.click()
        page.wait_for_url("**/protocol/#para-9-3")
        assert page.locator("#para-9-3").is_visible()
    context.close()


def test_keyboard_alone_reaches_the_three_starts(page, base_url):
    page.goto(base_url)
    names = []
    for _ in range(40):
        page.keyboard.press("Tab")
        names.append(page.evaluate("document.activeElement.textContent.trim()"))
        if "Your role under the protocol" in names:
            break
    assert {"A care leaver has turned up here", "What should happen when you move", "Your role under the protocol"} <= set(names)
    page.keyboard.press("Enter")
    page.wait_for_url("**/lead-officers/")


def test_copy_link_copies_the_paragraph_address(browser, base_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(base_url + "protocol/")
    page.get_by_role("button", name="Copy link to paragraph 9.3").click()
    assert page.evaluate("navigator.clipboard.readText()") == base_url + "protocol/#para-9-3"
    assert page.get_by_role("status").filter(has_text="Link copied").count() == 1
    context.close()


def test_on_a_phone_the_keyboard_reaches_skip_link_and_menu_and_not_the_closed_drawer(browser, base_url):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(base_url + "authorities/lancashire/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to content"
    focused = []
    for _ in range(6):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("document.activeElement.getAttribute('aria-label') || document.activeElement.textContent.trim()"))
        if focused[-1] == "Menu":
            break
    assert focused[-1] == "Menu", focused
    assert not page.evaluate("document.activeElement.closest('.md-sidebar--primary')")
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__drawer').checked")
    assert page.locator(".md-sidebar--primary").get_by_role("link", name="Moving between councils").is_visible()
    context.close()


def test_without_javascript_the_search_control_is_a_link_to_a_page_that_says_what_to_use(browser, base_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(base_url + "protocol/")
    control = page.get_by_role("link", name="Search")
    assert control.is_visible()
    control.click()
    page.wait_for_url("**/search/")
    assert page.get_by_text("Search needs JavaScript").is_visible()
    for name in ("the contents", "the A to Z of councils", "the glossary"):
        assert page.get_by_role("link", name=name).is_visible(), name
    page.get_by_role("link", name="the A to Z of councils").click()
    page.wait_for_url("**/authorities/#a-to-z-h")
    context.close()
