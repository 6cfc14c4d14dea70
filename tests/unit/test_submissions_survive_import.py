"""What tools/apply_submission.py writes survives tools/import_contacts.py: a lead officer's entry
and a correction, below the IMPORTED marker and below a hand-written entry's hand mark, are kept
once and unchanged; a correction takes the place of the research line it replaces, which is not
added again (its values stay under `replaces`); importing twice changes nothing; the data checks
pass on the result.

Each test works on a copy of data/, docs/ and sources/ in tmp_path, never on the repository."""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from macros.core.site import load_site
from tools import apply_submission as tool
from tools import import_contacts

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 12, 5)
BARKING, LANCASHIRE, BOLTON = "E09000002", "E10000017", "E08000001"


@pytest.fixture
def project(tmp_path) -> Path:
    for name in ("data", "docs", "sources"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def officers(project: Path) -> Path:
    return project / "data" / "lead-officers.yaml"


def read(project: Path) -> dict:
    return YAML(typ="safe").load(officers(project).read_text(encoding="utf-8"))


def by_council(data: dict) -> dict:
    return {e["authority"]: e for e in data["entries"]}


def import_again(project: Path) -> str:
    assert import_contacts.main(project / "sources" / "research", officers(project)) == 0
    return officers(project).read_text(encoding="utf-8")


def send(project: Path, text: str, status: str) -> None:
    """What apply() writes, without its data checks (each test runs them once, on the end result)."""
    form, values = tool.parse(text)
    for path, content in tool.APPLY[form](project, values, status, TODAY).items():
        path.write_text(content, encoding="utf-8")


def entry(council: str, kind: str, team: str, phone: str) -> str:
    return (f"### Council\n\n{council}\n\n### Role people should ask for\n\nLeaving care service manager\n\n"
            f"### Kind of line\n\n{kind}\n\n### Team name\n\n{team}\n\n### Phone number\n\n{phone}\n\n"
            "### Team email\n\nleaving.care@example.gov.uk\n\n"
            "### Where these details are published, or how we can check them\n\nhttps://www.example.gov.uk/care-leavers\n\n"
            "### Agreement\n\n- [X] I agree that the details above will be public on the site\n")   # as GitHub writes it


def correction(council: str, line: dict, phone: str) -> str:
    return (f"### Council\n\n{council}\n\n### What it is about\n\n{council}: {tool.kind_words(line)}, {line['team']}\n\n"
            "### What is wrong\n\nThe number has changed.\n\n"
            f"### The right phone number\n\n{phone}\n\n"
            "### Where the right version is published\n\nhttps://www.example.gov.uk/contact-us\n")


def numbers(line: dict) -> list[str]:
    return [p["number"] if isinstance(p, dict) else p for p in line.get("phones", [])]


def test_the_repository_data_is_what_the_import_writes(project):
    # Re-runnable: the committed file is exactly the import's output (a hand edit below the marker fails here).
    before = officers(project).read_text(encoding="utf-8")
    assert import_again(project) == before


def test_entries_sent_survive_the_import_unchanged_and_once(project):
    # 020 7946 0xxx is Ofcom's range for drama: never a real line.
    tool.apply(project, entry("Barking and Dagenham", "Leaving care team", "Learn2Live", "020 7946 0456"),
               "confirmed", TODAY)                                        # below the marker
    send(project, entry("Lancashire", "Leaving care team", "Leaving Care Atlas Test Team", "020 7946 0457"),
         "published")                                                     # after Lancashire's imported lines
    send(project, entry("Bolton", "Leaving care team", "Bolton Leaving Care Team", "020 7946 0458"),
         "published")                                                     # a council with no entry yet
    applied = read(project)
    sent = {code: [ln for ln in e["lines"] if ln.get("submitted")] for code, e in by_council(applied).items()}
    assert {code: len(lines) for code, lines in sent.items() if lines} == {BARKING: 1, LANCASHIRE: 1, BOLTON: 1}
    assert by_council(applied)[BARKING]["kind"] == "lead-officer"

    once = import_again(project)
    imported = read(project)
    # Everything as apply left it: every entry, every line, once; the sent lines unchanged.
    assert by_council(imported) == by_council(applied)
    assert len(imported["entries"]) == len(applied["entries"]) and imported["shared_lines"] == applied["shared_lines"]
    for code, lines in sent.items():
        for line in lines:
            assert by_council(imported)[code]["lines"].count(line) == 1
    assert by_council(imported)[BARKING]["role"] == "Leaving care service manager"
    assert once.count('team: "Learn2Live"') == 1

    assert import_again(project) == once                                  # importing again changes nothing
    load_site(project, TODAY)                                             # the data checks pass


def test_a_correction_survives_and_the_corrected_number_is_not_current_again(project):
    data = read(project)
    barking = by_council(data)[BARKING]["lines"][0]
    # Lancashire's two out-of-hours lines from the same page have the same team and number: the
    # correction replaces the one apply chose, and the import keeps that choice.
    lancashire = [ln for ln in by_council(data)[LANCASHIRE]["lines"] if ln.get("team") ==
                  "Lancashire Children's Social Care (out of hours)"]
    assert len(lancashire) == 2 and numbers(lancashire[0]) == numbers(lancashire[1])
    old_barking = numbers(barking)

    tool.apply(project, correction("Barking and Dagenham", barking, "020 7946 0123"), "published", TODAY)
    send(project, correction("Lancashire", lancashire[1], "020 7946 0124"), "published")
    applied = read(project)

    once = import_again(project)
    imported = read(project)
    assert by_council(imported) == by_council(applied)
    for code, was, new in ((BARKING, barking, "020 7946 0123"), (LANCASHIRE, lancashire[1], "020 7946 0124")):
        lines = by_council(imported)[code]["lines"]
        assert len(lines) == len(by_council(data)[code]["lines"])         # no research line added again
        fixed = [ln for ln in lines if ln.get("submitted") == "correction"]
        assert len(fixed) == 1 and numbers(fixed[0]) == [new]
        # both sides recorded: the research line's numbers, source and status, not shown as current
        assert {k: fixed[0]["replaces"][k] for k in ("phones", "status", "source", "read_on")} == \
            {k: was[k] for k in ("phones", "status", "source", "read_on")}
    current = [n for ln in by_council(imported)[BARKING]["lines"] for n in numbers(ln)]
    assert not set(old_barking) & set(current)
    # Lancashire's other out-of-hours line (the first) is another record: it stays, as apply left it.
    assert lancashire[0] in by_council(imported)[LANCASHIRE]["lines"]

    assert import_again(project) == once
    load_site(project, TODAY)


def test_a_line_sent_before_it_could_be_marked_stops_the_import(project, capsys):
    # A line apply_submission wrote before `submitted` existed: the import cannot tell what it
    # replaced, so it stops (file, line, field) rather than dropping it or adding the old line again.
    path = officers(project)
    text = path.read_text(encoding="utf-8")
    evidence = ('          evidence: "Care leaver exemption paragraph: if not receiving the discount contact Corporate '
                'Parents Team on these numbers.')
    assert text.count(evidence) == 1
    path.write_text(text.replace(evidence, '          evidence: "Sent as a correction on 2026-12-01: wrong.'),
                    encoding="utf-8")
    before = path.read_bytes()
    assert import_contacts.main(project / "sources" / "research", path) == 1
    err = capsys.readouterr().err
    assert "import stopped, nothing written: data/lead-officers.yaml:" in err and "entries[" in err
    assert "not marked `submitted: entry`" in err and "Traceback" not in err
    assert path.read_bytes() == before
