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
    # Issue 17 (law review 2026-12, 1.4, 1.6, 1.7): the housing register change is the law now,
    # the allocation guidance and the 2024 Code's "exceptional" are recommendations, and the 2026
    # Act's s9 is passed but not started.
    assert by_id["housing-register"].law == "law-now"
    assert by_id["housing-register"].source["url"] == "https://www.legislation.gov.uk/uksi/2025/706/regulation/2"
    assert "may not use the criterion" in by_id["housing-register"].law_words
    assert by_id["housing-register-priority"].law == "recommendation"
    assert "strongly encouraged" in by_id["housing-register-priority"].law_words
    assert by_id["intentionally-homeless-guidance"].law == "recommendation"
    assert by_id["intentionally-homeless-2026"].law == "passed-not-started"
    assert by_id["intentionally-homeless-2026"].legal_status == "Passed but not started yet"


CASES = [
    ("not-legislation-gov-uk", 'url: "https://www.legislation.gov.uk/ukpga/1996/52/section/188"',
     'url: "https://example.org/section/188"', 24, "facts[0].source.url", "legislation.gov.uk"),
    ("status-raised-beyond-the-list", "    status: unverified\n", "    status: published\n", 26, "facts[0].status", "is not one of"),
    ("no-law-words", '    law_words: "If the local', '    law_wordz: "If the local', 18, "facts[0].law_words", "missing"),
    ("future-date", 'as_of: "2026-12-02"', 'as_of: "2099-01-01"', 27, "facts[0].as_of", "in the future"),
    ("same-id-twice", "id: help-to-find-a-home", "id: somewhere-to-stay-now", 30, "facts[1].id", "listed twice"),
    # Issue 17: every national fact says its legal status, in the list's words only.
    ("no-legal-status", "    law: law-now\n\n  - id: help-to-find-a-home", "\n  - id: help-to-find-a-home", 18,
     "facts[0].law", "missing"),
    ("legal-status-not-in-the-list", "    law: law-now\n\n  - id: help-to-find-a-home",
     "    law: probably\n\n  - id: help-to-find-a-home", 28, "facts[0].law", "is not one of"),
]


@pytest.mark.parametrize("old,new,line,field,words", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_facts_are_reported_with_file_line_and_field(project, old, new, line, field, words):
    expect_problem(project, (H, old, new), H, line, field, words, today=TODAY)
