"""Local offers as built: council pages, "what applies to me", compare, entitlement pages, exports."""
from __future__ import annotations

import csv
import html
import io
import json
import re
from pathlib import Path

from macros.core.site import load_site

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


def test_exports_parse_and_match_the_data(built_site):
    data = json.loads((built_site / "data" / "offers.json").read_text(encoding="utf-8"))
    items = [(i.place, i.entitlement, i.what) for o in SITE.offers.values() for i in o.items]
    assert sorted((r["gss_code"], r["entitlement"], r["name"] if r["entitlement"] == "other" else None)
                  for r in data["items"]) == sorted((p, e, w) for p, e, w in items)
    rows = list(csv.DictReader(io.StringIO((built_site / "data" / "offers.csv").read_text(encoding="utf-8"))))
    held = [r for r in rows if r["status"] not in ("not known", "decided by the district councils")]
    assert len(held) == len(items)
    lancs_tax = next(r for r in held if r["gss_code"] == "E10000017" and r["entitlement"] == "council-tax-exemption")
    assert (lancs_tax["raw_value" if "raw_value" in lancs_tax else "value"], lancs_tax["age_to"]) == ("yes", "25")
    # every council has a row for every kind of help a council can hold: unknown is a row, not a gap
    councils = {r["gss_code"] for r in rows if r["district"] == "no"}
    assert councils == set(SITE.authorities)
    derby = {r["entitlement"]: r["status"] for r in rows if r["gss_code"] == "E06000015"}
    assert derby["setting-up-home-allowance"] == "not known"
    ents = json.loads((built_site / "data" / "entitlements.json").read_text(encoding="utf-8"))["entitlements"]
    assert {e["id"] for e in ents} == set(SITE.entitlements)
    suha = next(e for e in ents if e["id"] == "setting-up-home-allowance")
    assert suha["floor"]["value"] == 3000
    lancs = json.loads((built_site / "data" / "offers" / "lancashire.json").read_text(encoding="utf-8"))
    assert [r["value"] for r in lancs["travels"] if r["entitlement"] == "council-tax-exemption"] == ["Yes"]
    assert len(list((built_site / "data" / "offers").glob("*.json"))) == 153 + 164


def test_the_answer_for_lancashire_to_a_worcestershire_district():
    from macros.offers import applies
    places = applies.places(SITE)
    one = applies.travels(SITE, places["lancashire"].council)
    tax = [item for ent, item, note in one if ent.id == "council-tax-exemption"]
    assert tax and tax[0].age_to == 25
    for district in SITE.authorities["E10000034"].districts:
        two = applies.here(SITE, places[f"district-{district.name.lower().replace(' ', '-')}"])
        rules = [item for ent, item, note, by in two["rows"] if ent.id.startswith("council-tax")]
        assert rules or "Help with council tax" in two["unknown"]


def test_coverage_counts_offers(built_site):
    text = article(page(built_site, "coverage"))
    councils_with_offers = sum(1 for c in SITE.offers if c in SITE.authorities)
    assert f"<td>{councils_with_offers}</td></tr></tfoot>" in text.replace("\n", "")
    assert "0 everywhere" not in text


def test_the_planner_and_open_data_pages_include_offers(built_site):
    moving = page(built_site, "moving")
    assert "data-moving-offers" in moving and "not on this site yet</strong>. Each council" not in moving
    assert 'src="../assets/offers.js"' in moving
    assert "offers.csv" in page(built_site, "data")


def test_offers_script_is_loaded_only_where_it_is_used(built_site):
    with_script = {p.parent.relative_to(built_site).as_posix() for p in built_site.rglob("index.html")
                   if "assets/offers.js" in p.read_text(encoding="utf-8")}
    assert "local-offers/mine" in with_script and "local-offers/compare" in with_script
    assert "authorities/lancashire" not in with_script and "." not in with_script


def test_what_applies_to_me_is_plain_english(built_site):
    """Measured on the prose: the lists of council names and the sources' titles are not sentences."""
    import textstat
    for url in ("local-offers/mine", "local-offers/mine/district-wychavon", "local-offers/mine/lancashire"):
        text = article(page(built_site, url))
        text = re.sub(r'<a class="cite"[^>]*>[^<]*</a>', "", text)
        text = re.sub(r"<select.*?</select>", "", text, flags=re.S)
        text = re.sub(r'<ul class="planner-all".*?</ul>', "", text, flags=re.S)
        text = re.sub(r'<span class="hint">Source:.*?</span>', "", text, flags=re.S)
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
        assert textstat.flesch_reading_ease(text) >= 60, (url, textstat.flesch_reading_ease(text))
