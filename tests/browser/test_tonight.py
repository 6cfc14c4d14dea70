"""Issue 19: the crisis outcome and the care leaver's night, on a 375x800 phone.

The outcome's first screen answers (Do now, the date, who pays); both unplanned outcomes say what
to do about a bed tonight and a closed office; Whom to call says what each line is; nothing moves
under a finger on the question page; the responsible council's outcome leads with its own
duties; the quick record has no blanks; councils can be named on the outcome; without JavaScript
there is a date. Then the care leaver's night (Derbyshire and Sheffield), compare, the council
tax table and the home page's Menu; axe at 320, 375 and 1280 px on the pages touched."""
from __future__ import annotations

import re
from urllib.parse import unquote

import pytest

from playwright.sync_api import expect

from tests.browser.conftest import axe_pages, choose
from tests.support import real_site

SITE = real_site()          # read only: the real data/, loaded once per process
PHONE = {"width": 375, "height": 800}
TREE = "decisions/unplanned-move/"
RECEIVING = TREE + "o-receiving-unplanned/?answers=receiving,unplanned&from=lancashire&to=district-worcester"
RESPONSIBLE = TREE + "o-responsible-unplanned/?answers=responsible,unplanned&from=derbyshire&to=sheffield"
OUTCOMES = [f"{t.url}{node_id}/" for t in SITE.trees.values() for node_id, _ in t.outcomes()]
QUESTIONS = [TREE + "q-receiving-situation/?answers=receiving", TREE + "q-responsible-situation/?answers=responsible"]
DATE = r"(Mon|Tue|Wed|Thu|Fri) \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20\d\d"


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, permissions=["clipboard-read", "clipboard-write"])
    yield context.new_page()
    context.close()


def top(locator) -> float:
    box = locator.bounding_box()
    assert box, f"not shown: {locator}"
    return box["y"]


def councils_in(page):
    page.locator(".glance__council").first.wait_for()


@pytest.mark.parametrize("url", OUTCOMES)
def test_the_first_screen_of_every_outcome_shows_do_now_the_date_and_who_pays(phone, base_url, url):
    page = phone
    page.goto(base_url + url)
    glance = page.locator(".glance")
    assert top(glance.locator("dt", has_text="Do now")) < PHONE["height"]
    first_step = glance.locator("[data-do-now] li").first
    assert top(first_step) < PHONE["height"], "the first thing to do is on the first screen"
    node = next(n for t in SITE.trees.values() for i, n in t.outcomes() if url.endswith(f"/{i}/"))
    if node.get("deadlines"):
        date = glance.locator(".glance__date").first
        assert re.fullmatch(DATE, date.inner_text()), date.inner_text()
        box = date.bounding_box()
        assert box["y"] + box["height"] <= PHONE["height"], "the date is on the first screen"
        # The hedges are beside the date, behind a disclosure, not in front of it.
        assert not glance.locator("details.glance__how").first.get_attribute("open")
        assert "our reading" not in glance.locator(".glance__deadline").first.inner_text()
    if node.get("who_pays"):
        who = glance.locator("dt", has_text="Who pays")
        assert top(who) + 24 <= PHONE["height"], "who pays starts on the first screen"


@pytest.mark.parametrize("url", [RECEIVING, RESPONSIBLE])
def test_both_unplanned_outcomes_say_what_to_do_about_tonight_and_a_closed_office(phone, base_url, url):
    page = phone
    page.goto(base_url + url)
    tonight = page.locator("[data-section='Nowhere to stay tonight']")
    text = tonight.inner_text()
    assert "Our reading: this is housing law" in text
    assert "section 188(1)" in text and "article 4(1)" in text             # the law's own sources
    assert "Not checked in the law itself yet" in text                     # their status, kept
    assert "emergency financial assistance" in text and "refund" in text
    assert "National Protocol 8.11" in text
    closed = page.locator("[data-section='If you cannot reach them before they close']").inner_text()
    assert "out of hours line" in closed and "write down each attempt" in closed
    assert "National Protocol 5.1" in closed
    # Both are a tap away from the box at the top.
    page.locator(".glance").get_by_role("link", name="Nowhere to stay tonight").click()
    assert page.url.endswith("#tonight")


def test_whom_to_call_says_what_each_line_is(phone, base_url):
    page = phone
    page.goto(base_url + RECEIVING)
    councils_in(page)
    box = page.locator("[data-glance-contacts]")
    text = box.inner_text()
    # The other council first. Lancashire has no team line: the outcome says so and gives one
    # number to ring and ask. Its front door and its switchboard share 0300 123 6720: shown once,
    # by the line that says what to ask for, in the council's words.
    lancashire, worcestershire = text.index("Lancashire, the responsible authority"), text.index("You (Worcestershire)")
    assert lancashire < worcestershire
    ours = text[lancashire:worcestershire]
    assert "No leaving care team line found: ring the council switchboard below and ask for the leaving care team." in ours
    assert "Council switchboard, Lancashire County Council customer access team:\n0300 123 6720\nHours not stated\nTell them you are a care leaver who wants to continue accessing" in ours
    assert ours.count("0300 123 6720") == 1
    assert "Out of hours: emergency duty team, Lancashire Children's Social Care (out of hours):\n0300 123 6722\nHours: out of hours" in ours
    assert ours.count("0300 123 6722") == 1   # three sources, one line
    # the calling order: out of hours before the switchboard
    assert ours.index("0300 123 6722") < ours.index("0300 123 6720")
    # The disability duty line is for another group: not in the glance, counted and linked.
    assert "01524 585938" not in text
    assert "1 line for another group not shown here" in ours
    # Worcestershire: its out of hours line, then three numbers to ring and ask; its hours said once.
    theirs = text[worcestershire:]
    assert "No leaving care team line found: ring a front door or switchboard number below and ask for the leaving care team." in theirs
    assert [theirs.index(n) for n in ("01905 768020", "01905 822666", "01905 765765", "01905 763763")] == \
        sorted(theirs.index(n) for n in ("01905 768020", "01905 822666", "01905 765765", "01905 763763"))
    assert "Out of hours: emergency duty team:\n01905 768020\nHours: 5.00pm-8.30am weekdays" in theirs
    assert theirs.count("5.00pm-8.30am weekdays") == 1
    # Each number a full-width tap target at least 44 px tall.
    width = box.bounding_box()["width"]
    for link in box.locator("a.glance__phone").all():
        b = link.bounding_box()
        assert b["height"] >= 44 and b["width"] >= width - 1, (b, width)
    page.get_by_role("button", name="Copy for case notes").click()
    record = page.evaluate("navigator.clipboard.readText()")
    assert "Children’s services front door, for another group only, Children with Disability duty line: 01524 585938" in record
    assert "For young adults who need a Children with Disability Personal Advisor" in record
    assert "No leaving care team line found; Out of hours: emergency duty team: 01905 768020 (Hours: 5.00pm-8.30am" in record


def test_a_24_hour_line_stands_for_the_out_of_hours_line_where_there_is_none(phone, base_url):
    # No council's lines have this shape in December's directory, so the card is made here:
    # Sheffield with only a front door recorded as open "24 hours, 7 days".
    page = phone
    card = {"slug": "sheffield", "name": "Sheffield", "page": "authorities/sheffield/", "website": None,
            "kind": "public-line", "role": None, "run_by": None,
            "lines": [{"kind": "children-services-front-door", "kind_words": "Children’s services front door",
                       "team": "Front door", "phones": [[None, "0114 000 0000", "+441140000000"]],
                       "hours": "24 hours, 7 days", "ask_for": None, "for_group": False, "out_of_hours": True,
                       "status": "published", "note": "made up for this test",
                       "says": {"what": "Children’s services front door, open 24 hours", "team": None,
                                "ask": "Ask for the leaving care team.", "hours": "Hours: 24 hours, 7 days", "checks": []}}]}
    page.route("**/data/councils/sheffield.json", lambda route: route.fulfill(json=card))
    page.goto(base_url + RESPONSIBLE)
    councils_in(page)
    text = page.locator("[data-glance-contacts]").inner_text()
    assert "Children’s services front door, open 24 hours:\n0114 000 0000\nHours: 24 hours, 7 days" in text
    assert "No out of hours line found for Sheffield" not in text
    # Derbyshire's own out of hours line is there: its front door number, "including out of hours"
    assert "Out of hours: emergency duty team, Call Derbyshire" in text
    assert "01629 532600\nHours: including out of hours" in text


def test_the_responsible_outcome_leads_with_its_own_duties_and_has_a_message(phone, base_url):
    page = phone
    page.goto(base_url + RESPONSIBLE)
    councils_in(page)
    do_now = page.locator("[data-do-now] [data-who]").all_inner_texts()
    assert do_now[0].startswith("Lead officer") and "Derbyshire" in do_now[1], do_now
    assert not any("Sheffield" in w for w in do_now)
    page.locator(".glance").get_by_role("link", name="Message to Sheffield").click()
    assert page.url.endswith("#message")
    page.get_by_role("button", name="Copy the message").click()
    message = page.evaluate("navigator.clipboard.readText()")
    assert "To the leaving care team or lead officer, Sheffield:" in message
    assert "Please reply to Derbyshire as soon as you can." in message


def test_the_quick_record_has_no_blanks_and_takes_details_from_beside_it(phone, base_url):
    page = phone
    page.goto(base_url + RECEIVING + "&start=2026-12-04")
    councils_in(page)
    glance = page.locator(".glance")
    glance.locator("summary", has_text="Add case details").click()
    glance.get_by_label("Case reference").fill("LC-77")
    glance.get_by_role("button", name="Copy for case notes").click()
    short = page.evaluate("navigator.clipboard.readText()")
    assert "____" not in short and "Who was contacted" not in short
    assert "Case reference: LC-77" in short
    assert "Deadline: Wednesday 6 January 2027" in short and "Who pays: You, the receiving authority" in short
    assert "Responsible authority: Lancashire" in short and "Receiving authority: Worcestershire" in short
    assert len(short) < 4000, len(short)
    page.get_by_role("button", name="Copy the full record").click()
    full = page.evaluate("navigator.clipboard.readText()")
    assert "____" not in full and "Case reference: LC-77" in full and len(full) > len(short)


@pytest.mark.parametrize("url", [RECEIVING, RESPONSIBLE])
def test_the_first_copy_and_the_message_are_near_the_top_beside_the_case_details(phone, base_url, url):
    """m2: the short record's Copy, its four case details and "Message to <council>" come before
    Whom to call (screens of numbers on a phone), within the first screen and a half."""
    page = phone
    page.goto(base_url + url)
    councils_in(page)
    glance = page.locator(".glance")
    copy = glance.get_by_role("button", name="Copy for case notes")
    assert top(copy) < PHONE["height"] * 1.5, top(copy)
    assert top(copy) < top(glance.locator("dt", has_text="Whom to call"))
    details = glance.locator("summary", has_text="Add case details")
    below = details.bounding_box()
    assert 0 <= top(copy) - (below["y"] + below["height"]) <= 24, "the case details are beside the Copy"
    details.click()
    assert glance.locator("[data-record-field]").count() == 4
    other = "Lancashire" if url == RECEIVING else "Sheffield"
    message = glance.get_by_role("link", name=f"Message to {other}")
    assert abs(top(message) - top(copy)) < 100
    message.click()
    assert page.url.endswith("#message")


def test_skipped_councils_can_be_named_on_the_outcome(phone, base_url):
    page = phone
    page.goto(base_url + TREE + "o-receiving-unplanned/?answers=receiving,unplanned&start=2026-12-04")
    form = page.locator("[data-name-councils]")
    assert form.is_visible()
    choose(page, "The council that looked after them", "lanc", "Lancashire")
    choose(page, "Where they live now (a council or a district)", "worc", "Worcester (Worcestershire)")
    form.get_by_role("button", name="Show their numbers").click()
    page.wait_for_url(re.compile("from=lancashire"), wait_until="commit")
    assert "answers=receiving,unplanned" in unquote(page.url) and "start=2026-12-04" in page.url
    councils_in(page)
    assert not page.locator("[data-name-councils]").is_visible()
    assert page.locator("[data-your-answers-list] dt").count() == 2      # the answers were kept


def test_without_javascript_the_outcome_has_a_date_and_a_table_of_start_days(browser, base_url):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + TREE + "o-receiving-unplanned/")
    glance = page.locator(".glance")
    assert re.fullmatch(DATE, glance.locator(".glance__date").inner_text())
    glance.locator("summary", has_text="How this date is counted").click()
    assert "the day this copy of the page was made (as of build)" in glance.inner_text()
    assert not page.locator("[data-name-councils]").is_visible()
    details = page.locator("details.start-days")
    details.locator("summary").click()
    rows = details.locator("tbody tr")
    assert rows.count() == 10
    assert "Counted when this copy of the page was made" in details.inner_text()
    context.close()


@pytest.mark.parametrize("url", QUESTIONS)
def test_nothing_moves_under_a_finger_on_the_question_page(browser, base_url, url):
    """Cumulative layout shift on a slow phone: 4x CPU, 400 kbit/s and 400 ms, cold."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 400,
                                                  "downloadThroughput": 50_000, "uploadThroughput": 50_000})
    page.add_init_script("window.__cls = 0; new PerformanceObserver(l => { for (const e of l.getEntries())"
                         " if (!e.hadRecentInput) window.__cls += e.value; }).observe({type: 'layout-shift', buffered: true});")
    page.goto(base_url + url)
    page.get_by_role("combobox", name="The council that looked after them").wait_for(timeout=60000)
    page.wait_for_timeout(1500)
    cls = page.evaluate("window.__cls")
    context.close()
    assert cls <= 0.05, cls


@pytest.mark.parametrize("url", QUESTIONS)
def test_the_offer_to_remember_a_council_costs_the_answers_one_line(phone, base_url, url):
    """"Remember my council" is after the answers; above them, one link to it, one line at most.
    With both councils' boxes, the first answer starts on the first screen at 375x800."""
    page = phone
    page.goto(base_url + url)
    first = page.locator("a.answer").first
    assert top(first) + 44 <= PHONE["height"], "a tap target of the first answer is on the first screen"
    to_offer = page.locator("[data-pair-pick]").get_by_role("link", name="Remember your council on this phone?")
    with_link = top(first)
    page.locator("[data-remember-link]").evaluate("a => a.hidden = true")
    assert with_link - top(first) <= 30, "the offer costs the answers one line at most"
    page.locator("[data-remember-link]").evaluate("a => a.hidden = false")
    remember = page.get_by_role("checkbox", name="Remember my council on this phone")
    assert top(remember) > top(page.locator("ul.answers li").last), "the offer comes after the answers"
    expect(remember).not_to_be_checked()
    hint = page.locator("#remember-hint").inner_text()
    assert "Keeps only your council’s name" in hint and "Nothing about the young person is kept" in hint
    to_offer.click()
    assert page.url.endswith("#remember")
    assert 0 <= top(remember) < PHONE["height"], "the link brings the offer into view"
    assert page.evaluate("localStorage.length") == 0


def test_the_care_leavers_night_with_derbyshire_and_sheffield(phone, base_url):
    page = phone
    page.goto(base_url + "care-leavers/?from=derbyshire&to=sheffield#nowhere-to-stay-tonight")
    tonight = page.locator("[data-tonight]")
    tonight.get_by_role("link", name="01629 532600").wait_for()
    text = " ".join(tonight.inner_text().split())
    # Derbyshire's out of hours line, with its hours; the unverified 24-hour line as the other
    # choice, saying it is not checked; Sheffield's, not checked either.
    assert "Out of hours, Derbyshire (where you were in care): Out of hours emergency line: 01629 532600 Open: including out of hours." in text
    assert ("Children’s services, open 24 hours: 01629 533190 Open: 24 hours, 7 days. Ask for the leaving care team. "
            "Not checked: we found it on another website.") in text
    assert "Out of hours, Sheffield (where you live now): Out of hours emergency line: 0114 273 4855 Open: all times outside" in text
    assert "We do not have an out of hours number for" not in text
    national = page.locator("[data-tonight-national]")
    assert national.get_by_role("link", name="0800 528 0731").is_visible()
    assert "Source:" in national.inner_text()
    call = " ".join(page.locator("[data-call-result]").inner_text().split())   # words, not the line breaks
    assert "Out of hours emergency line: 01629 532600 Open: including out of hours." in call
    assert "Children’s services, open 24 hours: 01629 533190 Open: 24 hours, 7 days." in call
    page.goto(base_url + "care-leavers/councils/")
    derbyshire = " ".join(page.locator("#derbyshire").inner_text().split())
    assert "Out of hours emergency line: 01629 532600" in derbyshire and "Open: 24 hours, 7 days." in derbyshire


def test_compare_keeps_who_an_offer_is_for_and_its_note(phone, base_url):
    page = phone
    page.goto(base_url + "local-offers/compare/?c=surrey,kent")
    cells = page.locator(".compare-cells li", has_text="Surrey:")
    cells.first.wait_for()
    text = " ".join(cells.all_inner_texts())
    assert "Who it is for: Surrey's own care leavers living outside Surrey" in text
    assert "Note: laptop for course" in text


def test_compare_names_other_help_by_its_kind_and_keeps_each_items_words_and_other_sources(phone, base_url):
    """m6: a row's heading is a kind of help, never one council's item; the item's own words
    (its note) are in its cell. A value another source contradicts says what that source says."""
    page = phone
    page.goto(base_url + "local-offers/compare/?c=surrey,kent")
    page.locator(".compare-cells li").first.wait_for()
    headings = page.locator(".compare-row h3").all_inner_texts()
    assert not [h for h in headings if "clothing allowance" in h], headings
    other = page.locator(".compare-row", has=page.locator("h3", has_text="Other help"))
    kent = other.locator("li", has_text="Kent:").inner_text()
    assert "Clothing allowance up to £120 in two payments (£70 and £50):" in kent and "£120, ages 16 to 17" in kent
    assert "Who it is for: not stated." in kent
    setting_up = page.locator(".compare-row", has=page.locator("h3", has_text="Setting up home allowance"))
    surrey = " ".join(setting_up.locator("li", has_text="Surrey:").inner_text().split())
    assert "sources disagree" in surrey and "Another source (from the council's own pages, undated" in surrey
    assert "says £2,000, ages not stated." in surrey
    # every cell with a value says who it is for
    for cell in page.locator(".compare-cells li").all():
        text = cell.inner_text()
        if "not on this site" not in text and "decided by each district" not in text:
            assert "Who it is for:" in text, text


def test_the_council_tax_table_is_cards_on_a_phone(phone, base_url):
    page = phone
    page.goto(base_url + "local-offers/council-tax-exemption/")
    rows = page.locator("table.offer-table tbody tr")
    heights = [r.bounding_box()["height"] for r in rows.all()[:20]]
    assert max(heights) < 400, max(heights)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    assert "Who it is for:" in rows.first.inner_text().replace("\n", " ") or rows.first.locator("td[data-label='Who it is for']").count() == 1


def test_the_home_pages_menu_opens_the_menu(phone, base_url):
    page = phone
    page.goto(base_url)
    page.get_by_role("button", name="Menu").click()
    nav = page.locator(".md-sidebar--primary")
    page.wait_for_timeout(400)
    link = nav.get_by_role("link", name="Compare local offers")
    assert link.is_visible()
    assert link.bounding_box()["x"] >= 0


def test_the_care_leavers_guide_does_not_send_them_on_to_the_lead_officers_page(phone, base_url):
    """m11: the guide's foot said "Next: For lead officers"."""
    page = phone
    page.goto(base_url + "care-leavers/")
    assert page.get_by_role("link", name=re.compile("For lead officers")).filter(visible=True).count() == 0
    assert page.locator(".md-footer__link--next").filter(visible=True).count() == 0


PAGES = ["", RECEIVING, RESPONSIBLE, TREE + "o-receiving-unplanned/", QUESTIONS[0],
         "care-leavers/?from=derbyshire&to=sheffield", "care-leavers/councils/",
         "local-offers/compare/?c=surrey,kent", "local-offers/council-tax-exemption/"]


@pytest.mark.parametrize("width", [320, 375, 1280])
def test_axe_finds_nothing_on_the_pages_touched(browser, base_url, width):
    def opened(page, url):
        for d in page.locator("details").all()[:6]:
            d.evaluate("d => d.open = true")

    failures = axe_pages(browser, base_url, width, PAGES, opened)
    assert not failures, "\n".join(failures)
