"""The accessibility statement (docs/accessibility.md) says what the tests really run, is linked
from every page's footer, and never names a publisher or a contact the settings do not hold."""
from __future__ import annotations

import re
from pathlib import Path

import axe_playwright_python

from tests.browser.conftest import AXE_TAGS


def statement(built_site: Path) -> str:
    return (built_site / "accessibility" / "index.html").read_text(encoding="utf-8")


def test_the_statement_names_the_axe_version_and_every_tag_the_tests_run(built_site):
    axe = Path(axe_playwright_python.__file__).with_name("axe.min.js").read_text(encoding="utf-8")[:200]
    version = re.search(r"axe v(\d+\.\d+\.\d+)", axe).group(1)
    html = statement(built_site)
    assert f"axe-core</a> {version} " in html, f"the statement must name axe-core {version}"
    for tag in AXE_TAGS:
        assert f"<code>{tag}</code>" in html, tag


def test_the_statement_follows_the_model_structure(built_site):
    headings = re.findall(r"<h[23][^>]*>(.*?)</h[23]>", statement(built_site))
    for required in ("How accessible this website is", "Feedback and contact information", "Enforcement procedure",
                     "Technical information about this website's accessibility", "Compliance status",
                     "Non-accessible content", "Preparation of this accessibility statement"):
        assert required in headings, required


def test_without_a_publisher_or_a_channel_the_statement_says_so(built_site):
    html = statement(built_site)
    assert "The publisher is not named on this copy of the site yet" in html
    assert "No way to send a correction is set up on this copy of the site yet" in html
    assert "mailto:" not in html


def test_every_page_links_to_the_statement_from_its_footer(built_site):
    for url in ("", "protocol/", "authorities/lancashire/", "local-offers/mine/lancashire/"):
        html = (built_site / url / "index.html").read_text(encoding="utf-8")
        footer = html[html.index('class="md-copyright atlas-footer"'):]
        assert re.search(r'href="[./]*accessibility/">Accessibility statement</a>', footer), url
