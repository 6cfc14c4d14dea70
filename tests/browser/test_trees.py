"""Decision trees in the browser: every journey with JavaScript on (and off: the longest here, every one
in tests/build/test_tree_journeys.py), keyboard only,
answers carried in the URL, deadlines that agree with the Python core, and the record."""
from __future__ import annotations

import re

from datetime import date

import pytest

from macros.trees.deadlines import add_working_days
from tests.browser.conftest import choose
from tests.support import real_site

SITE = real_site()
JOURNEYS = [(tree.id, j) for tree in SITE.trees.values() for j in tree.journeys]
IDS = [f"{t}: {j['name']}" for t, j in JOURNEYS]


def walk(page, base_url, tree, journey):
    """Answer each question by clicking its label, as a person would."""
    page.goto(base_url + tree.url)
    page.get_by_role("link", name="Start", exact=True).click()
    node_id = tree.start
    for answer_id in journey["answers"]:
        node = tree.nodes[node_id]
        answer = next(a for a in node["answers"] if a["id"] == answer_id)
        page.wait_for_url(f"**/{tree.node_url(node_id)}**")
        assert page.locator("h1").inner_text() == node["text"]
        page.locator("a.answer", has_text=answer["label"]).filter(has_text=answer["label"]).first.click()
        node_id = answer["next"]
    page.wait_for_url(f"**/{tree.node_url(journey['outcome'])}**")
    assert page.locator("h1").inner_text() == tree.nodes[journey["outcome"]]["title"]


# Every journey is walked by its links with JavaScript off in tests/build/test_tree_journeys.py
# (what a browser does with plain links); here, in Chromium, the longest journey of each tree.
LONGEST = [(tree.id, max(tree.journeys, key=lambda j: len(j["answers"]))) for tree in SITE.trees.values()]


@pytest.mark.parametrize("tree_id,journey", LONGEST, ids=[t for t, _ in LONGEST])
def test_journey_without_javascript(browser, base_url, tree_id, journey):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    walk(page, base_url, SITE.trees[tree_id], journey)
    assert "?" not in page.url          # plain links: nothing carried, nothing needed
    context.close()


@pytest.mark.parametrize("tree_id,journey", JOURNEYS, ids=IDS)
def test_journey_with_javascript_lists_the_answers(browser, base_url, tree_id, journey):
    context = browser.new_context()
    page = context.new_page()
    tree = SITE.trees[tree_id]
    walk(page, base_url, tree, journey)
    assert f"answers={','.join(journey['answers'])}" in page.url
    summary = page.locator(".answers-summary")
    assert summary.locator("dt").count() == len(journey["answers"])
    # the shared link shows the same answers
    other = context.new_page()
    other.goto(page.url)
    assert other.locator(".answers-summary dt").count() == len(journey["answers"])
    context.close()


def test_change_an_answer_and_start_again(page, base_url):
    tree = SITE.trees["unplanned-move"]
    journey = next(j for j in tree.journeys if j["outcome"] == "o-receiving-unplanned")
    walk(page, base_url, tree, journey)
    page.get_by_role("link", name="Change your answer to: " + tree.nodes[tree.start]["text"]).click()
    page.wait_for_url(f"**/{tree.node_url(tree.start)}")
    assert page.locator(".answers-summary dt").count() == 0
    page.get_by_role("link", name="Start again").click()
    page.wait_for_url(f"**/{tree.url}")


def test_back_goes_to_the_previous_question(page, base_url):
    tree = SITE.trees["step-down"]
    journey = max(tree.journeys, key=lambda j: len(j["answers"]))
    walk(page, base_url, tree, journey)
    taken, _ = tree.follow(journey["answers"])
    page.get_by_role("link", name="Back").click()
    page.wait_for_url(f"**/{tree.node_url(taken[-1][0])}**")
    assert page.locator(".answers-summary dt").count() == len(journey["answers"]) - 1


def test_keyboard_only_through_a_whole_tree(page, base_url):
    tree = SITE.trees["charging"]
    journey = max(tree.journeys, key=lambda j: len(j["answers"]))
    page.goto(base_url + tree.url)

    def tab_to(text):
        for _ in range(80):
            page.keyboard.press("Tab")
            if text in page.evaluate("document.activeElement.textContent.trim()"):
                return
        pytest.fail(f"Tab never reached {text!r}")

    tab_to("Start")
    page.keyboard.press("Enter")
    node_id = tree.start
    for answer_id in journey["answers"]:
        answer = next(a for a in tree.nodes[node_id]["answers"] if a["id"] == answer_id)
        page.wait_for_url(f"**/{tree.node_url(node_id)}**")
        tab_to(answer["label"])
        page.keyboard.press("Enter")
        node_id = answer["next"]
    page.wait_for_url(f"**/{tree.node_url(journey['outcome'])}**")


@pytest.mark.parametrize("start,days", [("2026-12-14", 20), ("2026-12-18", 5), ("2027-03-25", 1),
                                        ("2026-11-23", 20), ("2026-04-02", 20)])
def test_browser_deadlines_agree_with_the_python_core(page, base_url, start, days):
    page.goto(base_url + "decisions/unplanned-move/o-receiving-unplanned/")
    due = page.evaluate(f"atlasDeadlines.addWorkingDays('{start}', {days}, "
                        "Object.fromEntries(JSON.parse(document.getElementById('bank-holidays').textContent)"
                        ".map(d => [d, true])))")
    assert due == add_working_days(date.fromisoformat(start), days).isoformat()


def test_the_outcome_works_out_deadlines_from_the_date_entered(browser, base_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(base_url + "decisions/unplanned-move/o-receiving-unplanned/?answers=receiving,unplanned")
    page.get_by_label("Count from").fill("2026-12-14")
    cell = page.locator("tr[data-deadline] [data-date]").first
    assert cell.inner_text().startswith("Thursday 14 January 2027")
    assert "start=2026-12-14" in page.url
    # The at-a-glance box at the top shows the same date first, without scrolling to the table.
    # Beside it, "How this date is counted" keeps the rule and its "our reading" labels, and
    # says which day it counts from (issue 19).
    glance = page.locator(".glance")
    assert glance.locator(".glance__date").inner_text() == "Thu 14 Jan 2027"
    glance.locator("summary", has_text="How this date is counted").click()
    how = glance.locator("details.glance__how").inner_text()
    assert "Counted from Monday 14 December 2026. Change the day if the count starts on another day." in how
    assert "(our reading" in how and "from the day the young person presented" in how
    glance.locator("summary", has_text="Add case details").click()
    page.get_by_label("Case reference").fill("LC-1234")
    page.get_by_label("Emergency financial assistance paid").fill("£50 for food")
    # Copy from the at-a-glance box, the first of the two Copy buttons.
    page.get_by_role("button", name="Copy for case notes").first.click()
    text = page.evaluate("navigator.clipboard.readText()")
    assert "Outcome: " in text and "Answers:" in text
    assert "Thursday 14 January 2027" in text
    assert "National Protocol 9.3" in text
    assert "Case reference: LC-1234" in text and "Emergency financial assistance paid: £50 for food" in text
    assert "Who was contacted" not in text and "____" not in text     # an empty detail is left out (issue 19)
    assert page.get_by_role("status").filter(has_text="Copied").count() == 1
    context.close()


def test_every_tree_start_is_above_the_fold_on_a_phone(browser, base_url):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    for tree_id in ("unplanned-move", "step-down", "charging"):
        page.goto(base_url + f"decisions/{tree_id}/")
        box = page.get_by_role("link", name="Start", exact=True).bounding_box()
        assert box and box["y"] + box["height"] <= 800, (tree_id, box)
    context.close()


def test_without_javascript_the_deadline_rule_lists_the_bank_holidays(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "decisions/unplanned-move/o-receiving-unplanned/")
    # A date counted on the day the site was built, said so, and a table for other start days (issue 19).
    cell = page.locator("tr[data-deadline] [data-date]").first.inner_text()
    assert re.match(r"\w+day \d{1,2} \w+ 20\d\d, if counted from \w+day \d{1,2} \w+ 20\d\d "
                    r"\(the day this copy of the page was made\)", cell), cell
    page.locator("summary", has_text="Bank holidays in England and Wales").click()
    holidays = page.locator(".holiday-list li").all_inner_texts()
    assert any("25 December" in h for h in holidays) and any("Easter Monday" in h for h in holidays)
    context.close()


def test_question_pages_are_not_in_search_but_outcomes_are(built_site):
    # Pagefind indexes only pages whose article carries data-pagefind-body (macros/search/marks.py).
    def indexed(path):
        return "data-pagefind-body" in (built_site / path / "index.html").read_text(encoding="utf-8")
    assert indexed("decisions/unplanned-move/o-receiving-unplanned")
    assert not indexed("decisions/unplanned-move/q-your-council")
    assert not indexed("decisions/step-down/q-asked")


def test_the_print_stylesheet_hides_navigation(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + "decisions/charging/o-emergency/")
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert page.locator("h1").is_visible()
    context.close()


def test_both_councils_travel_through_the_tree_to_the_outcome_and_the_record(browser, base_url):
    context = browser.new_context(viewport={"width": 375, "height": 800},
                                  permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(base_url + "decisions/unplanned-move/")
    choose(page, "The council that looked after them", "lanc", "Lancashire")
    choose(page, "Where they live now (a council or a district)", "worcester", "Worcester (Worcestershire)")
    page.get_by_role("button", name="Start with these councils").click()
    page.wait_for_url("**/q-your-council/**")
    assert "from=lancashire" in page.url and "to=district-worcester" in page.url
    page.locator("a[data-answer='receiving']").click()
    page.locator("a[data-answer='unplanned']").click()
    page.wait_for_url("**/o-receiving-unplanned/**")
    assert "from=lancashire" in page.url
    glance = page.locator(".glance")
    glance.locator(".glance__council", has_text="You (Worcestershire)").wait_for()
    # Lancashire's front door and its switchboard (ask for leaving care) share one number: both say so.
    same = glance.get_by_role("link", name="0300 123 6720")
    assert same.count() >= 1 and all(same.nth(i).get_attribute("href") == "tel:+443001236720" for i in range(same.count()))
    assert glance.locator("a[href^='tel:']").count() >= 3          # Lancashire's lines and Worcestershire's
    assert page.locator("[data-step] [data-who]").first.inner_text().startswith("You (Worcestershire)")
    page.get_by_role("button", name="Copy for case notes").first.click()
    text = page.evaluate("navigator.clipboard.readText()")
    assert "Responsible authority: Lancashire" in text and "0300 123 6720" in text
    assert "Receiving authority: Worcestershire (lives in Worcester)" in text
    context.close()


def test_a_district_named_for_the_responsible_side_is_not_where_they_live(browser, base_url):
    """A shared link may name a district as the council that looked after them: its county is
    used, and the record for case notes says the link named the district, not that the young
    person lives there (it said "(lives in Wychavon)" of the responsible authority)."""
    context = browser.new_context(viewport={"width": 375, "height": 800},
                                  permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(base_url + "decisions/unplanned-move/o-receiving-unplanned/?answers=receiving,unplanned"
              "&from=district-wychavon&to=lancashire")
    page.locator(".glance .glance__council", has_text="Worcestershire").wait_for()
    page.get_by_role("button", name="Copy for case notes").first.click()
    text = page.evaluate("navigator.clipboard.readText()")
    context.close()
    assert "Responsible authority: Worcestershire (named as Wychavon, a district council in its area)" in text, text
    assert "lives in Wychavon" not in text
    assert "Receiving authority: Lancashire" in text


def test_an_unknown_council_in_the_url_is_ignored(page, base_url):
    page.goto(base_url + "decisions/unplanned-move/o-receiving-unplanned/?answers=receiving,unplanned"
              "&from=nowhere&to=%3Cscript%3E")
    page.locator(".glance").wait_for()
    page.wait_for_timeout(300)
    assert page.locator(".glance__council").count() == 0
    assert "Receiving authority" in page.locator("[data-step] [data-who]").first.inner_text()


def test_the_message_to_the_responsible_authority_fills_its_blanks(browser, base_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(base_url + "decisions/unplanned-move/o-receiving-unplanned/?answers=receiving,unplanned"
              "&from=lancashire&to=worcestershire&start=2026-12-14")
    page.locator(".glance__council").first.wait_for()
    page.locator(".glance summary", has_text="Add case details").click()
    page.get_by_label("When the young person presented or was referred").fill("Monday 14 December 2026, 3pm")
    page.get_by_role("button", name="Copy the message").click()
    text = page.evaluate("navigator.clipboard.readText()")
    assert "in Worcestershire (our reference [case reference])" in text     # a blank left is shown as a blank
    assert "To the leaving care team or lead officer, Lancashire:" in text
    assert "on Monday 14 December 2026, 3pm." in text
    assert "(we count to Thursday 14 January 2027)" in text
    context.close()
