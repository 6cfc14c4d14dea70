"""Practice timescales: the rules as data, the date arithmetic, and bad rules refused."""
from __future__ import annotations

import json
import shutil
from datetime import date

import pytest

from macros.practice.calculator import compute
from macros.practice.dates import add_months, age_on, birthday
from macros.core.problems import DataError
from macros.core.site import load_site
from tests.support import ROOT_DIR, assert_reported, edit, expect_problem, real_site

CASES = json.loads((ROOT_DIR / "tests" / "data" / "timescales-cases.json").read_text(encoding="utf-8"))["cases"]
L = "data/practice/lancashire.yaml"


@pytest.fixture(scope="module")
def site():
    return real_site()


def run_case(site, case) -> dict:
    inputs = {k: date.fromisoformat(v) for k, v in case["inputs"].items()}
    return compute(site.tools.timescales[case["council"]], today=date.fromisoformat(case["today"]), **inputs)


@pytest.mark.parametrize("case", CASES, ids=[c["name"][:50] for c in CASES])
def test_the_shared_cases_give_the_dates_worked_out_by_hand(site, case):
    result = run_case(site, case)
    by_id = {d["id"]: d for d in result["dates"]}
    expect = case["expect"]
    for key, wanted in expect.items():
        if key == "late":
            assert sorted(k for k, d in by_id.items() if d["late"]) == sorted(wanted)
        elif key == "absent":
            assert not set(wanted) & set(by_id)
        elif key == "needs":
            assert {k: by_id[k]["needs"] for k in wanted} == wanted
        elif key == "visits":
            assert [v["date"] for v in result["visits"]] == wanted
        elif key == "review":
            assert (result["review"] or {}).get("date") == wanted
        else:
            assert by_id[key]["date"] == wanted, key


def test_a_month_date_that_does_not_exist_falls_on_the_last_day_of_the_month():
    assert add_months(date(2010, 8, 31), 186) == date(2026, 2, 28)     # 15½ from 31 August
    assert add_months(date(2011, 8, 31), 186) == date(2027, 2, 28)
    assert add_months(date(2009, 8, 31), 186) == date(2025, 2, 28)
    assert add_months(date(2008, 8, 31), 186) == date(2024, 2, 29)     # a leap year
    assert birthday(date(2008, 2, 29), 18) == date(2026, 2, 28)
    assert birthday(date(2008, 2, 29), 16) == date(2024, 2, 29)


def test_age_counts_from_the_birthday_itself():
    born = date(2008, 2, 29)
    assert age_on(born, date(2026, 2, 27)) == 17
    assert age_on(born, date(2026, 2, 28)) == 18


def test_every_rule_the_issue_names_is_there(site):
    ts = site.tools.timescales["lancashire"]
    ids = {r.id for r in ts.rules}
    assert {"request-adviser", "allocate-by-15-and-3-quarters", "allocate-month-before-16",
            "request-adviser-from-16", "allocate-within-13-weeks", "joint-visit", "visits-to-17",
            "visits-17-to-18", "visits-18-to-21", "visits-from-21", "pathway-plan-review",
            "birthday-18", "birthday-21", "birthday-25"} <= ids
    assert all(r.cites and (r.evidence or r.reading) for r in ts.rules)


@pytest.fixture
def project(tmp_path):
    shutil.copytree(ROOT_DIR / "data", tmp_path / "data")
    return tmp_path


BAD = [
    ("no-citation", '    cites: ["lancashire-guidance:1.2"]\n    evidence: "A joint visit', '    evidence: "A joint visit',
     (L, 59, "rules[5].cites", "missing: this field is required")),
    ("interval-it-cannot-compute", "every: {weeks: 12}", "every: {fortnights: 6}",
     (L, 73, "rules[6].every.fortnights", "unknown field (allowed here: months, weeks)")),
    ("no-interval", "every: {months: 5}", "every: {}",
     (L, 121, "rules[11].every", "should be non-empty")),
    ("offset-with-nothing-to-add", "at: {from: allocation, weeks: 6}", "at: {from: allocation}",
     (L, 63, "rules[5].at", "does not have enough properties")),
    ("unknown-anchor", "at: {from: allocation, weeks: 6}", "at: {from: discharge, weeks: 6}",
     (L, 63, "rules[5].at.from", "is not one of: birth, looked-after, allocation")),
    ("evidence-not-in-the-paragraph", 'evidence: "will endeavour to allocate a PA within 13 weeks"',
     'evidence: "will endeavour to allocate a PA within 12 weeks"',
     (L, 57, "rules[4].evidence", "is not in the text of lancashire-guidance:1.1")),
    ("no-evidence-and-not-our-reading", '    evidence: "former relevant care leavers aged 18-20"\n', '',
     (L, 125, "rules[12].evidence", "missing: this field is required")),
    ("unknown-council", "council: lancashire", "council: lancs",
     (L, 5, "council", "no council 'lancs'")),
]


@pytest.mark.parametrize("old,new,expected", [c[1:] for c in BAD], ids=[c[0] for c in BAD])
def test_a_bad_rule_stops_the_build_with_file_line_and_field(project, old, new, expected):
    expect_problem(project, (L, old, new), *expected)


def test_another_council_adds_a_file_and_no_code(project):
    text = (project / L).read_text(encoding="utf-8").replace("council: lancashire", "council: worcestershire")
    (project / "data/practice/worcestershire.yaml").write_text(text, encoding="utf-8")
    site = load_site(project)
    assert set(site.tools.timescales) == {"lancashire", "worcestershire"}


def test_our_reading_without_evidence_is_allowed_when_marked(project):
    edit(project, L, '    evidence: "former relevant care leavers aged 18-20"\n', "    reading: true\n")
    assert load_site(project).tools.timescales["lancashire"].rule("birthday-18").reading


S = "data/letters/step-down.yaml"


def test_the_step_down_letter_is_the_guidance_s_own_words(site):
    from macros.practice.evidence_check import _block_text
    letter = site.tools.letters["step-down"]
    section = letter.reused["section"]
    words = []

    def walk(sec):
        for para in sec.paragraphs:
            words.extend([para.title] if para.title else [])
            words.extend(_block_text(para.blocks))
        for sub in sec.sections:
            words.append(sub.title)
            walk(sub)
    walk(section)
    shown = [" ".join(p.text for p in pieces if p.text) .strip() or pieces[0].placeholder
             for para in letter.paras for pieces in para.items]
    assert [w for w in shown] == words
    blanks = [p.blank for para in letter.paras for pieces in para.items for p in pieces if p.blank]
    assert blanks == ["first-name", "copies-to", "worker-role"]


LETTER_BAD = [
    ("blank-text-not-in-the-template", S, 'after: "Dear"', 'after: "Dear Sir"',
     (S, 34, "reuse.blanks[0].after", "'Dear Sir' is not a paragraph, line or list item")),
    ("blank-for-an-unknown-field", S, "- field: first-name\n      after", "- field: surname\n      after",
     (S, 33, "reuse.blanks[0].field", "no field 'surname' in fields")),
    ("evidence-not-in-the-paragraph", "data/letters/annual.yaml", '"A copy of the letter will be saved to documentum"',
     '"A copy of the letter will be kept for ever"',
     ("data/letters/annual.yaml", 15, "basis[1].evidence", "is not in the text of lancashire-guidance:2.6")),
    ("field-in-text-not-declared", "data/letters/closure.yaml", 'p: "Dear [first-name],"', 'p: "Dear [surname],"',
     ("data/letters/closure.yaml", 35, "body[0]", "[surname] is not one of the fields")),
]


@pytest.mark.parametrize("file,old,new,expected", [c[1:] for c in LETTER_BAD], ids=[c[0] for c in LETTER_BAD])
def test_a_bad_letter_stops_the_build_with_file_line_and_field(project, file, old, new, expected):
    expect_problem(project, (file, old, new), *expected)


def test_housing_evidence_must_be_in_the_paragraph(project):
    edit(project, "data/housing/worcestershire.yaml", '"To develop jointly commissioned training flats"',
         '"To develop forty training flats"')
    with pytest.raises(DataError) as err:
        load_site(project)
    assert_reported(err.value, "data/housing/worcestershire.yaml", 15, "commitments[0].evidence",
                    "is not in the text of worcestershire-report:1")


def test_letters_list_the_lines_the_guidance_gives_first_in_their_own_words(site):
    """Accuracy review 2026-12, M7: Lancashire's letters led with an out-of-hours line whose source is
    not recorded, and printed the Children with Disability line as a general 'front door'."""
    from macros.practice.council import council_lines
    lines = council_lines(site.authorities, "lancashire")
    assert lines.team is None                    # the block is headed by the council's name, not one line's team
    assert "0300 123 6720" in lines.lines[0] and "care leaver" in lines.lines[0]
    assert not any("front door" in line for line in lines.lines)
    cwd = next(line for line in lines.lines if "01524 585938" in line)
    assert "Children with Disability Personal Advisor" in cwd
    # the out-of-hours line whose source is not recorded is not printed, but named for the worker;
    # the same number from a page that is recorded (December's research) is printed, once, last
    assert not any("Not confirmed" in line for line in lines.lines)
    assert any("0300 123 6722" in line and "Not confirmed" in line for line in lines.unchecked)
    assert [line for line in lines.lines if "0300 123 6722" in line] == [lines.lines[-1]]
    assert lines.status == "published"
