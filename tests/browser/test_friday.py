"""The practitioner's minute (issue 12): a Lancashire care leaver turns up in Worcestershire on a
Friday afternoon. From the home page on a 375×800 phone to the steps, the deadline date, who pays,
both councils' numbers and a copied record, in at most 5 taps."""
from __future__ import annotations

import re

import pytest

from playwright.sync_api import expect

from tests.browser.conftest import choose

PHONE = {"width": 375, "height": 800}
LANCASHIRE_OUT_OF_HOURS = "0300 123 6722"
WORCESTERSHIRE_SWITCHBOARD = "01905 765765"


class Taps:
    """Counts what the practitioner does: a tap on a link or button, or choosing one council."""

    def __init__(self, page):
        self.page = page
        self.count = 0

    def tap(self, locator):
        locator.click()
        self.count += 1

    def choose(self, label: str, typed: str, name: str):
        """Pick a council in the type-ahead: a few letters, then tap the suggestion (one tap)."""
        choose(self.page, label, typed, name)
        self.count += 1


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, permissions=["clipboard-read", "clipboard-write"])
    yield context.new_page()
    context.close()


def test_the_friday_case_takes_at_most_5_taps_and_the_record_names_both_councils(phone, base_url):
    page, taps = phone, Taps(phone)
    page.goto(base_url)
    taps.tap(page.get_by_role("link", name="A care leaver has turned up here"))
    page.wait_for_url("**/q-receiving-situation/**")
    taps.choose("The council that looked after them", "lanc", "Lancashire")
    taps.choose("Where they live now (a council or a district)", "worc", "Worcestershire")
    taps.tap(page.get_by_role("link", name=re.compile("They moved here at short notice")))
    page.wait_for_url("**/o-receiving-unplanned/**")
    glance = page.locator(".glance")
    glance.locator(".glance__council", has_text="You (Worcestershire)").wait_for()
    # What to do, the deadline as a date, who pays and both councils: all in the box at the top.
    assert glance.locator("dt", has_text="Do now").count() == 1
    # The date first (issue 19), counted from today (said under "How this date is counted").
    assert re.fullmatch(r"(Mon|Tue|Wed|Thu|Fri) \d{1,2} \w{3} 20\d\d", glance.locator(".glance__date").inner_text())
    assert "(today)" in glance.locator("[data-glance-from]").text_content()
    assert glance.locator("dt", has_text="Who pays").count() == 1
    assert glance.get_by_role("link", name=LANCASHIRE_OUT_OF_HOURS).count() == 1
    assert glance.get_by_role("link", name=WORCESTERSHIRE_SWITCHBOARD).count() == 1
    box = glance.bounding_box()
    assert box["y"] < PHONE["height"], "the at-a-glance box starts on the first screen"
    taps.tap(page.get_by_role("button", name="Copy for case notes").first)
    record = page.evaluate("navigator.clipboard.readText()")
    assert taps.count <= 5, f"{taps.count} taps"
    assert "Responsible authority: Lancashire" in record and LANCASHIRE_OUT_OF_HOURS in record
    assert "Receiving authority: Worcestershire" in record and WORCESTERSHIRE_SWITCHBOARD in record
    moving = glance.get_by_role("link", name="Both councils’ contacts, side by side").get_attribute("href")
    assert moving.endswith("moving/?from=lancashire&to=worcestershire")       # the pair is not typed again
    # Each number with its own name and how far it can be trusted, in the box and in the record:
    # two Worcestershire lines are told apart by their teams; an unverified line says so.
    # (Issue 19) The box says what each line is, and leaves out a line for another group, which
    # the record keeps, labelled.
    shown = glance.inner_text()
    # (Issue 18 item 4) Each number says what it is and when it is open (contact_lines.says).
    assert "Council switchboard, Worcestershire Hub:\n01905 765765\nHours not stated\nAsk for the leaving care team.\nFrom the council’s own page" in shown
    assert "Out of hours: emergency duty team:\n01905 768020\nHours: 5.00pm-8.30am weekdays" in shown
    # Lancashire's out-of-hours number: three sources, shown once, by the surest (its own page);
    # its kind said once, not twice in brackets
    assert "Out of hours: emergency duty team, Lancashire Children's Social Care (out of hours):\n0300 123 6722\nHours: out of hours\nFrom the council’s own page" in shown
    assert "(out of hours) (out of hours" not in shown + record
    assert shown.count("0300 123 6722") == 1
    assert "01524 585938" not in shown
    assert "Council switchboard, Worcestershire Hub: 01905 765765 (Hours not stated; " in record
    assert "Council switchboard, Worcestershire County Council: 01905 763763 (Hours not stated; " in record
    assert "Out of hours: emergency duty team: 01905 768020 (Hours: 5.00pm-8.30am weekdays" in record
    assert "source dated 30 November 2017" in record and "due for review" in record
    assert "Children’s services front door, for another group only, Children with Disability duty line: 01524 585938" in record


def test_the_first_question_names_the_councils_filled_in_from_the_link(phone, base_url):
    # Issue 19: the box is always in the page (nothing moves when scripts arrive), filled in
    # when the link carried the councils, so they can still be changed.
    page = phone
    page.goto(base_url + "decisions/unplanned-move/q-receiving-situation/?answers=receiving")
    assert page.locator("[data-pair-pick]").is_visible()
    page.goto(base_url + "decisions/unplanned-move/q-receiving-situation/?answers=receiving"
              "&from=lancashire&to=worcestershire")
    expect(page.get_by_role("combobox", name="The council that looked after them")).to_have_value("Lancashire")
    answer = page.get_by_role("link", name=re.compile("They moved here at short notice"))
    assert "from=lancashire" in answer.get_attribute("href")


def test_the_councils_picker_is_hidden_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + "decisions/unplanned-move/q-receiving-situation/")
    assert not page.locator("[data-pair-pick]").is_visible()     # nothing could carry the choice
    assert page.get_by_role("link", name=re.compile("They moved here at short notice")).is_visible()
    context.close()


def test_a_shared_planner_link_reaches_the_receiving_outcome_with_both_contacts_in_one_tap(phone, base_url):
    page = phone
    page.goto(base_url + "moving/?from=lancashire&to=worcestershire")
    page.get_by_role("link", name=re.compile("You are Worcestershire and they have turned up")).click()
    page.wait_for_url("**/o-receiving-unplanned/**")
    assert "answers=receiving,unplanned" in page.url
    assert "from=lancashire" in page.url and "to=worcestershire" in page.url
    glance = page.locator(".glance")
    glance.locator(".glance__council", has_text="You (Worcestershire)").wait_for()
    assert glance.get_by_role("link", name=LANCASHIRE_OUT_OF_HOURS).count() == 1
    assert glance.get_by_role("link", name=WORCESTERSHIRE_SWITCHBOARD).count() == 1


def test_the_planners_step_links_carry_the_pair_to_the_exact_outcome(phone, base_url):
    page = phone
    page.goto(base_url + "moving/?from=lancashire&to=district-wychavon")
    page.locator("#planner-pair").wait_for()
    planned = page.get_by_role("link", name="Planned move, seeking the receiving authority’s help: the full steps and a decision record")
    href = planned.get_attribute("href")
    assert "o-responsible-planned/" in href and "answers=responsible,planned" in href
    assert "from=lancashire" in href and "to=district-wychavon" in href


def test_the_planner_offers_both_planned_outcomes_and_no_steps_within_one_council(phone, base_url):
    page = phone
    page.goto(base_url + "moving/?from=lancashire&to=worcestershire")
    steps = page.get_by_role("navigation", name="What to do now")
    expect(steps.get_by_role("link")).to_have_count(4)
    direct = steps.get_by_role("link", name=re.compile("you will keep giving every service yourselves"))
    assert "o-responsible-planned-direct/" in direct.get_attribute("href")
    assert "answers=responsible,planned-direct" in direct.get_attribute("href")
    # 9.1's contact-and-reply steps are for a responsible council seeking the other's help (9.1's heading)
    assert "want Worcestershire's help" in steps.inner_text()
    # Within one council the protocol's arrangements between councils do not apply (4.3): no steps offered.
    page.goto(base_url + "moving/?from=lancashire&to=district-preston")
    expect(page.locator("[data-planner-result]")).to_contain_text("do not apply")
    assert page.get_by_role("navigation", name="What to do now").count() == 0


def test_a_practitioner_who_asks_has_their_council_remembered_and_the_friday_case_takes_4_taps(phone, base_url):
    """Issue 19, point 11: opt-in; only the practitioner's own council is kept, on the phone;
    unticking forgets it. The second Friday takes one tap fewer."""
    page = phone
    page.goto(base_url + "decisions/unplanned-move/q-receiving-situation/?answers=receiving")
    remember = page.get_by_role("checkbox", name="Remember my council on this phone")
    expect(remember).not_to_be_checked()                        # opt-in
    assert "Nothing about the young person is kept" in page.locator("#remember-hint").inner_text()
    choose(page, "The council that looked after them", "lanc", "Lancashire")
    choose(page, "Where they live now (a council or a district)", "worc", "Worcestershire")
    assert page.evaluate("localStorage.length") == 0               # not ticked: nothing kept
    remember.check()
    stored = page.evaluate("Object.fromEntries(Object.entries(localStorage))")
    assert stored == {"atlas-my-council": "worcestershire"}         # only their own council
    assert page.evaluate("sessionStorage.length") == 0

    # The next Friday: their council is filled in, the link does not yet carry the other one.
    taps = Taps(page)
    page.goto(base_url)
    taps.tap(page.get_by_role("link", name="A care leaver has turned up here"))
    page.wait_for_url("**/q-receiving-situation/**")
    expect(page.get_by_role("combobox", name="Where they live now (a council or a district)")).to_have_value("Worcestershire")
    expect(page.get_by_role("combobox", name="The council that looked after them")).to_have_value("")
    expect(remember).to_be_checked()
    taps.choose("The council that looked after them", "lanc", "Lancashire")
    taps.tap(page.get_by_role("link", name=re.compile("They moved here at short notice")))
    page.wait_for_url("**/o-receiving-unplanned/**")
    page.locator(".glance .glance__council", has_text="You (Worcestershire)").wait_for()
    taps.tap(page.get_by_role("button", name="Copy for case notes").first)
    assert taps.count == 4, f"{taps.count} taps"
    assert page.evaluate("Object.keys(localStorage)") == ["atlas-my-council"]    # the outcome kept nothing

    # Forgetting it: untick the box.
    page.go_back()
    page.wait_for_url("**/q-receiving-situation/**")
    page.get_by_role("checkbox", name="Remember my council on this phone").uncheck()
    assert page.evaluate("localStorage.length") == 0
