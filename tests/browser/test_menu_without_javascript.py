"""The site's menu on a phone with JavaScript turned off (WCAG 2.1.1 Keyboard): a real link,
"Menu", opens the drawer (by :target, assets/atlas.css) with every link in it reachable by Tab,
and "Close menu" puts it away again. Driven with page.keyboard alone."""
from __future__ import annotations

import re

import pytest

from tests.browser.conftest import axe_violations
from tests.browser.test_accessibility import FOCUSED, focused_text, hidden_by_header, tab_to

NO_SCROLL = "document.documentElement.scrollWidth <= innerWidth"
DRAWER = ".md-sidebar--primary"


def _open(browser, base_url, width, url="glossary/"):
    context = browser.new_context(java_script_enabled=False, viewport={"width": width, "height": 640})
    page = context.new_page()
    page.goto(base_url + url)
    return context, page


def _press_menu(page):
    """Tab from the top of the page to the menu control (a few presses), then Enter."""
    tab_to(page, "el => (el.getAttribute('aria-label') || el.textContent).trim() === 'Menu'", "the menu", limit=5)
    assert not page.evaluate(f"!!{FOCUSED}.closest('{DRAWER}')"), "Tab went into the closed drawer"
    assert hidden_by_header(page) is None
    page.keyboard.press("Enter")


@pytest.mark.parametrize("width", [375, 320])
def test_without_javascript_the_keyboard_opens_the_menu_and_follows_a_link(browser, base_url, width):
    context, page = _open(browser, base_url, width)
    assert not page.locator(DRAWER).is_visible()
    _press_menu(page)
    assert page.locator(DRAWER).is_visible()
    assert page.evaluate(NO_SCROLL), "the open menu scrolls sideways"
    # Every link of the menu is reachable, in sections too, each on screen and not under the header.
    seen = []
    for _ in range(40):
        page.keyboard.press("Tab")
        if not page.evaluate(f"!!{FOCUSED}.closest('{DRAWER}')"):
            break
        assert page.evaluate(f"{FOCUSED}.checkVisibility({{opacityProperty: true, visibilityProperty: true}})"), focused_text(page)
        assert hidden_by_header(page) is None, focused_text(page)
        seen.append(focused_text(page))
    for name in ("National Protocol", "Moving between councils", "Timescales calculator", "Accessibility"):
        assert name in seen, (name, seen)
    # Back up to "National Protocol", and Enter follows it.
    tab_to(page, "el => el.textContent.trim() === 'National Protocol'", "National Protocol", limit=40, key="Shift+Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/protocol/")
    assert page.locator("h1").first.is_visible()
    assert not page.locator(DRAWER).is_visible(), "the menu stays open on the next page"
    context.close()


def test_without_javascript_close_menu_puts_it_away_and_returns_to_the_menu_link(browser, base_url):
    context, page = _open(browser, base_url, 375, "protocol/")
    page.mouse.wheel(0, 1500)
    page.wait_for_function("() => scrollY > 1000")
    _press_menu(page)
    y = page.evaluate("scrollY")
    assert y > 1000, "opening the menu lost the reader's place"
    # Focus is on "Close menu", which covers the rest of the screen, like the theme's overlay.
    assert focused_text(page) == "Close menu"
    assert hidden_by_header(page) is None
    page.keyboard.press("Enter")
    assert not page.locator(DRAWER).is_visible()
    assert focused_text(page) == "Menu", "focus does not return to the menu link"
    assert page.evaluate("scrollY") == y, "closing the menu lost the reader's place"
    context.close()


def test_with_javascript_the_link_is_not_there_and_the_button_still_is(browser, base_url):
    context = browser.new_context(viewport={"width": 375, "height": 640})
    page = context.new_page()
    page.goto(base_url + "glossary/")
    assert page.get_by_role("button", name="Menu", exact=True).is_visible()
    assert not page.get_by_role("link", name="Menu", exact=True).is_visible()
    context.close()


def test_back_to_a_page_does_not_reopen_its_menu(browser, base_url):
    """The drawer's checkbox is not ticked again by the browser on Back, leaving the menu open
    with its button saying "collapsed": it takes autocomplete="off" from its own form
    (macros/core/html_fixes.py, docs-dev/valid-html.md). Playwright's Chromium has no back/forward
    cache, so the page is loaded again and its form state restored; the offline worker is blocked
    (a first visit, private mode), as a page it serves is not restored (without the form attribute
    this test fails only without the worker)."""
    context = browser.new_context(viewport={"width": 375, "height": 640}, service_workers="block")
    page = context.new_page()
    page.goto(base_url + "glossary/")
    page.get_by_role("button", name="Menu", exact=True).click()
    assert page.evaluate("document.getElementById('__drawer').checked")
    page.goto(base_url + "about/")
    page.go_back()
    assert page.url == base_url + "glossary/"
    assert not page.evaluate("document.getElementById('__drawer').checked")
    assert page.get_by_role("button", name="Menu", exact=True).get_attribute("aria-expanded") == "false"
    context.close()


def _without_scripts(route):
    """The page as a browser without JavaScript gets it, minus its <script> elements."""
    if route.request.resource_type == "script":
        return route.abort()
    if route.request.resource_type != "document":
        return route.continue_()
    response = route.fetch()
    route.fulfill(response=response, body=re.sub(r"<script\b.*?</script>", "", response.text(), flags=re.S | re.I))


@pytest.mark.parametrize("state", ["closed", "open"])
def test_without_javascript_axe_finds_nothing_with_the_menu(browser, base_url, state):
    # axe needs timers, which a page with JavaScript turned off does not run: so the page's own
    # scripts are taken out instead, which leaves what a browser without JavaScript shows.
    context = browser.new_context(viewport={"width": 375, "height": 640})
    context.route("**/*", _without_scripts)
    page = context.new_page()
    page.goto(base_url + "authorities/lancashire/")
    assert page.evaluate("!document.documentElement.classList.contains('atlas-js')")
    assert page.get_by_role("link", name="Menu", exact=True).is_visible()
    if state == "open":
        _press_menu(page)
        assert page.locator(DRAWER).is_visible()
    violations = axe_violations(page)
    context.close()
    assert not violations, "\n".join(violations)


@pytest.mark.parametrize("width", [375, 320])
def test_with_javascript_every_link_in_the_drawer_is_reached_by_tab_and_seen(browser, base_url, width):
    """The drawer atlas.js opens with its Menu button: the sections' names are labels no keyboard
    opens, so the sections are laid flat, and no link is tabbed through while invisible."""
    context = browser.new_context(viewport={"width": width, "height": 640})
    page = context.new_page()
    page.goto(base_url + "glossary/")
    page.get_by_role("button", name="Menu").focus()
    page.keyboard.press("Enter")
    seen = []
    for _ in range(60):
        page.keyboard.press("Tab")
        if not page.evaluate(f"!!{FOCUSED}.closest('{DRAWER}')"):
            if seen:
                break
            continue
        assert page.evaluate(f"{FOCUSED}.checkVisibility({{opacityProperty: true, visibilityProperty: true}})"), focused_text(page)
        seen.append(focused_text(page))
    for name in ("National Protocol", "Moving between councils", "Timescales calculator", "Accessibility"):
        assert name in seen, (name, seen)
    context.close()
