"""Accessibility beyond axe (issue 11): keyboard-only journeys through search, the directory
filter, a decision tree, the comparison and the timescales calculator; reflow at 320 px and at
200% zoom on one page of every template; focus never hidden under the sticky header (WCAG 2.2,
2.4.11). Everything here is driven with page.keyboard alone: no clicks, no fill()."""
from __future__ import annotations

import pytest

from tests.browser.conftest import goto_settled
from tests.support import real_site

SITE = real_site()

# One page of each template (the axe test in test_site.py covers every page).
TEMPLATE_PAGES = [
    "", "404.html", "about/", "accessibility/", "practitioners/", "care-leavers/", "lead-officers/",
    "lead-officers/your-entry/", "monitoring/", "protocol/", "documents/", "documents/lancashire-guidance/",
    "glossary/", "decisions/", "decisions/step-down/", "decisions/step-down/q-age/",
    "decisions/unplanned-move/o-receiving-unplanned/", "authorities/", "authorities/lancashire/",
    "authorities/no-leaving-care-line/", "moving/", "moving/?from=lancashire&to=worcestershire",
    "coverage/", "changes/", "data/", "local-offers/", "local-offers/staying-put/", "local-offers/other/",
    "local-offers/mine/", "local-offers/mine/lancashire/", "local-offers/compare/?c=lancashire,surrey",
    "local-offers/send-a-correction/", "tools/", "tools/timescales/", "tools/letters/",
    "tools/letters/step-down/", "tools/worcestershire-housing/", "search/", "offline/",
]

# Whole-pixel widths: 320 CSS px (WCAG 1.4.10 reflow; 1280 px at 400%), and 1280 x 800 at 200%
# zoom, which lays out as a 640 x 400 viewport at device scale 2.
VIEWPORTS = {
    "320px": {"viewport": {"width": 320, "height": 640}},
    "200%-zoom": {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2},
}

FOCUSED = "document.activeElement"


def focused_text(page) -> str:
    return page.evaluate(f"({FOCUSED}.getAttribute('aria-label') || {FOCUSED}.textContent || '').trim()")


def tab_to(page, test, what, limit=200, key="Tab"):
    """Press Tab until the focused element passes `test` (a JS function of the element)."""
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate(f"({test})({FOCUSED})"):
            return
    pytest.fail(f"{key} never reached {what}")


def tab_to_text(page, text, limit=200):
    tab_to(page, f"el => (el.textContent || '').trim() === {text!r}", repr(text), limit)


# What hides the focused element, or null. It must be on screen, and not entirely covered by the
# sticky header or anything else (WCAG 2.4.11 Focus Not Obscured): some point of it, hit tested,
# must be the element itself.
HIDDEN_BY_HEADER = """() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const rects = [...el.getClientRects()].filter(r => r.width && r.height);
        if (!rects.length) return null;          // not drawn (e.g. a closed drawer's item): nothing to see
        for (const r of rects) {
            const left = Math.max(r.left, 0), right = Math.min(r.right, innerWidth);
            const top = Math.max(r.top, 0), bottom = Math.min(r.bottom, innerHeight);
            if (right - left < 1 || bottom - top < 1) continue;
            for (const fx of [0.1, 0.5, 0.9]) for (const fy of [0.2, 0.5, 0.8]) {
                const hit = document.elementFromPoint(left + (right - left) * fx, top + (bottom - top) * fy);
                if (hit && (hit === el || el.contains(hit))) return null;
            }
        }
        const r = el.getBoundingClientRect(), h = document.querySelector('.md-header');
        const headerBottom = h ? Math.round(h.getBoundingClientRect().bottom) : 0;
        return `${el.outerHTML.slice(0, 100)} at top ${Math.round(r.top)}, bottom ${Math.round(r.bottom)}; header ends at ${headerBottom}`;
    }"""


def hidden_by_header(page) -> str | None:
    return page.evaluate(HIDDEN_BY_HEADER)


# Keyboard-only journeys ----------------------------------------------------------------------

def test_keyboard_only_search_open_type_reach_a_result_and_follow_it(page, base_url):
    page.goto(base_url + "glossary/")
    tab_to(page, "el => el.matches('a[data-search-open]')", "the search control")
    page.keyboard.press("Enter")
    assert page.evaluate(f"{FOCUSED}.matches('input[type=search]')")
    page.keyboard.type("staying put")
    page.wait_for_function("() => document.querySelector('[data-search-results]').dataset.query === 'staying put'")
    tab_to(page, "el => !!el.closest('[data-search-results]') && el.matches('a')", "a search result", limit=10)
    href = page.evaluate(f"{FOCUSED}.href")
    assert hidden_by_header(page) is None
    page.keyboard.press("Enter")
    page.wait_for_url(href)
    assert page.locator("h1").first.is_visible()


def test_keyboard_only_directory_filter_narrows_then_opens_a_council(page, base_url):
    page.goto(base_url + "authorities/")
    tab_to(page, "el => el.id === 'council-filter'", "the filter box")
    page.keyboard.type("worcester")
    status = page.locator("#council-filter-count")
    page.wait_for_function("() => document.getElementById('council-filter-count').textContent.includes('1 council')")
    assert status.inner_text() == "1 council matches"
    # Space ticks the "no leaving care line" box; Space again unticks it.
    tab_to(page, "el => el.id === 'council-gap-filter'", "the gap checkbox", limit=3)
    page.keyboard.press("Space")
    assert page.evaluate(f"{FOCUSED}.checked")
    page.keyboard.press("Space")
    assert not page.evaluate(f"{FOCUSED}.checked")
    # The next link in the list that is shown (the A to Z is filtered too) is Worcestershire.
    tab_to(page, "el => el.matches('[data-council] a.council__name') && el.offsetParent !== null",
           "the one council left")
    assert focused_text(page) == "Worcestershire"
    assert hidden_by_header(page) is None
    page.keyboard.press("Enter")
    page.wait_for_url("**/authorities/worcestershire/")


def test_keyboard_only_through_a_tree_from_start_to_outcome(page, base_url):
    tree = SITE.trees["step-down"]
    journey = max(tree.journeys, key=lambda j: len(j["answers"]))
    page.goto(base_url + tree.url)
    tab_to_text(page, "Start")
    page.keyboard.press("Enter")
    node_id = tree.start
    for i, answer_id in enumerate(journey["answers"]):
        answer = next(a for a in tree.nodes[node_id]["answers"] if a["id"] == answer_id)
        page.wait_for_url(f"**/{tree.node_url(node_id)}**")
        tab_to(page, f"el => el.matches('a.answer') && el.textContent.includes({answer['label']!r})", answer["label"])
        assert hidden_by_header(page) is None
        # Links follow on Enter; Space is for buttons, and must not follow a link by mistake.
        if i == 0:
            page.keyboard.press("Space")
            assert f"/{tree.node_url(node_id)}" in page.url
        page.keyboard.press("Enter")
        node_id = answer["next"]
    page.wait_for_url(f"**/{tree.node_url(journey['outcome'])}**")
    assert page.locator("h1").inner_text() == tree.nodes[journey["outcome"]]["title"]


def test_keyboard_only_comparison_of_two_councils(page, base_url):
    page.goto(base_url + "local-offers/compare/")
    tab_to(page, "el => el.id === 'compare-1-typeahead'", "the first council")
    page.keyboard.type("Lancashire")           # the type-ahead: type, then Enter on the suggestion
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('compare-1').value") == "lancashire"
    tab_to(page, "el => el.id === 'compare-2-typeahead'", "the second council", limit=4)
    page.keyboard.type("Surrey")
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('compare-2').value") == "surrey"
    tab_to_text(page, "Compare", limit=4)
    page.keyboard.press("Enter")
    rows = page.locator("[data-compare-result] .compare-row")
    rows.first.wait_for()
    text = page.locator("[data-compare-result]").inner_text()
    assert "Lancashire" in text and "Surrey" in text


def test_keyboard_only_timescales_calculator(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url + "tools/timescales/")
    tab_to(page, "el => el.id === 'ts-council'", "the council")
    assert page.evaluate(f"{FOCUSED}.value") == "lancashire"
    page.keyboard.press("Tab")
    assert page.evaluate(f"{FOCUSED}.id") == "ts-birth"
    # A date field takes its parts in the browser's own order (day first in en-GB, month in en-US).
    order = page.evaluate("new Intl.DateTimeFormat().formatToParts(new Date(2010, 7, 31))"
                          ".map(p => p.type).filter(t => ['day', 'month', 'year'].includes(t))")
    page.keyboard.type("".join({"day": "31", "month": "08", "year": "2010"}[part] for part in order))
    assert page.evaluate(f"{FOCUSED}.value") == "2010-08-31"
    tab_to_text(page, "Work out the dates", limit=40)   # Tab also steps through each date's parts
    page.keyboard.press("Enter")
    result = page.locator("[data-result]")
    result.wait_for()
    assert page.evaluate(f"{FOCUSED}.matches('[data-result]')"), "focus moves to the dates"
    assert page.locator("[data-dates] tr").count() > 0
    tab_to_text(page, "Copy for case notes", limit=40)
    assert hidden_by_header(page) is None
    context.close()


# Reflow: no sideways scrolling -----------------------------------------------------------------

@pytest.mark.parametrize("view", VIEWPORTS, ids=list(VIEWPORTS))
def test_no_page_template_scrolls_sideways(browser, base_url, view):
    context = browser.new_context(**VIEWPORTS[view])
    page = context.new_page()
    wide = []
    for url in TEMPLATE_PAGES:
        goto_settled(page, base_url + url)            # pages that fetch a pair draw it
        size = page.evaluate("[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]")
        if size[0] > size[1]:
            wide.append(f"/{url}: {size[0]} px of content in {size[1]} px")
    context.close()
    assert not wide, "\n".join(wide)


# Focus not obscured by the sticky header ---------------------------------------------------------

@pytest.mark.parametrize("url,forward,back", [
    ("documents/lancashire-guidance/", 150, 80),
    ("protocol/", 120, 60),
    ("decisions/unplanned-move/o-receiving-unplanned/", 200, 60),
])
@pytest.mark.parametrize("width", [375, 1280])
def test_focus_is_never_hidden_under_the_sticky_header(browser, base_url, url, forward, back, width):
    """Tab down a long page, then Shift+Tab back up (where a sticky header hides most), checking
    every focused element."""
    context = browser.new_context(viewport={"width": width, "height": 700})
    page = context.new_page()
    page.goto(base_url + url)
    hidden, deepest = [], 0
    for key, times in (("Tab", forward), ("Shift+Tab", back)):
        for _ in range(times):
            page.keyboard.press(key)
            # one round trip a key: [past the last link?, what hides the focus, how far down]
            at_end, problem, scrolled = page.evaluate(
                f"() => [document.activeElement === document.body, ({HIDDEN_BY_HEADER})(), scrollY]")
            if at_end:
                break                                   # past the last link: the walk is over
            if problem:
                hidden.append(f"{key}: {problem}")
            deepest = max(deepest, scrolled)
    context.close()
    assert deepest > 0, "the walk never left the top of the page: it tests nothing"
    assert not hidden, "\n".join(hidden[:10])


# Focus visible (WCAG 2.4.7) where the theme's own rules are more specific than ours ------------

OUTLINE = "(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()"


@pytest.mark.parametrize("width", [375, 1280])
def test_focus_is_visible_on_the_header_and_on_every_toggle(browser, base_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(base_url + "decisions/unplanned-move/o-receiving-unplanned/")
    unseen = []
    for test, what in (("el => el.closest('.md-header') && el.tagName === 'A'", "a link in the header"),
                       ("el => el.tagName === 'SUMMARY'", "a “The National Protocol says” toggle")):
        tab_to(page, test, what, limit=300)
        style, px = page.evaluate(OUTLINE)
        if style == "none" or px < 2:
            unseen.append(f"{what}: outline {style} {px}px: {page.evaluate(f'{FOCUSED}.outerHTML.slice(0, 80)')}")
    context.close()
    assert not unseen, "\n".join(unseen)
