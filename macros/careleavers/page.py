"""The care leavers' page (docs/care-leavers.md): the blocks it draws from data, and the A to Z
of councils' numbers that is its answer without JavaScript.

The page itself is hand-written Markdown; these blocks are rendered by our own Jinja environment
(autoescape on) and handed to the macro as finished HTML, so data is never trusted as markup.
"""
from __future__ import annotations

import re

from markupsafe import Markup

from macros.core.render import page_source, render
from macros.careleavers import words
from macros.directory.contact_lines import ASK_FOR_TEAM, says

LIST_URL = "care-leavers/councils/"
# The council whose published council-tax item the page gives as its example (the review's choice:
# Lancashire's letter to young adults, Appendix 2 of its guidance).
EXAMPLE_COUNCIL = "E10000017"
TAX = "council-tax-exemption"
BLOCKS = {"picker": "_care_leavers_picker.html", "tonight": "_care_leavers_tonight.html",
          "council-tax": "_care_leavers_council_tax.html", "help": "_care_leavers_help.html"}


def places(site) -> tuple[list, list]:
    councils = sorted(site.authorities.values(), key=lambda a: a.name)
    districts = sorted(site.districts.values(), key=lambda d: d.name)
    return councils, districts


def ask_once(pairs: list) -> list:
    """(line, phone) pairs with one pair per number among the lines where one asks for the team
    (front doors and switchboards: Lancashire's are both 0300 123 6720): the one that says what to
    ask for, else the first. The same rule as atlasCards.askOnce in
    docs/assets/cards.js, so the page reads the same with JavaScript on and off."""
    best = {}
    for line, phone in pairs:
        if line.kind in ASK_FOR_TEAM and not line.for_group:
            if phone.tel not in best or (line.ask_for and not best[phone.tel][0].ask_for):
                best[phone.tel] = (line, phone)
    return [(line, phone) for line, phone in pairs
            if line.kind not in ASK_FOR_TEAM or line.for_group or best[phone.tel][0] is line]


def lines(authority) -> list[dict]:
    """A council's numbers in calling order, each in the care leaver's words (as the script shows them)."""
    entry = authority.entry
    if entry is None:
        return []
    pairs = ask_once([(line, phone) for line in entry.distinct_lines for phone in line.phones])
    return [{"says": says(line, words.PLAIN), "kind": line.kind, "phone": phone,
             "status": words.STATUS_WORDS[line.status], "out_of_hours": line.out_of_hours and not line.for_group}
            for line, phone in pairs]


def tax_example(site):
    """Lancashire's council-tax item and its quoted words, if the offers data still holds them."""
    offer = site.offers.get(EXAMPLE_COUNCIL)
    item = next((i for i in offer.items if i.entitlement == TAX), None) if offer else None
    if item is None:
        return None
    quoted = re.search(r"\"([^\"]+)\"", item.conditions or "")
    return {"offer": offer, "item": item, "words": quoted.group(1) if quoted else None}


def block(part: str, site, url: str) -> Markup:
    councils, districts = places(site)
    values = {"councils": councils, "districts": districts, "list_url": LIST_URL,
              "script_words": words.for_script(), "facts": site.homelessness,
              "tax": site.entitlements.get(TAX), "help_lines": site.help_lines, "example": tax_example(site),
              # The type-ahead (docs/assets/typeahead.js) enhances the selects once it is in the site.
              "typeahead": (site.root / "docs" / "assets" / "typeahead.js").exists()}
    return Markup(render(BLOCKS[part], site, url, **values))


def care_leaver_pages(site) -> dict[str, tuple[str, bool]]:
    councils, districts = places(site)
    html = render("care_leavers_councils.html", site, LIST_URL, councils=councils, districts=districts,
                  lines=lines, words=words)
    # Out of search: its 153 council names would crowd out each council's own page.
    return {"care-leavers/councils.md": (page_source(
        "Every council’s numbers", html, search=False,
        description="Care leavers: every council’s leaving care and out of hours numbers, A to Z, in plain words."),
        False)}
