"""Issue 18, item 4, in the care leavers' A to Z of numbers (/care-leavers/councils/): beside every
number, its opening hours or that we do not know them, and our reasons to check it first (an 084 or
087 number, a page from before a council was reorganised)."""
from __future__ import annotations

import re
from html import unescape

from macros.careleavers.page import ask_once
from tests.support import real_site

SITE = real_site()


def items(built_site) -> list[str]:
    html = (built_site / "care-leavers" / "councils" / "index.html").read_text(encoding="utf-8")
    return [unescape(li) for li in re.findall(r"<li data-number>(<span class=\"cl-line__what\">.*?)</li>", html, re.S)]


def test_every_number_says_when_it_is_open_or_that_we_do_not_know(built_site):
    found = items(built_site)
    # every number, a number shared by a front door and a switchboard once (careleavers/page.py ask_once)
    numbers = sum(len(ask_once([(line, phone) for line in a.entry.distinct_lines for phone in line.phones]))
                  for a in SITE.authorities.values() if a.entry)
    assert len(found) == numbers > 300
    for li in found:
        assert 'href="tel:' in li
        hours = re.findall(r'<span class="cl-line__hours">(.*?)</span>', li)
        assert len(hours) == 1 and (hours[0].startswith("Open: ") or hours[0] == "We do not know when it is open."), li
    assert any(h.startswith("Open: ") for li in found for h in re.findall(r'cl-line__hours">(.*?)<', li))


def test_an_084_or_087_number_and_an_old_page_say_so_beside_the_number(built_site):
    found = items(built_site)
    old_style = [li for li in found if re.search(r'href="tel:\+4484[45]|href="tel:\+4487[01]', li)]
    assert old_style                                             # North Yorkshire's 0845, Barnsley's 0844
    for li in old_style:
        assert "Check first: an old-style 084 or 087 number, which many councils have replaced." in li, li
    checked = {line.check for a in SITE.authorities.values() if a.entry for line in a.entry.distinct_lines
               if line.check and line.phones}
    assert checked
    for why in checked:
        assert any(f"Check first: {why}." in li for li in found), why
