"""Hostile data in the browser (issue 11, item 7): the site built with every inert payload of
tests/data/hostile.yaml in every kind of data file runs none of them.

Each page is watched for dialogs, page errors and Content-Security-Policy violations (an inline
handler that got into the page would be blocked by the policy and reported), and payloads set
`window.__pwned`, which must stay undefined. The tools are driven too (planner, letters,
timescales, local offers, the tree summary, search), since their JavaScript draws data.
"""
from __future__ import annotations

import functools
import http.server
import re
import threading

import pytest

from tests.browser.conftest import _QuietHandler

# The hostile site is built once per run (tests/conftest.py, hostile_site) for this module and
# tests/build/test_hostile.py: one xdist group keeps both on one worker (make test runs --dist loadgroup),
# so the other worker goes on with other tests instead of waiting for that build.
pytestmark = pytest.mark.xdist_group("hostile-site")

WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || ''));
});
"""
# A payload typed by the reader (letters) must be shown as text too.
TYPED = '<img src=x onerror="window.__pwned=1">" onmouseover="window.__pwned=1'


@pytest.fixture(scope="module")
def hostile_url(hostile_site):
    handler = functools.partial(_QuietHandler, directory=str(hostile_site[1]))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture
def watched(browser):
    # 320 px: the narrowest phone, where a long payload would most likely push the page sideways.
    context = browser.new_context(viewport={"width": 320, "height": 640})
    context.add_init_script(WATCH)
    page = context.new_page()
    events: list[str] = []
    page.on("dialog", lambda d: (events.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("pageerror", lambda e: events.append(f"page error: {e}"))
    yield page, events
    context.close()


def assert_nothing_ran(page, events, where):
    found = list(events) + [f"CSP: {v}" for v in page.evaluate("window.__violations || []")]
    assert page.evaluate("typeof window.__pwned") == "undefined", where
    assert not found, f"{where}: " + "; ".join(found)


def pages_with_payloads(hostile_site) -> list[str]:
    """Every page that shows a payload, but not the pages that show one only in the menu (the
    charging tree's title is in every page's menu: those pages are covered by the others)."""
    placed, site = hostile_site
    markers = re.compile("|".join(p.payload for p in placed))
    everywhere = placed[4].payload          # trees/charging.yaml title: in the menu of every page
    urls = []
    for path in sorted(site.rglob("*.html")):
        found = set(markers.findall(path.read_text(encoding="utf-8")))
        if found - {everywhere}:
            rel = path.relative_to(site).as_posix()
            urls.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return urls


def test_no_page_showing_a_payload_runs_it_or_scrolls_sideways(watched, hostile_site, hostile_url):
    """Every page that shows a payload, including a 20,000-character paragraph and long words."""
    page, events = watched
    urls = pages_with_payloads(hostile_site)
    assert len(urls) > 20 and "protocol/" in urls and "glossary/" in urls
    wide = []
    for url in urls:
        page.goto(hostile_url + url)
        assert_nothing_ran(page, events, url)
        if page.evaluate("document.documentElement.scrollWidth") > 320:
            wide.append(url)
    assert not wide, "scrolls sideways at 320 px: " + ", ".join(wide)


def test_the_tree_summary_draws_payloads_as_text(watched, hostile_url):
    page, events = watched
    page.goto(hostile_url + "decisions/charging/o-basic-advice/?answers=basic-advice")
    summary = page.locator("[data-answers], .tree-answers, dl").first
    assert "[quote-handler]" in page.locator("main, article").first.inner_text()
    summary.wait_for()
    assert_nothing_ran(page, events, "tree outcome with answers")


def test_the_planner_draws_council_lines_as_text(watched, hostile_url):
    page, events = watched
    page.goto(hostile_url + "moving/?from=lancashire&to=district-burnley")
    page.locator(".planner-card").first.wait_for()
    assert "[jinja-expression] {{ 7*7 }}" in page.locator(".planner-card").first.inner_text()
    assert_nothing_ran(page, events, "moving planner")


def test_the_directory_filter_and_local_offers_chooser(watched, hostile_url):
    page, events = watched
    page.goto(hostile_url + "authorities/")
    page.get_by_label("Filter by council name, region or type").fill("lancashire")
    assert_nothing_ran(page, events, "directory filter")
    page.goto(hostile_url + "local-offers/mine/?from=lancashire&to=district-burnley")   # a shared link
    page.get_by_role("button", name="Change the councils").click()
    page.get_by_role("button", name="Show what applies to me").click()
    page.wait_for_timeout(500)
    assert_nothing_ran(page, events, "local offers chooser")


def test_the_timescales_tool(watched, hostile_url):
    page, events = watched
    page.goto(hostile_url + "tools/timescales/")
    page.locator("[data-input='birth']").fill("2010-08-31")
    page.get_by_role("button", name="Work out the dates").click()
    page.locator("[data-result]").wait_for()
    assert "[less-than] a < script> b" in page.locator("main, article").first.inner_text()
    assert_nothing_ran(page, events, "timescales")


def test_a_letter_shows_data_and_what_is_typed_as_text(watched, hostile_url):
    page, events = watched
    page.goto(hostile_url + "tools/letters/step-down/")
    for field in page.locator("[data-field]").all():
        field.fill(TYPED)
    page.wait_for_timeout(300)           # an <img onerror> would have fired by now
    assert_nothing_ran(page, events, "step-down letter")
    letter = page.locator("[data-letter-text]")
    assert TYPED in letter.inner_text()
    assert letter.locator("img").count() == 0


def test_search_results_show_payloads_as_text(watched, hostile_url):
    page, events = watched
    page.goto(hostile_url)
    page.get_by_role("button", name="Search").click()
    page.get_by_role("searchbox", name="Search this site").fill("onmouseover pwned")
    page.wait_for_function("q => { const r = document.querySelector('[data-search-results]');"
                           " return r && r.dataset.query === q; }", arg="onmouseover pwned")
    results = page.locator("[data-search-results]")
    assert results.locator("a").count() > 0
    assert results.locator("img, script, [onmouseover]").count() == 0
    assert_nothing_ran(page, events, "search")


# --- typed input on a plain phone (issue 20: L2, L3 of the reliability review) --------------------

NO_CLIPBOARD = "Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined, configurable: true})"


def test_copy_without_a_clipboard_says_what_to_do(browser, base_url):
    """L2: an http:// host or an in-app browser has no navigator.clipboard: said, never a page error."""
    context = browser.new_context()
    context.add_init_script(NO_CLIPBOARD)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base_url + "tools/timescales/")
    page.fill("#ts-birth", "2008-03-04")
    page.get_by_role("button", name="Work out the dates").click()
    page.get_by_role("button", name="Copy for case notes").click()
    assert "copy them by hand" in page.locator("[data-result] [data-status]").inner_text()
    page.goto(base_url + "tools/letters/step-down/")
    page.locator("[data-copy-letter]").click()
    assert "copy it by hand" in page.locator("[data-letter-status]").inner_text()
    assert not errors, errors
    context.close()


def test_a_year_before_1900_is_not_read_as_the_1900s(page, base_url):
    """L3: Date.UTC reads the year 50 as 1950: a date of birth typed 0050-03-04 is refused, named."""
    page.goto(base_url + "tools/timescales/")
    page.fill("#ts-birth", "0050-03-04")
    page.get_by_role("button", name="Work out the dates").click()
    assert page.locator("#ts-birth-error").inner_text() == "Check the year of the date of birth: 0050 is before 1900."
    assert page.locator("[data-result]").is_hidden()
