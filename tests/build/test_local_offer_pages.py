"""Each council's own local offer page, as built: first in the offer section of its page, on its
"what applies to me" page, and where this site holds nothing, "not on this site: see <council>'s
local offer" with that link, never a bare "not known"."""
from __future__ import annotations

import html
import re

from tests.support import real_site

SITE = real_site()          # read only: the real data/, loaded once per process


def offer_section(site_dir, a) -> str:
    text = (site_dir / a.url / "index.html").read_text(encoding="utf-8")
    return text.split('id="local-offer"', 1)[1].split("<h2", 1)[0]


def words(fragment: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", fragment)))


def shows(page, fragment: str) -> bool:
    """The page is linked (https) or named with its address (http, not linked)."""
    return (f'href="{html.escape(page.url)}"' in fragment) if page.linkable else (page.url in words(fragment))


def test_every_council_page_links_its_local_offer_page_first_or_says_none_was_found(built_site):
    found = none = 0
    for a in SITE.authorities.values():
        assert a.local_offer_pages is not None, f"{a.name}: the research searched every council"
        section = offer_section(built_site, a)
        first = section.split("</p>", 1)[0]          # the first thing in the offer section
        if a.offer_page:
            assert shows(a.offer_page, first) and f"{a.name}’s own local offer" in words(first), a.name
            for page in a.local_offer_pages:
                assert shows(page, section), (a.name, page.url)
                if page.caveat:
                    assert page.caveat.lower() in words(section).lower(), (a.name, page.caveat)
            found += 1
        else:
            assert "own local offer page: not found yet" in words(first), a.name
            assert f'href="{a.website}"' in first, a.name                  # where to look
            none += 1
    assert (found, none) == (132, 21)


def test_no_unknown_on_a_councils_pages_lacks_its_local_offer_link(built_site):
    """Where we hold no item, the council's own offer is linked beside the words, never a bare "not known"."""
    checked = 0
    for a in SITE.authorities.values():
        if not a.offer_page:
            continue
        for url in (a.url, f"local-offers/mine/{a.slug}/"):
            text = (built_site / url / "index.html").read_text(encoding="utf-8")
            body = text.split("<article", 1)[1].split("</article>", 1)[0]
            # the site's own "we hold nothing" sentences (an item's note quoting its source is not one)
            for cls, para in re.findall(r'<p class="([^"]*)">(.*?)</p>', body, re.S):
                said = words(para)
                if cls in ("hint", "offer-missing", "offer-unknown") and re.search(r"not on this site|not known", said):
                    assert shows(a.offer_page, para), (url, said)
                    checked += 1
    assert checked > 132


def test_a_weak_rows_caveat_shows_wherever_its_value_shows(built_site):
    """A party list's council tax 'yes' is never shown plain: council page and entitlement table."""
    from macros.offers.display import value_text
    weak = [(o, i) for o in SITE.offers.values() for i in o.items if i.caveat and "party" in i.caveat]
    assert len(weak) >= 11
    for offer, item in weak:
        a = SITE.authorities.get(offer.code) or SITE.authorities[offer.county]
        for url in (a.url, f"local-offers/{item.entitlement}/"):
            said = words((built_site / url / "index.html").read_text(encoding="utf-8"))
            assert value_text(item).endswith(f" ({item.caveat})") and value_text(item) in said, (offer.name, url)


def test_a_countys_council_tax_row_names_its_districts_and_a_not_known_row_links_the_offer(built_site):
    import csv
    rows = list(csv.DictReader((built_site / "data" / "offers.csv").open(encoding="utf-8")))
    kent = [r for r in rows if r["place"] == "Kent" and r["entitlement"] == "council-tax-discount"]
    assert len(kent) == 1 and kent[0]["status"] == "decided by the district councils"
    assert all(f"{d.name}: " in kent[0]["shown_as"] for d in next(a for a in SITE.authorities.values()
                                                                   if a.name == "Kent").districts)
    unknown = [r for r in rows if r["shown_as"].startswith("not on this site")]
    assert unknown and all(r["source"].startswith("http") for r in unknown)
    assert not [r for r in rows if r["district"] == "no" and r["entitlement"].startswith("council-tax")
                and r["shown_as"] == "not known" and SITE.authorities[r["gss_code"]].type == "CTY"]
