"""data/homelessness.yaml: each fact keeps its statute, status and date; bad facts are reported
with file, line and field, and the real file loads with its statuses as written."""
from __future__ import annotations

import shutil
from datetime import date

import pytest

from macros.core.site import load_site
from tests.support import ROOT_DIR, expect_problem, tiny_data

H = "data/homelessness.yaml"
TODAY = date(2026, 12, 2)


@pytest.fixture
def project(tmp_path):
    tiny_data(tmp_path)
    shutil.copy(ROOT_DIR / H, tmp_path / H)
    return tmp_path


def test_the_real_facts_load_with_their_statutes(project):
    site = load_site(project, today=date(2026, 11, 22))     # the day other tests fix: read later, still loads
    by_id = {f.id: f for f in site.homelessness}
    assert by_id["help-to-find-a-home"].source["url"] == "https://www.legislation.gov.uk/ukpga/1996/52/section/189B"
    assert by_id["priority-need-under-21"].status == "unverified"       # read in a copy, not on legislation.gov.uk
    assert all(f.law_words and f.source["read_in"] for f in site.homelessness)


CASES = [
    ("not-legislation-gov-uk", 'url: "https://www.legislation.gov.uk/ukpga/1996/52/section/188"',
     'url: "https://example.org/section/188"', 19, "facts[0].source.url", "legislation.gov.uk"),
    ("status-raised-beyond-the-list", "    status: unverified\n", "    status: published\n", 21, "facts[0].status", "is not one of"),
    ("no-law-words", '    law_words: "If the local', '    law_wordz: "If the local', 13, "facts[0].law_words", "missing"),
    ("future-date", 'as_of: "2026-12-02"', 'as_of: "2099-01-01"', 22, "facts[0].as_of", "in the future"),
    ("same-id-twice", "id: help-to-find-a-home", "id: somewhere-to-stay-now", 24, "facts[1].id", "listed twice"),
]


@pytest.mark.parametrize("old,new,line,field,words", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_facts_are_reported_with_file_line_and_field(project, old, new, line, field, words):
    expect_problem(project, (H, old, new), H, line, field, words, today=TODAY)
