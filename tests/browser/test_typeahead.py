"""Choosing a council by type-ahead (assets/typeahead.js over the vendored accessible-autocomplete):
by keyboard, districts that find their county, the plain select without JavaScript or without
the library, axe with the menu open, 320 px and tap targets."""
from __future__ import annotations

import re

import pytest

from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, choose

FROM = "The council that looked after them"
TO = "Where they live now"
# Every template with a type-ahead, a box on it, and letters that open its menu.
ENHANCED = [("moving/", TO, "worc"),
            ("decisions/unplanned-move/", FROM, "preston"),
            ("local-offers/mine/", "The council that last looked after you", "preston"),
            ("local-offers/compare/", "Council 1", "lanc")]


def suggestions(page, label):
    box = page.get_by_role("combobox", name=label)
    listbox = page.locator("#" + box.get_attribute("aria-controls"))
    listbox.get_by_role("option").first.wait_for()
    return [t.strip() for t in listbox.get_by_role("option").all_inner_texts()]


def test_the_planner_by_keyboard_alone(page, base_url):
    page.goto(base_url + "moving/")
    box = page.get_by_role("combobox", name=FROM)
    box.focus()
    page.keyboard.type("lanc")
    page.keyboard.press("Enter")                       # the first suggestion is selected as you type
    assert box.input_value() == "Lancashire"
    page.keyboard.press("Tab")
    to = page.get_by_role("combobox", name=TO)
    assert page.evaluate("document.activeElement.id") == to.get_attribute("id")
    page.keyboard.type("worc")
    assert suggestions(page, TO)[:2] == ["Worcestershire", "Worcester (Worcestershire)"]
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent") == "Worcester (Worcestershire)"
    page.keyboard.press("Enter")
    assert to.input_value() == "Worcester (Worcestershire)"
    assert page.evaluate("document.activeElement.id") == to.get_attribute("id")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")                       # "Show both councils"
    result = page.locator("[data-planner-result]")
    expect(result.locator("h2")).to_have_text("Lancashire to Worcester (Worcestershire)")
    assert "Receiving authority: Worcestershire" in result.inner_text()
    assert "from=lancashire" in page.url and "to=district-worcester" in page.url


def test_a_district_in_the_councils_only_list_offers_its_county(page, base_url):
    page.goto(base_url + "moving/")
    page.get_by_role("combobox", name=FROM).fill("preston")
    assert suggestions(page, FROM) == ["Lancashire (Preston is in Lancashire)"]
    page.get_by_role("combobox", name=FROM).fill("worcester")
    assert suggestions(page, FROM) == ["Worcestershire"]
    page.get_by_role("combobox", name=FROM).fill("amber")
    assert suggestions(page, FROM) == ["Derbyshire (Amber Valley is in Derbyshire)"]
    # where they live lists districts themselves
    page.get_by_role("combobox", name=TO).fill("preston")
    assert suggestions(page, TO) == ["Preston (Lancashire)"]
    choose(page, FROM, "preston", "Lancashire (Preston is in Lancashire)")
    assert page.locator("#planner-from").input_value() == "lancashire"
    assert page.get_by_role("combobox", name=FROM).input_value() == "Lancashire"


def test_a_shared_link_fills_the_boxes_and_a_cleared_box_clears_the_choice(page, base_url):
    page.goto(base_url + "moving/?from=lancashire&to=district-preston")
    expect(page.locator("[data-planner-result]")).to_contain_text("Receiving authority: Lancashire")
    # the link named both: the pickers wait folded, and their library is not fetched until opened
    assert page.get_by_role("combobox", name=FROM).count() == 0
    assert page.evaluate("!window.accessibleAutocomplete")
    page.get_by_role("button", name="Change the councils").click()
    # the library's box, not the <select> it replaces (a <select> is a combobox too, for a moment)
    box = page.locator("input").and_(page.get_by_role("combobox", name=FROM))
    expect(box).to_be_focused()
    assert box.input_value() == "Lancashire"
    assert page.get_by_role("combobox", name=TO).input_value() == "Preston (Lancashire)"
    # words that name no council must not leave the old choice in the form
    box.fill("nowhere at all")
    assert suggestions(page, FROM) == ["No council or district matches"]
    page.keyboard.press("Tab")
    expect(page.locator("#planner-from")).to_have_value("")     # (a polled string would meet the content policy)
    page.get_by_role("button", name="Show both councils").click()
    expect(page.locator("[data-planner-result]")).to_have_text("Choose both councils.")


def test_choosing_fires_change_on_the_select(page, base_url):
    page.goto(base_url + "local-offers/compare/?c=lancashire,surrey")
    page.locator(".compare-row").first.wait_for()
    assert page.get_by_role("combobox", name="Council 2").input_value() == "Surrey"
    choose(page, "Council 3 (optional)", "derb", "Derby")     # compare redraws on change
    page.locator(".compare-cells li", has_text="Derby").first.wait_for()
    assert page.url.endswith("?c=lancashire,surrey,derby")


def test_the_tree_start_pair_form_by_type_ahead(page, base_url):
    page.goto(base_url + "decisions/unplanned-move/")
    choose(page, FROM, "preston", "Lancashire (Preston is in Lancashire)")
    choose(page, TO, "worcester", "Worcester (Worcestershire)")
    page.get_by_role("button", name="Start with these councils").click()
    page.wait_for_url("**/q-your-council/**")
    assert "from=lancashire" in page.url and "to=district-worcester" in page.url


def test_local_offers_mine_by_type_ahead(page, base_url):
    page.goto(base_url + "local-offers/mine/")
    choose(page, "The council that last looked after you", "lanc", "Lancashire")
    choose(page, "Where you live now", "wych", "Wychavon (Worcestershire)")
    page.get_by_role("button", name="Show what applies to me").click()
    page.locator("section[aria-labelledby='part-2']").wait_for()
    assert page.url.endswith("?from=lancashire&to=district-wychavon")


def test_without_javascript_the_select_is_the_form(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "decisions/unplanned-move/")
    assert page.get_by_role("combobox", name=FROM).evaluate("e => e.tagName") == "SELECT"
    page.get_by_label(FROM).select_option("lancashire")
    page.get_by_label("Where they live now (a council or a district)").select_option("district-worcester")
    page.get_by_role("button", name="Start with these councils").click()
    page.wait_for_url("**/q-your-council/**")
    assert "from=lancashire" in page.url and "to=district-worcester" in page.url
    page.goto(base_url + "moving/")
    assert page.locator("select#planner-from[name='from']").count() == 1
    context.close()


def test_if_the_library_does_not_load_the_select_still_works(browser, base_url):
    context = browser.new_context()
    # the library is named with its content hash (…min.js?v=…): the query is matched too
    context.route(re.compile(r"/vendor/accessible-autocomplete/[^/?]*\.js(\?|$)"), lambda route: route.abort())
    page = context.new_page()
    page.goto(base_url + "moving/")
    page.get_by_label(FROM).select_option(label="Lancashire")
    page.get_by_label(TO).select_option(label="Worcestershire")
    page.get_by_role("button", name="Show both councils").click()
    expect(page.locator("[data-planner-result]")).to_contain_text("Receiving authority: Worcestershire")
    context.close()


def test_only_pages_with_a_type_ahead_load_the_library(page, base_url):
    loaded = []
    page.on("request", lambda r: loaded.append(r.url) if "accessible-autocomplete" in r.url else None)
    page.goto(base_url + "decisions/step-down/")             # no pair of councils on this tree
    page.wait_for_load_state("networkidle")
    page.goto(base_url + "authorities/")
    page.wait_for_load_state("networkidle")
    assert loaded == []
    page.goto(base_url + "moving/")
    page.get_by_role("combobox", name=FROM).wait_for()
    assert sorted(u.rsplit("/", 1)[1].split("?")[0] for u in loaded) == ["accessible-autocomplete.min.css",
                                                             "accessible-autocomplete.min.js"]


@pytest.mark.parametrize("url,label,typed", ENHANCED, ids=[e[0].strip("/") for e in ENHANCED])
def test_axe_finds_nothing_with_the_menu_open(browser, base_url, url, label, typed):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(base_url + url)
    page.get_by_role("combobox", name=label).fill(typed)
    assert suggestions(page, label)
    violations = axe_violations(page)
    context.close()
    assert not violations, "\n".join(violations)
    assert not refused, refused


def test_at_320_px_no_sideways_scroll_and_targets_big_enough(browser, base_url):
    context = browser.new_context(viewport={"width": 320, "height": 700})
    page = context.new_page()
    page.goto(base_url + "moving/")
    page.get_by_role("combobox", name=TO).fill("n")     # long names: King's Lynn and West Norfolk (Norfolk)
    assert len(suggestions(page, TO)) > 20
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    boxes = page.evaluate("""[...document.querySelectorAll('.atlas-typeahead input:not([tabindex="-1"]),'
                                + ' .atlas-typeahead [role=option]')].slice(0, 30)
                             .map(e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; })""")
    assert boxes and all(w >= 24 and h >= 24 for w, h in boxes), boxes
    context.close()


def test_official_names_and_short_forms_find_their_council_and_a_box_left_unchosen_says_so(page, base_url):
    page.goto(base_url + "moving/")
    box = page.get_by_role("combobox", name=FROM)
    for typed, first in (("Derby City Council", "Derby"), ("London Borough of Hackney", "Hackney"),
                         ("Lancs", "Lancashire"), ("hants", "Hampshire"), ("Worcestershire County Council", "Worcestershire")):
        box.fill(typed)
        assert suggestions(page, FROM)[0] == first, typed
    box.fill("Narnia")
    page.keyboard.press("Tab")
    message = page.locator(".atlas-typeahead__message").first
    expect(message).to_have_text("Not chosen: type a few letters and pick a council from the list.")
    assert page.locator("#planner-from").input_value() == ""
    choose(page, FROM, "lanc", "Lancashire")
    expect(message).to_be_hidden()
