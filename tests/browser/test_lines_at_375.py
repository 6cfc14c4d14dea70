"""Issue 18, item 4 (and 19, item 3) at 375 px: Kirklees, the council in data/lead-officers.yaml with
a line of every kind (leaving care team, out of hours, front door, switchboard), on its own page, in
the planner and in the outcome's Whom to call: each number says what it is and when it is open, the
calling order is kept, and each number is a tap target of at least 44 by 44 px. Then axe at 320, 375
and 1280 px on the pages that show numbers."""
from __future__ import annotations

import pytest

from tests.browser.conftest import axe_pages

PHONE = {"width": 375, "height": 800}
KIRKLEES = "authorities/kirklees/"
ORDER = ["leaving-care-team", "emergency-duty-out-of-hours", "children-services-front-door", "council-switchboard"]
NUMBERS = ["01484 225511", "01484 414933", "01484 456848", "01484 221000"]
PLANNER = "moving/?from=kirklees&to=lancashire"
OUTCOME = "decisions/unplanned-move/o-receiving-unplanned/?answers=receiving,unplanned&from=kirklees&to=lancashire"
# Each number: its text, width, height, the hours beside it, and what its line says it is.
MEASURE = """links => links.map(a => { const r = a.getBoundingClientRect();
  const n = a.closest('[data-number]'), says = a.closest('[data-says]');
  const hours = n && n.querySelector('[class$="hours"]');
  const what = says ? says.querySelector('.line__kind strong') : n && n.querySelector('[class$="what"]');
  return [a.textContent, r.width, r.height, hours ? hours.textContent : null, what ? what.textContent : null,
          says ? says.getAttribute('data-line') : null]; })"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


def targets_ok(found):
    return [f for f in found if f[1] < 44 or f[2] < 44]


def test_kirklees_page_every_kind_in_calling_order_with_hours_and_44px_numbers(phone, base_url):
    phone.goto(base_url + KIRKLEES)
    found = phone.eval_on_selector_all('.entry a[href^="tel:"]', MEASURE)
    assert [f[0] for f in found] == NUMBERS                      # the calling order, one number a kind
    assert [f[5] for f in found] == ORDER
    assert [f[3] for f in found] == ["Hours not stated", "Hours: outside office hours", "Hours not stated", "Hours not stated"]
    assert [f[4] for f in found] == ["Leaving care team", "Out of hours: emergency duty team",
                                     "Children’s services front door", "Council switchboard"]
    assert not targets_ok(found), targets_ok(found)
    # the hours sit under the number, not squeezed beside it, and nothing scrolls sideways
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    asks = phone.locator("li[data-says] .line__ask").all_inner_texts()
    assert asks == ["Ask for the leaving care team."] * 2      # the front door and the switchboard


def test_the_planner_shows_kirklees_the_same_way(phone, base_url):
    phone.goto(base_url + PLANNER)
    card = phone.locator(".planner-card", has=phone.locator("h3", has_text="Kirklees"))
    card.locator('a[href^="tel:"]').first.wait_for()
    assert "in calling order: the team first, then out of hours, then the rest" in card.inner_text()
    found = card.locator('a[href^="tel:"]').evaluate_all(MEASURE)
    assert [f[0] for f in found] == NUMBERS and [f[5] for f in found] == ORDER
    assert [f[3] for f in found] == ["Hours not stated", "Hours: outside office hours", "Hours not stated", "Hours not stated"]
    assert [f[4] for f in found] == ["Leaving care team", "Out of hours: emergency duty team",
                                     "Children’s services front door", "Council switchboard"]
    assert not targets_ok(found), targets_ok(found)
    # Lancashire's line for another group comes last and says so
    lancs = phone.locator(".planner-card", has=phone.locator("h3", has_text="Lancashire")).locator("li[data-says]")
    assert lancs.last.locator(".line__kind strong").inner_text() == "Children’s services front door, for another group only"


def test_whom_to_call_for_kirklees_team_then_out_of_hours_each_saying_what_and_when(phone, base_url):
    phone.goto(base_url + OUTCOME)
    phone.locator(".glance__council").first.wait_for()
    box = phone.locator("[data-glance-contacts]")
    found = box.locator("a.glance__phone").evaluate_all(MEASURE)
    kirklees = [f for f in found if f[0].startswith("01484")]
    # the team, then out of hours; with a team line the front door and switchboard wait on its page
    assert [f[0] for f in kirklees] == NUMBERS[:2]
    assert [f[4] for f in kirklees] == ["Leaving care team, Care leavers service business support and duty:",
                                        "Out of hours: emergency duty team, Kirklees Emergency Duty Service:"]
    assert [f[3] for f in kirklees] == ["Hours not stated", "Hours: outside office hours"]
    assert all(f[3] for f in found) and all(f[4] for f in found)   # Lancashire's numbers too
    assert "01524 585938" not in box.inner_text()                   # another group's line: not at a glance
    width = box.bounding_box()["width"]
    assert all(f[2] >= 44 and f[1] >= width - 1 for f in found), (found, width)
    text = box.inner_text()
    assert ") (out of hours" not in text and "(out of hours: emergency duty team)" not in text


# The care leavers' A to Z (153 councils, the heaviest page) is not here: test_tonight.py runs axe
# on it at these three widths with its panels open, and the whole-site crawl at 1280 px.
PAGES = [KIRKLEES, "authorities/lancashire/", "authorities/", PLANNER, OUTCOME,
         "care-leavers/?from=kirklees&to=lancashire"]


@pytest.mark.parametrize("width", [320, 375, 1280])
def test_axe_finds_nothing_on_the_pages_that_show_numbers(browser, base_url, width):
    assert axe_pages(browser, base_url, width, PAGES) == []
