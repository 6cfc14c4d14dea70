"""The national help lines (data/help-lines.yaml) say the same thing on the care leavers' page and
in every letter that prints them: the same number, the same status in the same words, the same
caveat. A line with no number says "not on this site yet" and has no tel: link."""
from __future__ import annotations

import dataclasses
import html
import re

import pytest

from macros.directory import help_lines
from macros.careleavers.page import block
from macros.practice.pages import practice_pages
from tests.build.test_plain_english import article_html
from tests.support import real_site

SITE = real_site()
LINES = SITE.help_lines
# The letters that print the help lines (a `help_lines: true` paragraph).
PRINTING = sorted(letter.id for letter in SITE.tools.letters.values() if any(p.kind == "help" for p in letter.paras))


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def _item(page: str, attr: str, line_id: str) -> str:
    found = re.findall(rf'<li[^>]*{attr}="{line_id}"[^>]*>.*?</li>', page, re.S)
    assert len(found) == 1, (attr, line_id, len(found))
    return found[0]


def _said(line) -> list[str]:
    """What must be said wherever the line is: its number (or none), its status and its caveat."""
    out = [line.shown, line.status_words, line.for_words]
    return out + ([line.check[0].upper() + line.check[1:]] if line.check else [])


def test_the_letters_that_print_help_lines_are_the_closure_and_annual_letters():
    assert PRINTING == ["annual", "closure"]
    assert {h.id for h in LINES} == {"coram-voice-always-heard", "help-at-hand"}


@pytest.mark.parametrize("line", LINES, ids=lambda h: h.id)
def test_the_care_leavers_page_and_each_letter_say_the_same_for_each_line(built_site, line):
    page = _item(article_html(built_site, "care-leavers"), "data-help-line", line.id)
    for words in _said(line):
        assert words in _text(page), words
    assert f'href="tel:{line.phone.tel}"' in page            # a complete number can be called
    for letter_id in PRINTING:
        letter = (built_site / "tools" / "letters" / letter_id / "index.html").read_text(encoding="utf-8")
        printed = _text(_item(letter, "data-help-line", line.id))
        assert printed.startswith(f"{line.name}: {line.shown} ")   # the letter itself: the same number
        source = _text(_item(letter, "data-help-source", line.id))
        for words in _said(line):
            assert words in source, (letter_id, words)


def test_help_at_hand_is_shown_with_its_research_status_and_the_missing_page_said(built_site):
    page = _text(_item(article_html(built_site, "care-leavers"), "data-help-line", "help-at-hand"))
    assert "0800 528 0731" in page and "care leavers up to 25" in page
    assert help_lines.STATUS_WORDS["published"] in page            # the research row says published
    assert "do not record the web page this number came from" in page


def test_a_letter_that_does_not_print_the_lines_does_not_list_their_sources(built_site):
    letter = (built_site / "tools" / "letters" / "step-down" / "index.html").read_text(encoding="utf-8")
    assert "data-help-source" not in letter
    # Its own words (Lancashire's template) print Coram Voice's number: the same as the record.
    coram = next(h for h in LINES if h.id == "coram-voice-always-heard")
    assert f"Coram Voice Always Heard on {coram.phone.shown}" in _text(letter)


def test_a_line_with_no_number_says_so_and_has_no_tel_link():
    """Rendered from the real records with one line's number taken away, as the data would be."""
    gone = dataclasses.replace(LINES[1], phone=None, status="not-on-this-site-yet", check=None)
    site = dataclasses.replace(SITE, help_lines=[LINES[0], gone])
    page = str(block("help", site, "care-leavers/"))
    item = _item(page, "data-help-line", gone.id)
    assert "number not on this site yet" in _text(item)
    assert help_lines.STATUS_WORDS["not-on-this-site-yet"] in _text(item)
    assert "tel:" not in item and "0800 528 0731" not in item
    assert 'href="tel:+448088005792"' in _item(page, "data-help-line", LINES[0].id)   # the other still can be called
    letters = practice_pages(site)
    for letter_id in PRINTING:
        letter = letters[f"tools/letters/{letter_id}.md"][0]
        assert _text(_item(letter, "data-help-line", gone.id)) == f"{gone.name}: number not on this site yet (for {gone.for_words})"
        source = _text(_item(letter, "data-help-source", gone.id))
        assert "number not on this site yet" in source and "Check the number" not in source
