"""Hostile data in a copy of the real project (issue 20): what only shows with every page made.

H1: names that make one address are refused with both places; M9: a file a page cannot do
without is required; M6, M7: every CSV cell of the built site is safe to open and every JSON
file parses strictly.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tests.support import assert_reported, copy_project, edit, load_problems

# Its tests share one costly build (a module fixture): pytest-xdist keeps them on one worker
# (make test runs --dist loadgroup), so the build is made once per run, not once per worker.
pytestmark = pytest.mark.xdist_group("hostile-data")

ROOT = Path(__file__).resolve().parents[2]
A = "data/authorities.yaml"


@pytest.fixture(scope="module")
def collisions(tmp_path_factory):
    """S01, S02, S04, S06 at once: every collision is listed in one report."""
    project = copy_project(ROOT, tmp_path_factory.mktemp("collisions"))
    for name, renamed in (("Camden", "Index"), ("Haringey", "No leaving care line"), ("Bedford", "District Wyre Forest")):
        edit(project, A, f'name: "{name}"', f'name: "{renamed}"')
        # its local offer file is named after the old name: out of the way, so only the address is at issue
        (project / "data/offers" / f"{name.lower()}.yaml").unlink(missing_ok=True)
    doc = project / "data/documents/worcestershire-report.yaml"
    (project / "data/documents/index.yaml").write_text(
        doc.read_text(encoding="utf-8").replace("id: worcestershire-report", "id: index", 1), encoding="utf-8")
    return load_problems(project, outputs=True)


def line_of(name: str) -> int:
    lines = (ROOT / A).read_text(encoding="utf-8").splitlines()
    return lines.index(f'    name: "{name}"') + 1


def test_a_council_named_index_does_not_replace_the_directory(collisions):
    line = line_of("Camden")
    assert_reported(collisions, A, line, f"authorities[{_index('Camden')}].name",
                    "makes the address /authorities/, which this site's own page")


def test_a_council_named_like_the_gaps_page_is_refused(collisions):
    assert_reported(collisions, A, line_of("Haringey"), f"authorities[{_index('Haringey')}].name",
                    "makes the address /authorities/no-leaving-care-line/")


def test_a_document_with_id_index_is_refused(collisions):
    assert_reported(collisions, "data/documents/index.yaml", 1, "id", "makes the address /documents/")


def test_a_council_named_like_a_district_does_not_lose_its_card(collisions):
    """Both places named: the district's name and the council's."""
    wyre_forest = (ROOT / "data/districts.yaml").read_text(encoding="utf-8").splitlines().index('    name: "Wyre Forest"') + 1
    [problem] = [p for p in collisions.problems if p.file == "data/districts.yaml"]
    assert (problem.line, problem.message) == (wyre_forest, (
        f"makes the address /data/councils/district-wyre-forest.json, which {A}:{line_of('Bedford')} "
        f"(authorities[{_index('Bedford')}].name) already has: choose another name, so that neither replaces the other"))
    assert collisions.report().endswith("4 problems in data/: nothing was built.")


def _index(name: str) -> int:
    names = [line for line in (ROOT / A).read_text(encoding="utf-8").splitlines() if line.startswith("    name: ")]
    return names.index(f'    name: "{name}"')


@pytest.mark.parametrize("missing, words", [
    ("data/help-lines.yaml", "the care leavers' page lists its lines"),          # M01
    ("data/homelessness.yaml", "What the housing law says"),                      # M02
    ("data/practice/lancashire.yaml", "the timescales calculator needs at least one council"),   # M06
])
def test_a_file_a_page_cannot_do_without_is_required(tmp_path, missing, words):
    project = copy_project(ROOT, tmp_path)
    (project / missing).unlink()
    error = load_problems(project)
    shown = missing if not missing.startswith("data/practice/") else "data/practice/"
    assert any(p.file == shown and p.line == 0 and words in p.message for p in error.problems), error.report()


# --- the built site: exports safe to open ----------------------------------------------------------

def test_every_csv_cell_is_safe_to_open(built_site):
    bad = []
    for path in sorted(built_site.rglob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.reader(f):
                bad += [f"{path.name}: {cell[:40]!r}" for cell in row if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert not bad, bad[:10]


def _no_constant(name):
    raise ValueError(f"{name} is not JSON")


def test_every_json_file_parses_strictly(built_site):
    files = sorted(built_site.rglob("*.json"))
    assert len(files) > 100
    for path in files:
        json.loads(path.read_text(encoding="utf-8"), parse_constant=_no_constant)


def test_a_negative_amount_is_refused(tmp_path):          # T11: "£-3,000" was published
    project = copy_project(ROOT, tmp_path)
    edit(project, "data/offers/surrey.yaml", "    value: 3000\n", "    value: -3000\n")
    error = load_problems(project)
    assert [str(p) for p in error.problems if p.file == "data/offers/surrey.yaml"] == [
        "data/offers/surrey.yaml:34: items[2].value: -3000 is less than 0: amounts and ages are never negative"], error.report()


def test_the_build_stops_on_a_collision_before_anything_is_written(tmp_path):
    """The adapter makes every page and file in on_config, before MkDocs cleans or writes site/."""
    from mkdocs.exceptions import Abort

    from tests.support import build_site
    project = copy_project(ROOT, tmp_path / "project")
    edit(project, A, 'name: "Camden"', 'name: "Index"')
    with pytest.raises(Abort) as err:
        build_site(project, tmp_path / "site")
    assert f"{A}:{line_of('Camden')}: authorities[{_index('Camden')}].name: makes the address /authorities/" in str(err.value)
    assert "Traceback" not in str(err.value) and not (tmp_path / "site").exists()


def test_formulas_in_the_data_reach_every_csv_neutralised(tmp_path):
    """T01 to T03 through the real loader and exporters (the unit test checks csv_text alone): a
    team name, a council's official name and an offer's `who` that a spreadsheet would run."""
    import io

    from macros.core.pages import generated_outputs
    from macros.core.site import load_site
    project = copy_project(ROOT, tmp_path)
    formulas = {"directory.csv": "-2+3+cmd|' /C calc'!A0",                      # T01
                "authorities.csv": '+1+HYPERLINK("https://evil.example","Lancashire")',   # T02
                "offers.csv": "-1+1"}                                              # T03
    edit(project, "data/lead-officers.yaml", 'team: "Lancashire County Council out of hours"',
         f'team: "{formulas["directory.csv"]}"')
    edit(project, A, 'official_name: "London Borough of Barnet"',
         "official_name: '" + formulas["authorities.csv"] + "'")
    edit(project, "data/offers/surrey.yaml", "who: \"Surrey's own care leavers living outside Surrey\"",
         f'who: "{formulas["offers.csv"]}"')
    _, files = generated_outputs(load_site(project))
    for name, formula in formulas.items():
        cells = [cell for row in csv.reader(io.StringIO(files[f"data/{name}"])) for cell in row]
        assert "'" + formula in cells, (name, [c for c in cells if formula[1:] in c])
        assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))], name


@pytest.mark.parametrize("number, words", [("0909 879 0000", "premium-rate number (09)"),    # P02
                                           ("070 1234 5678", "070 personal number")])       # P03
def test_a_help_line_is_held_to_the_same_rule_as_a_council_line(tmp_path, number, words):
    """P02, P03 in the national help lines (the care leavers' page, every letter), not only in
    the directory: one rule (contact_lines.refused_kind) for every public line."""
    project = copy_project(ROOT, tmp_path)
    text = (project / "data/help-lines.yaml").read_text(encoding="utf-8")
    line = text[:text.index('phone: "0808 800 5792"')].count("\n") + 1
    edit(project, "data/help-lines.yaml", 'phone: "0808 800 5792"', f'phone: "{number}"')
    assert_reported(load_problems(project), "data/help-lines.yaml", line, "lines[0].phone", words)
