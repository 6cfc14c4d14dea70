"""Search answers questions: all words, answers first, the one-line answer as snippet, synonyms,
nothing fetched until search is opened, keyboard, and a fallback without JavaScript."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import axe_violations, search

APPENDIX_2 = "/documents/lancashire-guidance/#section-appendix-2-step-down-letter-template"
SEARCH_ONLY = ("/pagefind/", "/search/synonyms.json")


def pages_of(hrefs):
    """Result pages in order, without their paragraph links."""
    out = []
    for h in hrefs:
        path = h.split("#")[0]
        if path not in out:
            out.append(path)
    return out


def article_text(page, base_url, path) -> str:
    html = page.request.get(base_url.rstrip("/") + path).text()
    article = html[html.index("<article"):html.index("</article>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article)).lower()


def test_every_word_must_match(page, base_url):
    hrefs = search(page, base_url, "council tax")
    found = pages_of(hrefs)
    assert found, hrefs
    for path in found:           # "council" alone (187 pages) is not enough
        assert "tax" in article_text(page, base_url, path), path


@pytest.mark.parametrize("query, answers", [
    # Council tax is a local-offer question: the entitlement pages and "what applies to me" answer it.
    ("council tax", ["/care-leavers/", "/local-offers/council-tax-exemption/", "/local-offers/council-tax-discount/",
                     "/local-offers/mine/", "/local-offers/"]),
    ("step down letter", ["/tools/letters/step-down/", "/documents/lancashire-guidance/"]),
    ("emergency money", ["/decisions/charging/o-emergency/", "/protocol/"]),
])
def test_the_answering_page_comes_first(page, base_url, query, answers):
    hrefs = search(page, base_url, query)
    assert pages_of(hrefs)[0] in answers, hrefs
    if answers[0].startswith("/documents/lancashire-guidance/"):
        assert APPENDIX_2 in hrefs[:3], hrefs     # the paragraph itself, right under the page


def test_outcome_pages_rank_above_reference_pages(page, base_url):
    found = pages_of(search(page, base_url, "unplanned"))
    outcomes = [i for i, p in enumerate(found) if re.search(r"/decisions/[^/]+/o-", p)]
    references = [i for i, p in enumerate(found) if p.startswith(("/protocol/", "/documents/", "/glossary/"))]
    assert outcomes, found
    assert not references or max(outcomes) < min(references), found


def test_a_synonym_finds_the_page_that_uses_the_other_words(page, base_url):
    # The emergency outcome says "financial assistance", never "money"
    assert "money" not in article_text(page, base_url, "/decisions/charging/o-emergency/")
    assert "/decisions/charging/o-emergency/" in pages_of(search(page, base_url, "emergency money"))


def test_an_outcome_shows_its_one_line_answer_not_page_furniture(page, base_url):
    search(page, base_url, "emergency financial assistance")
    item = page.locator("[data-search-results] > li").filter(
        has=page.locator("a[href='/decisions/charging/o-emergency/']"))
    lede = re.sub(r"\s+", " ", page.request.get(base_url + "decisions/charging/o-emergency/").text()
                  .split('<p class="lede"', 1)[1].split(">", 1)[1].split("</p>", 1)[0])
    text = item.inner_text()
    assert lede.strip() in text
    assert "Back" not in text and ": outcome" not in text


def test_furniture_is_not_found(page, base_url):
    # Words that are on every outcome page, but only in its furniture: the decision record's
    # "Copy a plain-text record…", "Your answers are listed here…", "Show the record as text"
    for query in ("plain text record", "answers are listed here when javascript", "show the record as text"):
        found = pages_of(search(page, base_url, query))
        assert not [p for p in found if "/o-" in p], (query, found)


def test_nothing_of_search_is_fetched_until_it_is_opened_and_nothing_leaves_the_site(page, base_url):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base_url + "protocol/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in requests if any(part in u for part in SEARCH_ONLY)], requests
    search(page, base_url, "unplanned")
    assert [u for u in requests if "/pagefind/" in u]
    host = urlsplit(base_url).netloc
    assert all(urlsplit(u).netloc == host for u in requests if u.startswith("http")), requests


def focus_is_visible(page) -> bool:
    """The focused element is on screen and nothing covers its middle."""
    return page.evaluate("""() => {
        const el = document.activeElement, r = el.getBoundingClientRect();
        if (!r.width || r.bottom < 0 || r.top > innerHeight) return false;
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return hit !== null && (hit === el || el.contains(hit));
    }""")


@pytest.mark.parametrize("width", [375, 1280])
def test_keyboard_opens_moves_through_and_closes_search(browser, base_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(base_url + "protocol/")
    page.get_by_role("button", name="Search").focus()
    page.keyboard.press("Enter")
    box = page.get_by_role("searchbox", name="Search this site")
    assert box.evaluate("el => el === document.activeElement")
    page.keyboard.type("unplanned")
    page.wait_for_function("() => document.querySelector('[data-search-results]').dataset.query === 'unplanned'")
    links = page.locator("[data-search-results] a")
    page.keyboard.press("ArrowDown")
    assert links.first.evaluate("el => el === document.activeElement")
    page.keyboard.press("ArrowDown")
    assert links.nth(1).evaluate("el => el === document.activeElement")
    for _ in range(12):            # Tab reaches results further down, never hidden
        page.keyboard.press("Tab")
        assert focus_is_visible(page), page.evaluate("document.activeElement.outerHTML")
    page.keyboard.press("Escape")
    assert not page.locator("dialog.atlas-search").evaluate("d => d.open")
    assert page.evaluate("document.activeElement.matches('a[data-search-open]')")
    page.keyboard.press("Enter")                  # opens again, with the last results
    assert page.locator("dialog.atlas-search").evaluate("d => d.open")
    page.keyboard.press("Enter")                  # Enter in the box searches, it does not leave
    assert page.url.endswith("/protocol/")
    context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_axe_finds_nothing_in_open_search_with_results(browser, base_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    search(page, base_url, "unplanned")
    violations = axe_violations(page)
    context.close()
    assert not violations, "\n".join(violations)


def test_the_search_page_searches_with_javascript_and_takes_a_query_from_its_address(page, base_url):
    page.goto(base_url + "search/?q=staying+put")
    page.wait_for_function("() => document.querySelector('[data-search-results]').dataset.query === 'staying put'")
    assert page.locator("[data-search-results] a[href='/glossary/#staying-put']").count() == 1
    assert not page.get_by_text("Search needs JavaScript").is_visible()
