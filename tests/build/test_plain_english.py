"""Plain English where care leavers read: measured with textstat, not guessed."""
from __future__ import annotations

import html
import re

import textstat

# Not our prose, so not measured: citations ("National Protocol 9.3", "Source: ..." in small
# print), the law's own words (class not-prose), the picker's lists of council names and the
# page's data for its script.
_NOT_PROSE = [
    r'<small class="cite-quiet[^"]*">.*?</small>',
    r'<details class="[^"]*not-prose[^"]*">.*?</details>',
    r'<a class="cite"[^>]*>[^<]*</a>',
    r"<select.*?</select>",
    r"<script.*?</script>",
]


def article_html(site_dir, url: str) -> str:
    page = (site_dir / url / "index.html").read_text(encoding="utf-8")
    return page.split("<article", 1)[1].split("</article>", 1)[0]


def prose(article: str) -> str:
    for pattern in _NOT_PROSE:
        article = re.sub(pattern, " ", article, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", article))


def article_text(site_dir, url: str) -> str:
    return prose(article_html(site_dir, url))


def test_the_care_leavers_page_is_plain_english(built_site):
    text = article_text(built_site, "care-leavers")
    assert "Nowhere to stay tonight?" in text and "priority need" in text    # the measure sees the new sections
    # Flesch reading ease 70 or more is "fairly easy" (the issue asks 60); grade 8 is about age 13 to 14.
    assert textstat.flesch_reading_ease(text) >= 70
    assert textstat.flesch_kincaid_grade(text) <= 8


def test_the_measure_fails_legal_prose():
    """The test above can fail: the law's own words, measured as prose, are far below 60."""
    law = ("If the local housing authority have reason to believe that an applicant may be homeless, "
           "eligible for assistance and have a priority need, they shall secure that accommodation is "
           "available for his occupation pending a decision as to the duty (if any) owed to him under "
           "the following provisions of this Part.")
    assert textstat.flesch_reading_ease(law) < 60
    assert prose('<details class="cl-law not-prose"><summary>x</summary>' + law + "</details>").strip() == ""


def test_the_a_to_z_of_numbers_is_plain_english(built_site):
    text = article_text(built_site, "care-leavers/councils")
    assert textstat.flesch_reading_ease(text) >= 60
