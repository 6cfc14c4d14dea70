"""Evidence: the words a line of ours quotes must be in the paragraph it cites.

Each bad case changes one thing in the tiny data set (tests/support.py) and expects one precise
problem, with file, line and field, and nothing built.
"""
from __future__ import annotations

import pytest

from macros.documents import evidence
from macros.core.problems import DataError
from macros.core.site import load_site
from tests.support import edit, expect_problem, tiny_data, tiny_tree

P = "data/documents/national-protocol.yaml"
G = "data/glossary.yaml"
T = "data/trees/tiny.yaml"

CASES = [
    # id, file, old, new, (file, line, field, words)
    ("words-not-in-the-paragraph", P, 'evidence: "The receiving authority will take"',
     'evidence: "The receiving authority may take"',
     (P, 15, "sections[0].summary.evidence", "'The receiving authority may take' is not in the text of National Protocol 9.3")),
    ("words-from-another-paragraph", G, 'evidence: "Interview the young person"', 'evidence: "Planned moves"',
     (G, 5, "terms[0].defined_in.evidence", "is not in the text of National Protocol 9.3")),
    ("one-phrase-of-a-list-is-wrong", T,
     'evidence: "Interview the young person"}', 'evidence: ["Interview the young person", "within 4 working weeks"]}',
     (T, 41, "nodes.o-unplanned.steps[0].evidence[1]", "'within 4 working weeks' is not in the text")),
    ("a-single-word", T, 'evidence: "Interview the young person"}', 'evidence: "Interview"}',
     (T, 41, "nodes.o-unplanned.steps[0].evidence", "quote at least two words")),
    ("missing-evidence", T, ', evidence: "Interview the young person"}', '}',
     (T, 41, "nodes.o-unplanned.steps[0]", "missing evidence")),
    ("the-whole-paragraph", G, 'evidence: "Planned moves",', 'evidence: "Planned moves.",',
     (G, 11, "terms[1].defined_in.evidence", "not the whole paragraph")),
    ("evidence-without-cites", G, 'defined_in: {evidence: "Planned moves",\n      cites: ["national-protocol:9.1"]}',
     'defined_in: {evidence: "Planned moves"}',
     (G, 11, "terms[1].defined_in.evidence", "evidence needs `cites` beside it")),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_evidence_that_is_not_in_the_cited_paragraph_stops_the_build(tmp_path, case):
    _id, rel, old, new, (file, line, field, words) = case
    tiny_tree(tiny_data(tmp_path))
    expect_problem(tmp_path, (rel, old, new), file, line, field, words)


def test_typography_and_case_do_not_count_but_words_do(tmp_path):
    tiny_tree(tiny_data(tmp_path))
    edit(tmp_path, T, 'evidence: "Interview the young person"}', "evidence: \"interview   THE young person;\"}")
    load_site(tmp_path)          # case, spaces and a trailing ';' that the source has: fine
    edit(tmp_path, T, "evidence: \"interview   THE young person;\"}", 'evidence: "interview the young adult"}')
    with pytest.raises(DataError):
        load_site(tmp_path)


def test_the_quote_shown_is_the_sources_own_words(tmp_path):
    site = load_site(tiny_tree(tiny_data(tmp_path)))
    quote = evidence.locate("contact THE responsible   authority", ["national-protocol:9.3"], site.documents)
    assert quote.words == "Contact the responsible authority"
    assert evidence.locate("Contact the responsible authority urgently", ["national-protocol:9.3"],
                           site.documents) is not None      # across a nested list item
    assert evidence.locate("words nobody wrote", ["national-protocol:9.3"], site.documents) is None


def test_a_reading_needs_no_evidence(tmp_path):
    tiny_tree(tiny_data(tmp_path))
    edit(tmp_path, T, ', evidence: "Interview the young person"}', ', reading: true}')
    load_site(tmp_path)


def test_every_cite_on_a_guide_page_needs_evidence_found_in_its_paragraph(tmp_path):
    tiny_data(tmp_path)
    page = tmp_path / "docs" / "guide.md"
    page.parent.mkdir()
    page.write_text("# Guide\n\nGood ({{ cite('national-protocol:9.3', evidence='Interview the young person') }}).\n\n"
                    "Missing ({{ cite('national-protocol:9.3') }}).\n"
                    "Wrong ({{ cite('national-protocol:9.1', evidence='Interview the young person') }}).\n",
                    encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_site(tmp_path)
    problems = [str(p) for p in err.value.problems]
    assert problems[0].startswith("docs/guide.md:5: cite: 'national-protocol:9.3': missing evidence")
    assert problems[1].startswith("docs/guide.md:6: cite: 'Interview the young person' is not in the text of National Protocol 9.1")
    assert len(problems) == 2


def test_a_templates_own_sentence_citing_a_paragraph_needs_evidence_too(tmp_path):
    tiny_data(tmp_path)
    page = tmp_path / "macros" / "templates" / "planner.html"
    page.parent.mkdir(parents=True)
    page.write_text('<li>Good ({{ cite_list(["national-protocol:9.3"], ctx, evidence="Interview the young person") }})</li>\n'
                    '<li>Missing ({{ cite_list(["national-protocol:9.3"], ctx) }})</li>\n'
                    '<li>A list built at render time is not a sentence of ours ({{ cite_list(node.cites, ctx) }})</li>\n',
                    encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_site(tmp_path)
    problems = [str(p) for p in err.value.problems]
    assert problems == ["macros/templates/planner.html:2: cite: 'national-protocol:9.3': missing evidence: "
                        "add evidence='a few words copied from the paragraph'"]


def test_whole_words_only_and_headings_count(tmp_path):
    site = load_site(tiny_tree(tiny_data(tmp_path)))
    # 9.3's heading is "Unplanned moves to another authority": the heading counts, part of a word does not.
    assert evidence.locate("Unplanned moves", ["national-protocol:9.3"], site.documents) is not None
    assert evidence.locate("planned moves", ["national-protocol:9.3"], site.documents) is None
