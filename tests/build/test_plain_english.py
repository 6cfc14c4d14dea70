"""Plain English where care leavers read: measured with textstat, not guessed."""
from __future__ import annotations

import html
import re

import textstat


def article_text(site_dir, url: str) -> str:
    page = (site_dir / url / "index.html").read_text(encoding="utf-8")
    article = page.split("<article", 1)[1].split("</article>", 1)[0]
    article = re.sub(r'<a class="cite"[^>]*>[^<]*</a>', "", article)    # "National Protocol 9.3" is a reference, not prose
    return html.unescape(re.sub(r"<[^>]+>", " ", article))


def test_the_care_leavers_page_is_plain_english(built_site):
    text = article_text(built_site, "care-leavers")
    # Flesch reading ease 70 or more is "fairly easy"; grade 8 is about age 13 to 14.
    assert textstat.flesch_reading_ease(text) >= 70
    assert textstat.flesch_kincaid_grade(text) <= 8
