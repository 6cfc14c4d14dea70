"""Local offers as built: council pages, "what applies to me", compare, entitlement pages, exports."""
from __future__ import annotations

import csv
import html
import io
import json
import re
from pathlib import Path
from tests.support import real_site


ROOT = Path(__file__).resolve().parents[2]
SITE = real_site()


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
    assert f'<td data-label="Local offer on this site">{councils_with_offers}</td></tr></tfoot>' in text.replace("\n", "")
    assert "0 everywhere" not in text


def test_the_planner_and_open_data_pages_include_offers(built_site):
    moving = page(built_site, "moving")
    assert "data-moving-offers" in moving and "not on this site yet</strong>. Each council" not in moving
    assert 'src="../assets/offers.js?v=' in moving
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


# Issue 17: the December accuracy review's findings, each as a test that failed on the main branch.

REPR = re.compile(r"<built-in|&lt;built-in|<bound method|&lt;bound method|object at 0x")


def test_no_python_repr_anywhere_in_the_built_site(built_site):
    """L6: /local-offers/ printed '<built-in method items of dict object at 0x…>'."""
    found = [p.relative_to(built_site).as_posix() for p in built_site.rglob("*")
             if p.suffix in (".html", ".js", ".json", ".csv", ".txt", ".xml") and REPR.search(p.read_text(encoding="utf-8"))]
    assert found == []
    text = article(page(built_site, "local-offers"))
    assert f"{sum(len(o.items) for o in SITE.offers.values())} items in all" in text


def test_no_scope_note_contradicts_an_item_s_own_who_line():
    """M1: an item whose `who` says who it covers gets no "the source does not say" note."""
    from macros.offers import applies
    places = applies.places(SITE)
    checked = 0
    for place in places.values():
        rows = [] if place.district else [(i, n) for _e, i, n in applies.travels(SITE, place.council)]
        rows += [(i, n) for _e, i, n, _by in applies.here(SITE, place)["rows"]]
        for item, note in rows:
            if item.who:
                checked += 1
                assert not (note and "does not say" in note), (place.key, item.entitlement, item.who, note)
    assert checked > 30


def test_bill_items_are_not_listed_as_help_that_travels_unless_the_source_says_so():
    """M1: a unitary council's council tax or leisure help is for people living in its area."""
    from macros.offers import applies
    for council in SITE.authorities.values():
        for ent, item, _note in applies.travels(SITE, council):
            if ent.set_by == "billing" and council.type != "CTY":
                assert item.applies_to in applies.REACHES_ELSEWHERE, (council.name, ent.id, item.applies_to)
    birmingham = next(a for a in SITE.authorities.values() if a.slug == "birmingham")
    assert "Council tax paid or exempt" in applies.stays(SITE, birmingham)


def test_birmingham_s_council_tax_is_under_living_here_not_under_looked_after(built_site):
    text = article(page(built_site, "local-offers/mine/birmingham"))
    looked_after = text.split('id="looked-after"', 1)[1].split('id="living-here"', 1)[0]
    living_here = text.split('id="living-here"', 1)[1]
    items = re.compile(r'<li class="offer-item">(.*?)</li>', re.S)
    assert not any("Council tax paid or exempt" in i for i in items.findall(looked_after))
    assert any("Council tax paid or exempt" in i for i in items.findall(living_here))
    assert "keeps paying for its help when you move" not in (built_site / "assets" / "offers.js").read_text(encoding="utf-8")


def test_every_national_line_names_who_it_is_for_and_its_legal_status(built_site):
    """M3, and issue 17's rule: each national fact says who qualifies, its status and check date."""
    for url in ("local-offers", "local-offers/mine"):
        text = article(page(built_site, url))
        assert "What every care leaver in England gets" not in text
        floor = text.split('class="offer-floor"', 1)[1].split("</ul>", 1)[0]
        lines = re.findall(r"<li>(.*?)</li>", floor, re.S)
        assert len(lines) >= 9
        for line in lines:
            words = html.unescape(re.sub(r"<[^>]+>", " ", line))
            assert "Who it is for:" in words and "checked" in words, words
            assert any(s in words for s in ("The law now", "Passed but not started yet", "Announced, not yet in law",
                                            "A recommendation, not the law", "A government scheme, not a law")), words
        assert "pathway plan" in floor and "£2,000 in total" in floor
        assert "Passed but not started yet" in floor and "Announced, not yet in law" in floor


def test_the_higher_education_top_up_is_not_compared_with_the_national_bursary(built_site):
    """M4: a top-up cannot be below the statutory bursary it sits on top of."""
    text = article(page(built_site, "local-offers/higher-education-bursary-topup"))
    assert "below the floor" not in text and "not compared with the national amount" in text


def test_setting_up_home_items_older_than_the_minimum_are_marked_older(built_site):
    """L10: Oxfordshire's £2,000 of January 2019 predates the £3,000 of April 2023."""
    text = article(page(built_site, "local-offers/setting-up-home-allowance"))
    row = next(r for r in re.findall(r"<tr[^>]*>(.*?)</tr>", text, re.S) if "Oxfordshire" in r)
    assert "older than the current minimum" in row and "below the floor" not in row


def test_no_page_says_council_tax_help_always_comes_from_the_district(built_site):
    """M5: Kent, Lancashire and other counties pay council tax for their own care leavers."""
    wrong = "Help with council tax comes from your district council"
    for p in list(built_site.rglob("*.html")) + [built_site / "assets" / "offers.js"]:
        assert wrong not in p.read_text(encoding="utf-8"), p.relative_to(built_site)
    kent = article(page(built_site, "local-offers/mine/kent"))
    assert "Some county councils also pay council tax for their own care leavers" in kent
    tax = article(page(built_site, "local-offers/council-tax-exemption"))
    assert "including some county councils" in tax


def test_after_a_move_the_housing_register_change_is_shown_with_its_status(built_site):
    """Law review 2026-12, 1.7: SI 2025/706, in force 10 July 2025."""
    for url in ("local-offers/mine", "local-offers/mine/district-wychavon", "care-leavers"):
        text = html.unescape(re.sub(r"<[^>]+>", " ", article(page(built_site, url))))
        assert "housing register" in text and "The law now" in text and "2025/706" in text, url
        assert "A recommendation, not the law" in text and "strongly encourages" in text, url


# Issue 19, m10: the councils' correction page was a developer spec (file names, field names, units).

FILE_TERMS = re.compile(r"data/offers|\.yaml|\bentitlement\b|\bunit\b|\bGBP|applies_to|age_to|yes-no|set_by|"
                        r"\bresponsible\b|\bbilling\b|\bunverified\b")


def test_the_correction_page_for_councils_is_plain_and_the_file_format_is_for_maintainers(built_site):
    import textstat
    from tests.build.test_plain_english import article_html, prose
    plain = article_html(built_site, "local-offers/send-a-correction")
    shown = prose(plain)
    assert not FILE_TERMS.findall(shown), FILE_TERMS.findall(shown)
    # every kind of help a council decides, by the name a council writes in its message
    for ent in SITE.entitlements.values():
        assert (f'<th scope="row">{html.escape(ent.name)}</th>' in plain) == (ent.set_by != "national"), ent.id
    assert "set nationally, not by a council" in shown
    assert 'href="../offer-format/"' in plain
    # the prose, without the table of names and the questions to copy (labels, not sentences)
    sentences = prose(re.sub(r'<div class="table-wrap".*?</div>|<pre.*?</pre>|<textarea.*?</textarea>', " ",
                             plain, flags=re.S))
    assert textstat.flesch_reading_ease(sentences) >= 60, textstat.flesch_reading_ease(sentences)
    # the format is kept, on its own page, with every id
    spec = article_html(built_site, "local-offers/offer-format")
    assert "data/offers/&lt;name&gt;.yaml" in spec and "GBP-per-week" in spec
    assert all(f"<code>{ent.id}</code>" in spec for ent in SITE.entitlements.values())
    assert 'href="../send-a-correction/"' in spec
