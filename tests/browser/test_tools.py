"""Practice tools in the browser: the timescales calculator agrees with the Python core on the
shared table, its calendar file parses and holds the same dates, late allocation is shown, the
letters escape what is typed, print hides navigation, and everything reads with JavaScript off."""
from __future__ import annotations

import json
from datetime import date

import pytest
from icalendar import Calendar

from macros.practice.calculator import compute
from tests.support import ROOT_DIR, real_site

SITE = real_site()
CASES = json.loads((ROOT_DIR / "tests" / "data" / "timescales-cases.json").read_text(encoding="utf-8"))["cases"]
TOOL = "tools/timescales/"


def python_result(case) -> dict:
    inputs = {k: date.fromisoformat(v) for k, v in case["inputs"].items()}
    return compute(SITE.tools.timescales[case["council"]], today=date.fromisoformat(case["today"]), **inputs)


def browser_result(page, case) -> dict:
    return page.evaluate(
        "c => { const d = JSON.parse(document.getElementById('timescales-data').textContent);"
        " return window.AtlasTimescales.compute(d.councils[c.council].rules, Object.assign({today: c.today}, c.inputs)); }",
        case)


def test_the_browser_and_the_python_core_agree_on_every_shared_case(page, base_url):
    page.goto(base_url + TOOL)
    for case in CASES:
        assert browser_result(page, case) == python_result(case), case["name"]


def fill(page, **values):
    for key, value in values.items():
        page.locator(f"[data-input='{key}']").fill(value)
    page.get_by_role("button", name="Work out the dates").click()
    page.locator("[data-result]").wait_for()


def test_a_31_august_birthday_gives_the_last_day_of_february_and_a_late_allocation(page, base_url):
    page.goto(base_url + TOOL)
    fill(page, birth="2010-08-31", allocation="2026-06-01")
    row = page.locator("tr[data-rule='request-adviser']")
    assert "28 February 2026" in row.inner_text()
    late = page.locator("tr[data-rule='allocate-by-15-and-3-quarters']")
    assert "31 May 2026" in late.inner_text() and late.locator("[data-late]").is_visible()
    assert "Late" in late.inner_text()
    assert page.locator("tr[data-rule='allocate-month-before-16'] [data-late]").count() == 0
    assert "Lancashire practice guidance 1.1" in row.inner_text()


def test_looked_after_from_16_and_a_half(page, base_url):
    page.goto(base_url + TOOL)
    fill(page, birth="2010-03-15", looked_after="2026-09-15", allocation="2027-01-10")
    assert page.locator("tr[data-rule='request-adviser']").count() == 0
    assert "15 December 2026" in page.locator("tr[data-rule='allocate-within-13-weeks']").inner_text()
    assert page.locator("tr[data-rule='allocate-within-13-weeks'] [data-late]").is_visible()


def test_a_29_february_birthday_in_the_page(page, base_url):
    page.goto(base_url + TOOL)
    fill(page, birth="2008-02-29")
    assert "28 February 2026" in page.locator("tr[data-rule='birthday-18']").inner_text()
    assert "Enter the adviser’s allocation date" in page.locator("tr[data-rule='joint-visit']").inner_text()


def test_no_date_of_birth_is_an_error_that_names_the_field(page, base_url):
    page.goto(base_url + TOOL)
    page.get_by_role("button", name="Work out the dates").click()
    assert page.locator("#ts-birth-error").inner_text() == "Enter the date of birth."
    assert page.locator("[data-result]").is_hidden()


def test_the_calendar_file_parses_and_holds_the_same_dates(page, base_url):
    case = CASES[0]
    page.goto(base_url + TOOL)
    fill(page, **case["inputs"])
    with page.expect_download() as info:
        page.locator("[data-ics]").click()
    text = open(info.value.path(), encoding="utf-8").read()
    cal = Calendar.from_ical(text)
    starts = sorted(e.decoded("dtstart") for e in cal.walk("VEVENT"))
    result = python_result({**case, "today": date.today().isoformat()})
    wanted = sorted([date.fromisoformat(d["date"]) for d in result["dates"] if d["date"]]
                    + [date.fromisoformat(v["date"]) for v in result["visits"]]
                    + ([date.fromisoformat(result["review"]["date"])] if result["review"] else []))
    assert starts == wanted
    summaries = [str(e["summary"]) for e in cal.walk("VEVENT")]
    assert any("allocated late" in s for s in summaries)


def test_copy_for_case_notes(browser, base_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(base_url + TOOL)
    fill(page, birth="2010-08-31", allocation="2026-06-01")
    page.get_by_role("button", name="Copy for case notes").click()
    page.get_by_role("status").filter(has_text="Copied").wait_for()
    text = page.evaluate("navigator.clipboard.readText()")
    assert "Personal adviser requested (age 15½): 28 February 2026 [Lancashire practice guidance 1.1]" in text
    assert "LATE" in text
    context.close()


def test_without_javascript_the_rules_and_how_to_count_are_there(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + TOOL)
    assert page.locator("form[data-timescales-form]").is_hidden()
    rules = page.locator("table.timescales-rules tbody tr")
    assert rules.count() == len(SITE.tools.timescales["lancashire"].rules)
    assert "last day of that month" in page.locator(".how-to-count").inner_text()
    assert "JavaScript is off" in page.locator(".md-content").inner_text()
    context.close()


LETTERS = sorted(SITE.tools.letters)


@pytest.mark.parametrize("url", [TOOL] + [f"tools/letters/{x}/" for x in LETTERS])
def test_print_hides_navigation_and_the_form(browser, base_url, url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + url)
    form = page.locator("form[data-timescales-form], form[data-letter-form]")
    form.wait_for(state="visible")      # on screen (its script shows it): print is what hides it
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not form.is_visible()
    if "letters" in url:
        assert page.locator("article.letter").is_visible()
        assert not page.locator("h1").is_visible()       # only the letter is printed
    context.close()


def test_a_name_holding_markup_shows_as_text(page, base_url):
    page.goto(base_url + "tools/letters/step-down/")
    name = "<script>window.pwned = 1</script><b>Sam</b>"
    page.get_by_label("Young person's first name").fill(name)
    blank = page.locator("article.letter [data-blank='first-name']")
    assert blank.inner_text() == name
    assert page.locator("article.letter script, article.letter b").count() == 0
    assert page.evaluate("window.pwned") is None


def test_the_letter_copies_as_plain_text_with_the_fields_filled(browser, base_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(base_url + "tools/letters/step-down/")
    page.get_by_label("Young person's first name").fill("Sam")
    page.get_by_label("Your role").fill("Personal Advisor")
    page.get_by_label("Services that get a copy (only those the young adult agreed to)").fill("GP surgery\nHousing support")
    page.get_by_role("button", name="Copy as plain text").click()
    page.get_by_role("status").filter(has_text="Copied").wait_for()
    text = page.evaluate("navigator.clipboard.readText()")
    assert text.startswith("Dear Sam")
    assert "You have said that you do not want to continue accessing support from the Leaving Care Service." in text
    assert "GP surgery\nHousing support" in text
    assert "[Personal Advisor/Social Worker]" not in text and "Personal Advisor\nLancashire's Leaving Care Service" in text
    assert "<" not in text
    context.close()


@pytest.mark.parametrize("letter_id", LETTERS)
def test_without_javascript_a_letter_is_printable_text_with_blanks(browser, base_url, letter_id):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + f"tools/letters/{letter_id}/")
    assert page.locator("form[data-letter-form]").is_hidden()
    letter = page.locator("article.letter")
    fields = SITE.tools.letters[letter_id].fields
    for f in fields:
        assert letter.locator(f"[data-blank='{f['id']}']").count() >= 1
    assert "[" in letter.inner_text()
    context.close()


def test_the_closure_and_annual_letters_carry_the_councils_line_and_the_help_lines(page, base_url):
    for letter_id in ("closure", "annual"):
        page.goto(base_url + f"tools/letters/{letter_id}/")
        text = page.locator("article.letter").inner_text()
        assert "0300 123 6720" in text                            # from the directory entry
        for h in SITE.help_lines:                                 # data/help-lines.yaml, as on the care leavers' page
            assert f"{h.name}: {h.shown} (for {h.for_words})" in text
    assert "Dear" not in text                                      # the annual letter is generic


def test_the_tool_script_is_loaded_only_on_its_page(built_site):
    pages = [p for p in built_site.rglob("*.html") if "timescales.js" in p.read_text(encoding="utf-8")]
    assert [p.relative_to(built_site).as_posix() for p in pages] == ["tools/timescales/index.html"]
    with_letters = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")
                          if "letters.js" in p.read_text(encoding="utf-8"))
    assert with_letters == [f"tools/letters/{x}/index.html" for x in LETTERS]


def test_the_housing_protocol_keeps_its_status_visible_on_both_pages(page, base_url):
    status = SITE.tools.housing["worcestershire"].status
    for url in ("tools/worcestershire-housing/", "authorities/worcestershire/"):
        page.goto(base_url + url)
        assert status in page.locator(".housing-status").first.inner_text(), url
        assert "training flats" in page.locator(".md-content").inner_text()
    page.goto(base_url + "authorities/worcestershire/")
    headings = page.locator("h2").all_inner_texts()
    assert headings.index("Joint housing protocol for care leavers") + 1 == headings.index("About this council")
    page.goto(base_url + "authorities/lancashire/")
    assert page.locator("#housing-protocol").count() == 0


TOOL_PAGES = ["tools/", TOOL, "tools/letters/", "tools/worcestershire-housing/", "authorities/worcestershire/"] \
    + [f"tools/letters/{x}/" for x in LETTERS]


@pytest.mark.parametrize("width", [320, 1280])
def test_axe_finds_nothing_on_the_tools_filled_in_and_they_fit_the_screen(browser, base_url, width):
    from tests.browser.conftest import axe_pages

    def filled(page, url):
        if url == TOOL:           # with the results drawn, late allocation included
            fill(page, birth="2010-08-31", allocation="2026-06-01")
        elif url.startswith("tools/letters/") and url != "tools/letters/":
            page.locator("[data-field]").first.fill("Sam")
        if not page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"):
            return [f"{url}: scrolls sideways at {width}px"]
        return []

    failures = axe_pages(browser, base_url, width, TOOL_PAGES, filled, height=900)
    assert not failures, "\n".join(failures)
