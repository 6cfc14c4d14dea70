"""Search in the core: the synonyms file is checked like all data, pages are marked for the index."""
from __future__ import annotations

import json
import shutil

import pytest

from macros.search.marks import kind_of_page, mark
from macros.search.synonyms import as_json
from macros.core.site import load_site
from tests.support import ROOT_DIR, expect_problem, tiny_data

S = "data/search-synonyms.yaml"


@pytest.fixture
def project(tmp_path):
    root = tiny_data(tmp_path / "p")
    shutil.copy(ROOT_DIR / S, root / S)
    return root


def test_the_real_synonyms_load_and_reach_the_browser_as_json(project):
    site = load_site(project)
    by_say = {s["say"]: s for s in json.loads(as_json(site.synonyms))}
    assert by_say["money"]["means"] == ["financial assistance"]
    assert by_say["council tax"]["together"] is True


def test_without_a_synonyms_file_search_has_none(tmp_path):
    assert load_site(tiny_data(tmp_path / "p")).synonyms == []


@pytest.mark.parametrize("old, new, line, field, words", [
    ("  - say: letter\n", "  - say: money\n", 11, "synonyms[1].say", "listed twice"),
    ("means: [Appendix 2]", "means: [letter]", 12, "synonyms[1].means[0]", "the word itself"),
    ("means: [Appendix 2]", "means: [Appendix <b>2</b>]", 12, "synonyms[1].means[0]", ""),
    ("    why: Lancashire's guidance puts its step-down letter in Appendix 2\n", "", 11, "synonyms[1].why",
     "missing"),
    ("status: ours", "status: published", 5, "status", ""),
])
def test_a_bad_synonym_is_reported_with_file_and_line(project, old, new, line, field, words):
    expect_problem(project, (S, old, new), S, line, field, words)


@pytest.mark.parametrize("url, kind", [
    ("decisions/charging/o-emergency/", "outcome"), ("decisions/charging/", "decision"),
    ("care-leavers/", "care leavers"), ("authorities/derby/", "council"), ("authorities/", "guide"),
    ("protocol/", "document"), ("documents/lancashire-guidance/", "document"), ("documents/", "guide"),
    ("glossary/", "glossary"), ("", "guide"),
])
def test_each_page_has_a_kind_to_filter_by(url, kind):
    assert kind_of_page(url) == kind


PAGE = ('<html><article class="md-content__inner md-typeset" id="content"><h1>T</h1>'
        '<p class="lede">The answer.</p><h2 id="decision-record">Decision record</h2>\n<p>Copy it.</p>'
        '<h2 id="who-pays">Who pays</h2><p>Them.</p></article></html>')


def test_a_page_is_marked_as_content_with_its_kind_lede_and_furniture():
    html = mark(PAGE, "decisions/charging/o-emergency/", excluded=False)
    assert 'data-pagefind-body data-pagefind-filter="kind:outcome"' in html
    assert '<p class="lede" data-pagefind-meta="lede">' in html
    assert '<h2 id="decision-record" data-pagefind-ignore>' in html
    assert "<p data-pagefind-ignore>Copy it.</p>" in html
    assert '<h2 id="who-pays">' in html and "<p>Them.</p>" in html     # only the record's furniture


def test_a_page_kept_out_of_search_is_not_marked():
    assert "data-pagefind" not in mark(PAGE, "decisions/charging/q-cost/", excluded=True)
