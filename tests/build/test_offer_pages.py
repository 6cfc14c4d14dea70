"""Local offers as built: council pages, "what applies to me", compare, entitlement pages, exports."""
from __future__ import annotations

import csv
import html
import io
import json
import re
from pathlib import Path

from macros.site import load_site

ROOT = Path(__file__).resolve().parents[2]
SITE = load_site(ROOT)


def page(site_dir, url: str) -> str:
    return (site_dir / url / "index.html").read_text(encoding="utf-8")


def article(text: str) -> str:
    return text.split("<article", 1)[1].split("</article>", 1)[0]


def blocks(text: str) -> list[str]:
    """The text of every offer item (whole), and of every other paragraph and list item."""
    item = re.compile(r'<li class="offer-item">(.*?)</li>', re.S)
    rest = item.sub("", text)
    found = item.findall(text) + re.findall(r"<(?:p|li)\b[^>]*>(.*?)</(?:p|li)>", rest, re.S)
    return [re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", b))) for b in found]


def test_county_pages_state_no_council_tax_rule_without_a_source(built_site):
    """Accuracy finding M7: every sentence about council tax on a county page carries its source."""
    counties = [a for a in SITE.authorities.values() if a.type == "CTY"]
    assert len(counties) == 21
    for a in counties:
        text = article(page(built_site, a.url))
        assert "Each district decides its own council tax relief" not in text
        for block in blocks(text):
            if "council tax" in block.lower():
                assert "Source" in block, (a.name, block)


def test_lancashire_page_shows_council_tax_to_25_from_appendix_2(built_site):
    text = article(page(built_site, "authorities/lancashire/"))
    item = next(b for b in blocks(text) if "Council tax paid or exempt" in b)
    assert "Yes, up to 25" in item and "Appendix 2" in item and "undated" in item
    assert 'href="../../documents/lancashire-guidance/#section-appendix-2-step-down-letter-template"' in text


def test_council_without_an_offer_says_not_on_this_site_yet_never_no(built_site):
    missing = [a for a in SITE.authorities.values() if a.code not in SITE.offers]
    assert missing
    for a in missing[:10]:
        text = article(page(built_site, a.url))
        assert "not on this site yet" in text and a.website in text


def test_older_items_are_due_for_review_and_disagreements_shown(built_site):
    text = article(page(built_site, "authorities/surrey/"))
    suha = next(b for b in blocks(text) if "Setting up home allowance" in b and "£3,000" in b)
    assert "Sources disagree" in suha and "£2,000" in suha
    oxford = article(page(built_site, "authorities/oxfordshire/"))
    assert "January 2019" in oxford and "due for review" in oxford
