"""Search records from the data model: each numbered paragraph once, each council with its lines
and offer, nothing of a historic contact."""
from __future__ import annotations

import copy
from collections import Counter

import pytest

from macros.core.site import load_site
from macros.directory.contact_lines import parse_phone
from macros.search.records import HISTORIC, all_records, council_record, document_records
from tests.support import ROOT_DIR


@pytest.fixture(scope="module")
def site():
    return load_site(ROOT_DIR)


def test_every_numbered_paragraph_has_exactly_one_record(site):
    records = all_records(site)
    urls = Counter(r.url for r in records)
    for doc in site.documents.values():
        for p in doc.all_paragraphs():
            if p.number:
                url = f"/{doc.url}#{p.anchor}"
                assert urls[url] == 1, (doc.id, p.number, urls[url])
    numbered = [r for r in records if "para" in r.filters]
    assert len(numbered) == sum(1 for d in site.documents.values() for p in d.all_paragraphs() if p.number)


def test_a_paragraph_record_is_titled_with_its_number_and_heading_and_holds_its_words(site):
    r = next(r for r in document_records(site.protocol) if r.url == "/protocol/#para-8-11")
    assert r.title.startswith("8.11 ") and r.title.endswith("(National Protocol)")
    section = next(s for s in site.protocol.all_sections() if s.number == "8")
    assert r.title == f"8.11 {section.title} (National Protocol)"
    assert "The receiving authority will provide emergency financial assistance" in r.content
    assert r.content.startswith("8.11 ")     # "8.11" typed alone finds it as a word, in one index chunk
    assert r.filters == {"para": "8.11"}
    # its topic labels (ours) are a filter, lower case, so the script ranks by them before fetching
    assert r.as_pagefind()["filters"] == {"kind": ["document"], "para": ["8.11"],
                                          "topic": [t.lower() for t in r.topics]}
    assert "emergency financial assistance" in r.as_pagefind()["filters"]["topic"]


def test_text_a_document_does_not_number_is_found_at_its_section(site):
    doc = site.documents["lancashire-guidance"]
    loose = [(s, p) for s in doc.all_sections() for p in s.paragraphs if not p.number and not p.historic]
    assert loose
    by_url = {r.url: r for r in document_records(doc)}
    for section, p in loose:
        first_words = p.blocks[0].get("p") or (p.blocks[0].get("lines") or [""])[0]
        if isinstance(first_words, str) and first_words:
            assert first_words[:40] in by_url[f"/{doc.url}#{section.anchor}"].content


def test_a_historic_paragraph_keeps_its_record_but_not_its_old_contacts(site):
    doc = site.documents["childrens-society-letter"]
    historic = [p for p in doc.all_paragraphs() if p.historic]
    assert historic
    text = " ".join(r.content for r in document_records(doc))
    assert HISTORIC in text
    for p in historic:
        for block in p.blocks:
            for line in block.get("lines", []):
                if any(ch.isdigit() for ch in line):
                    assert line not in text


def test_a_council_record_carries_its_offer_values_and_words_people_use(site):
    kent = next(a for a in site.authorities.values() if a.name == "Kent")
    r = council_record(kent, site)
    assert (r.url, r.title, r.kind, r.filters) == ("/authorities/kent/", "Kent", "council", {"council": "Kent"})
    offer = site.offers[kent.code]
    item = next(i for i in offer.items if i.entitlement == "setting-up-home-allowance")
    assert f"Setting up home allowance: £{item.value:,}" in r.content
    assert "allowance" in r.content and "money" in r.content


def test_a_council_record_carries_each_line_with_its_number_and_kind(site):
    with_lines = [a for a in site.authorities.values() if a.entry and any(l.phones for l in a.entry.lines)]
    assert with_lines
    for a in with_lines:
        r = council_record(a, site)
        for line in a.entry.lines:
            for phone in line.phones:
                assert f"phone number {phone.shown}" in r.content or phone.shown in r.content, (a.name, phone.shown)
            assert line.kind_words in r.content


def test_a_council_without_a_line_says_so_and_names_its_website(site):
    sheffield = next(a for a in site.authorities.values() if a.name == "Sheffield")
    bare = copy.copy(sheffield)
    bare.entry = None
    r = council_record(bare, site)
    assert f"phone number: no public line found yet; contact the council through its website ({sheffield.website})" in r.content


def test_records_follow_the_data_a_new_line_appears_in_its_council_record(site):
    """Council records are made from the model: a line added to the data shows in the record."""
    derby = next(a for a in site.authorities.values() if a.entry and a.entry.lines)
    changed = copy.deepcopy(derby)
    changed.entry.lines[0].phones = [parse_phone("0300 123 4567")]
    assert "0300 123 4567" in council_record(changed, site).content
    assert "0300 123 4567" not in council_record(derby, site).content
