"""Bad data stops the build with file, line and field — every problem at once, no traceback.

Each case changes one thing in a tiny valid data set (tests/support.py) and names the exact
problem expected: file, line, field and the gist of the message.
"""
from __future__ import annotations

import pytest

from macros.core.problems import DataError
from macros.core.site import load_site
from tests.support import edit, expect_problem, tiny_data

P = "data/documents/national-protocol.yaml"
G = "data/glossary.yaml"




CASES = [
    # id, file to change, old, new, expected (file, line, field, words in the message)
    ("yaml-syntax", P, 'audience: [practitioners]', 'audience: [practitioners',
     (P, 8, "(file)", "YAML syntax error")),
    ("duplicate-key", P, 'short_title: National Protocol\n', 'short_title: National Protocol\ntitle: Again\n',
     (P, 4, "title", "duplicate key")),
    ("wrong-type", P, 'short_title: National Protocol', 'short_title: 2004',
     (P, 3, "short_title", "wrong type: expected text, found the number 2004")),
    ("missing-field", P, 'publisher: DfES and ADSS\n', '',
     (P, 1, "publisher", "missing: this field is required")),
    ("unknown-field", P, 'numbering: original\n', 'numbering: original\ncolour: blue\n',
     (P, 12, "colour", "unknown field")),
    ("impossible-date", P, 'retrieved: "2026-11-22"', 'retrieved: "2026-02-30"',
     (P, 10, "source.retrieved", "not a real date")),
    ("date-in-words", P, 'date: "2004-07"', 'date: "July 2004"',
     (P, 5, "date", "YYYY, YYYY-MM or YYYY-MM-DD")),
    ("dangling-citation", P, 'cites: ["national-protocol:9.3"]', 'cites: ["national-protocol:9.9"]',
     (P, 17, "sections[0].summary.cites[0]", "has no paragraph or section 9.9")),
    ("citation-to-unknown-document", G, 'cites: ["national-protocol:9.3"]', 'cites: ["lassl:1"]',
     (G, 6, "terms[0].defined_in.cites[0]", "no document 'lassl'")),
    ("citation-malformed", G, 'cites: ["national-protocol:9.1"]', 'cites: ["protocol 9.1"]',
     (G, 12, "terms[1].defined_in.cites[0]", "a citation is document-id:paragraph")),
    ("duplicate-paragraph-number", P, '- number: "9.1"', '- number: "9.3"',
     (P, 22, "sections[0].paragraphs[1].number", "paragraph number '9.3' is used twice")),
    ("empty-text", P, 'p: "Planned moves."', 'p: "   "',
     (P, 21, "sections[0].paragraphs[0].blocks[0].p", "empty")),
    ("html-in-text", P, 'p: "Planned moves."', 'p: "Planned <b>moves</b>."',
     (P, 21, "sections[0].paragraphs[0].blocks[0].p", "HTML is not allowed")),
    ("script-in-text", G, 'definition: The council where', 'definition: <script>alert(1)</script> The council where',
     (G, 10, "terms[1].definition", "HTML is not allowed")),
    ("markdown-in-text", P, 'p: "Planned moves."', 'p: "**Planned** moves."',
     (P, 21, "sections[0].paragraphs[0].blocks[0].p", "Markdown is not allowed")),
    ("yaml-1.1-directive", P, 'id: national-protocol', '%YAML 1.1\n---\nid: national-protocol',
     (P, 1, "(file)", "only YAML 1.2")),
    ("yaml-1.1-boolean", P, '- number: "9.1"\n', '- number: "9.1"\n        historic: yes\n',
     (P, 20, "sections[0].paragraphs[0].historic", "expected true or false, found text")),
    ("octal-looking-number", P, '- number: "9.1"', '- number: 09.1',
     (P, 19, "sections[0].paragraphs[0].number", "wrong type: expected text")),
    ("unknown-audience", P, 'audience: [practitioners]', 'audience: [parents]',
     (P, 7, "audience[0]", "'parents' is not one of")),
    ("id-not-file-name", P, 'id: national-protocol', 'id: national-protocol-2004',
     (P, 1, "id", "must match the file name")),
    ("list-not-a-list", P, 'ul: ["urgently"]', 'ul: "urgently"',
     (P, 29, "sections[0].paragraphs[1].blocks[1].ul[1].ul", "wrong type: expected a list")),
    ("unknown-block", P, '- p: "Planned moves."', '- quote: "Planned moves."',
     (P, 21, "sections[0].paragraphs[0].blocks[0].quote", "unknown field")),
    ("empty-section", P, '                ul: ["urgently"]\n', '                ul: ["urgently"]\n  - title: Empty\n    paragraphs: []\n',
     (P, 31, "sections[1].paragraphs", "a section needs paragraphs")),
    ("glossary-unknown-see-also", G, 'see_also: [responsible-authority]', 'see_also: [pathway-plan]',
     (G, 13, "terms[1].see_also[0]", "no glossary term with id 'pathway-plan'")),
    ("glossary-duplicate-id", G, 'id: receiving-authority', 'id: responsible-authority',
     (G, 7, "terms[1].id", "defined twice (first at line 2)")),
    ("glossary-term-twice", G, 'also: [host authority]', 'also: [Responsible Authority]',
     (G, 7, "terms[1]", "already belongs to the term 'responsible-authority'")),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_reported_with_file_line_and_field(tmp_path, case):
    _id, rel, old, new, (file, line, field, words) = case
    root = tiny_data(tmp_path)
    expect_problem(root, (rel, old, new), file, line, field, words)


def test_the_tiny_data_set_is_valid(tmp_path):
    site = load_site(tiny_data(tmp_path))
    assert set(site.documents) == {"national-protocol"}
    assert [t.id for t in site.glossary] == ["responsible-authority", "receiving-authority"]


def test_every_problem_is_reported_at_once(tmp_path):
    root = tiny_data(tmp_path)
    edit(root, P, 'short_title: National Protocol', 'short_title: 2004')
    edit(root, P, 'retrieved: "2026-11-22"', 'retrieved: "2026-13-01"')
    edit(root, G, 'id: receiving-authority', 'id: Receiving Authority')
    with pytest.raises(DataError) as caught:
        load_site(root)
    where = {(p.file, p.line) for p in caught.value.problems}
    assert {(P, 3), (P, 10), (G, 7)} <= where
    assert caught.value.report().endswith("3 problems in data/: nothing was built.")


def test_a_file_the_site_does_not_know_is_a_problem_not_ignored(tmp_path):
    root = tiny_data(tmp_path)
    (root / "data" / "offers.yml").write_text("x: 1\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_site(root)
    assert "data/offers.yml:0: (file): not a data file this site knows" in caught.value.report()


def test_a_file_that_is_not_utf8_is_a_problem(tmp_path):
    root = tiny_data(tmp_path)
    (root / P).write_bytes("title: caf\xe9\n".encode("latin-1"))
    with pytest.raises(DataError) as caught:
        load_site(root)
    assert f"{P}:1: (file): not UTF-8 text" in caught.value.report()


def test_the_protocol_is_required(tmp_path):
    root = tiny_data(tmp_path)
    (root / P).unlink()
    with pytest.raises(DataError) as caught:
        load_site(root)
    report = caught.value.report()
    assert f"{P}:0: (file): missing: the National Protocol is required" in report
    # Citations into the missing document are not reported again, one by one
    assert f"{G}:6:" not in report and report.endswith("1 problem in data/: nothing was built.")
