"""data/help-lines.yaml: one record per national help line, each with its number, who it is for in
the source's words, its sources, its status as the source gives it, and the day read. A bad record
stops the build with file, line and field; the real file's quotes are really in their sources."""
from __future__ import annotations

import re
import shutil
from datetime import date

import pytest

from macros.core.site import load_site
from tests.support import ROOT_DIR, expect_problem, real_site, tiny_data

H = "data/help-lines.yaml"
GUIDANCE = "data/documents/lancashire-guidance.yaml"
TODAY = date(2026, 12, 2)


@pytest.fixture
def project(tmp_path):
    tiny_data(tmp_path)
    for rel in (H, GUIDANCE):
        shutil.copy(ROOT_DIR / rel, tmp_path / rel)
    return tmp_path


def test_the_real_lines_load_with_their_numbers_and_statuses(project):
    site = load_site(project, today=TODAY)
    by_id = {h.id: h for h in site.help_lines}
    assert by_id["coram-voice-always-heard"].phone.tel == "+448088005792"
    assert by_id["coram-voice-always-heard"].sources[0]["doc_url"] == \
        "documents/lancashire-guidance/#section-appendix-2-step-down-letter-template"
    help_at_hand = by_id["help-at-hand"]
    assert (help_at_hand.phone.shown, help_at_hand.status) == ("0800 528 0731", "published")
    assert "do not record the web page" in help_at_hand.check       # the research notes name no page


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_each_quote_from_a_file_is_in_that_file_and_keeps_its_status():
    """Nothing invented: a research row is quoted exactly, and its status word is the line's status."""
    site = real_site()
    checked = 0
    for h in site.help_lines:
        for i, src in enumerate(h.sources):
            if "file" not in src:
                continue
            assert _one_line(src["quote"]) in _one_line((ROOT_DIR / src["file"]).read_text(encoding="utf-8")), h.id
            if i == 0:
                row_status = re.search(r"\((confirmed|published|unverified)\)", src["quote"]).group(1)
                assert h.status == row_status, h.id
            checked += 1
    assert checked >= 2


CASES = [
    ("no-sources", "    sources:\n      - short: \"Lancashire", "    sourcez:\n      - short: \"Lancashire",
     15, "lines[0].sources", "missing: this field is required"),
    ("status-not-in-the-list", "    status: published\n    read_on: \"2026-11-22\"\n    sources",
     "    status: official\n    read_on: \"2026-11-22\"\n    sources", 19, "lines[0].status", "is not one of"),
    ("incomplete-number", 'phone: "0800 528 0731"', 'phone: "0800 528 07"', 34, "lines[1].phone",
     "not a complete UK phone number"),
    ("number-without-a-source-status", "    status: published\n    read_on: \"2026-11-22\"\n    check",
     "    status: not-on-this-site-yet\n    read_on: \"2026-11-22\"\n    check", 31, "lines[1]", "phone"),
    ("no-number-but-published", '    phone: "0800 528 0731"\n', "", 31, "lines[1].phone", "missing: this field is required"),
    ("quote-not-in-the-document", "on 0808 800 5792 or http", "on 0808 800 5793 or http", 26,
     "lines[0].sources[0].quote", "is not in the text of"),
    ("quote-without-the-number", 'phone: "0808 800 5792"', 'phone: "0808 800 5793"', 26,
     "lines[0].sources[0].quote", "does not contain the number 0808 800 5793"),
    ("for-in-our-words", 'for: "care leavers up to 25"', 'for: "young people up to 25"', 33, "lines[1].for",
     "not in the first source's quote"),
    ("no-place-for-the-source", "        file: sources/research/facts.md\n        quote: \"National help lines (published): "
     "Children's Commissioner Help at Hand 0800 528 0731 (care leavers up to 25); Coram Voice Always Heard 0808 800 5792 "
     "(also in seed 002).\"\n  - id: help-at-hand", "        quote: \"National help lines (published): Children's "
     "Commissioner Help at Hand 0800 528 0731 (care leavers up to 25); Coram Voice Always Heard 0808 800 5792 (also in "
     "seed 002).\"\n  - id: help-at-hand", 27, "lines[0].sources[1]", "document and section, file or url"),
    ("section-not-in-the-document", 'section: "Appendix 2 – Step Down Letter Template"',
     'section: "Appendix 3"', 25, "lines[0].sources[0].section", "has no section titled 'Appendix 3'"),
    ("future-date", '    read_on: "2026-11-22"\n    check', '    read_on: "2099-01-01"\n    check', 36,
     "lines[1].read_on", "in the future"),
    ("same-id-twice", "id: help-at-hand", "id: coram-voice-always-heard", 31, "lines[1].id", "listed twice"),
]


@pytest.mark.parametrize("old,new,line,field,words", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_bad_help_line_stops_the_build_with_file_line_and_field(project, old, new, line, field, words):
    expect_problem(project, (H, old, new), H, line, field, words, today=TODAY)
