"""The axe helpers themselves (tests/browser/conftest.py): a check that cannot fail proves nothing.

A page made to break three rules must show all three, whether axe came with the context
(with_axe, as in the whole-site crawl) or is loaded into the page when the check runs."""
from __future__ import annotations

import re

import pytest

from tests.browser.conftest import axe_violations, with_axe

BROKEN = """<!doctype html><html lang="en"><head><title>axe self-test</title></head><body><main>
<h1>Broken on purpose</h1>
<p style="color:#bbb;background:#fff">Grey on white: too little contrast.</p>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="20" height="20">
<a href="#nowhere"></a>
</main></body></html>"""
EXPECTED = {"color-contrast", "image-alt", "link-name"}


@pytest.mark.parametrize("loaded", ["with the context", "into the page"])
def test_axe_reports_a_page_made_to_break_three_rules(browser, base_url, loaded):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    if loaded == "with the context":
        with_axe(context)
    page = context.new_page()
    page.route("**/__axe-self-test/", lambda route: route.fulfill(body=BROKEN, content_type="text/html"))
    page.goto(base_url + "__axe-self-test/")
    already = page.evaluate("typeof window.axe === 'object'")
    lines = axe_violations(page, "self-test")
    context.close()
    assert already == (loaded == "with the context")
    assert {line.split(": ")[1].split(" ")[0] for line in lines} == EXPECTED, lines
    # each line names where, the rule, its impact and the elements, as the crawl's report does
    assert all(re.fullmatch(r"self-test: [a-z-]+ \((minor|moderate|serious|critical)\): \[\[.+\]\]", line)
               for line in lines), lines
