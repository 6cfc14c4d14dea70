"""The small things a reader trips over (usability review, November 2026)."""
from __future__ import annotations

import re


def test_page_titles_name_the_site_once(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<title>\s*Leaving Care Atlas\s*</title>", home)
    outcome = (built_site / "decisions" / "charging" / "o-emergency" / "index.html").read_text(encoding="utf-8")
    assert outcome.count("Leaving Care Atlas</title>") == 1 and "?:" not in outcome


def test_stand_alone_links_are_at_least_24_px_tall(browser, base_url):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    for url, selector in (("decisions/unplanned-move/o-receiving-unplanned/", ".step__cites a"),
                          ("authorities/", ".a-to-z a"),
                          ("protocol/", ".para__tools a")):
        page.goto(base_url + url)
        heights = page.eval_on_selector_all(selector, "els => els.map(e => e.getBoundingClientRect().height)")
        assert heights and min(heights) >= 24, (url, selector, min(heights or [0]))
    context.close()


def test_no_empty_band_above_back_on_a_phone(browser, base_url):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(base_url + "decisions/unplanned-move/q-your-council/")
    header = page.locator(".md-header").bounding_box()
    back = page.get_by_role("link", name="Back").bounding_box()
    assert back["y"] - (header["y"] + header["height"]) < 40, back
    context.close()


def test_our_disclosures_have_no_pencil_icon(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + "decisions/unplanned-move/o-receiving-unplanned/")
    for selector in ("details.record-fallback > summary", "details.source-para > summary", "details.evidence > summary"):
        if page.locator(selector).count():
            shown = page.eval_on_selector(selector, "e => getComputedStyle(e, '::before').display")
            assert shown == "none", selector
    context.close()


def test_a_questions_hint_sits_close_under_its_heading_on_a_phone(browser, base_url):
    """Material's 40 px under the h1 left a band between a question and its hint (usability
    review): the first answer then started below the first screen."""
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(base_url + "decisions/unplanned-move/q-receiving-situation/?answers=receiving")
    gap = page.evaluate("""() => { const h = document.querySelector('article h1');
        return h.nextElementSibling.getBoundingClientRect().top - h.getBoundingClientRect().bottom; }""")
    assert page.locator("article h1 + .hint").count() == 1
    assert 8 <= gap <= 28, gap
    context.close()
