"""Helpers for tests: in-process builds, project copies, and a tiny valid data set."""
from __future__ import annotations

import functools
import shutil
import textwrap
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT_DIR = Path(__file__).resolve().parent.parent


@functools.lru_cache(maxsize=None)
def real_site(**options):
    """The real data/ loaded once per test process (and per set of load_site options): loading
    it takes seconds, and twenty test modules read it. Read it, never change it: a test that needs
    a changed Site takes a copy (copy.copy) first."""
    from macros.core.site import load_site
    return load_site(ROOT_DIR, **options)
COPIED = ["mkdocs.yml", "docs", "overrides", "macros", "data", "sources"]


def build_site(project: Path, site_dir: Path, search_index: bool = False) -> Path:
    """A strict in-process build; raises mkdocs Abort on any warning or data problem.

    search_index: also the steps `make build` runs after MkDocs: the Pagefind index, then only
    the theme CSS the pages use (macros/assets/purge_css.py)."""
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    build(config)
    if search_index:
        from concurrent.futures import ThreadPoolExecutor
        from macros.search.index import build_index
        # Pagefind's Python API runs its own asyncio loop; in a worker whose Playwright (sync API)
        # already has a loop running, that must happen in a thread of its own.
        with ThreadPoolExecutor(1) as pool:
            pool.submit(build_index, site_dir).result()
        from macros.assets.purge_css import purge_site
        purge_site(site_dir)
    return site_dir


def copy_project(root: Path, dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        src = root / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    return dest


# A tiny but complete data set: two documents and a glossary. Tests change one thing in it
# and expect one precise message. Line numbers below are part of the tests: keep them.
PROTOCOL = textwrap.dedent("""\
    id: national-protocol
    title: "National Protocol"
    short_title: National Protocol
    publisher: DfES and ADSS
    date: "2004-07"
    status: Issued in July 2004.
    audience: [practitioners]
    source:
      file: sources/seeds/001_89705beba140b364.txt
      retrieved: "2026-11-22"
    numbering: original
    sections:
      - number: "9"
        title: Procedures
        summary: {evidence: "The receiving authority will take",
          text: Our summary.,
          cites: ["national-protocol:9.3"]}
        paragraphs:
          - number: "9.1"
            blocks:
              - p: "Planned moves."
          - number: "9.3"
            title: Unplanned moves to another authority
            blocks:
              - p: "The receiving authority will take the following steps:"
              - ul:
                  - "Interview the young person;"
                  - text: "Contact the responsible authority"
                    ul: ["urgently"]
    """)

GLOSSARY = textwrap.dedent("""\
    terms:
      - id: responsible-authority
        term: responsible authority
        definition: The council that last looked after the young person.
        defined_in: {evidence: "Interview the young person",
          cites: ["national-protocol:9.3"]}
      - id: receiving-authority
        term: receiving authority
        also: [host authority]
        definition: The council where the care leaver now lives.
        defined_in: {evidence: "Planned moves",
          cites: ["national-protocol:9.1"]}
        see_also: [responsible-authority]
    """)


SOURCE = textwrap.dedent("""\
    source:
      title: Research
      url: https://example.org/research
      licence: CC BY 4.0
      credit: Contains data from research
      file: sources/research/authorities.csv
      retrieved: "2026-11-22"
      status: published
    """)

AUTHORITIES = SOURCE + textwrap.dedent("""\
    authorities:
      - code: E10000017
        dfe_code: "888"
        name: Lancashire
        official_name: Lancashire County Council
        type: CTY
        region: North West
        region_code: E12000002
        registry_code: LAN
        website: https://www.lancashire.gov.uk/
      - code: E10000034
        dfe_code: "885"
        name: Worcestershire
        official_name: Worcestershire County Council
        type: CTY
        region: West Midlands
        region_code: E12000005
        registry_code: WOR
        website: https://www.worcestershire.gov.uk/
    """)

DISTRICTS = SOURCE + textwrap.dedent("""\
    districts:
      - code: E07000117
        name: Burnley
        official_name: Burnley Borough Council
        county: E10000017
        website: https://www.burnley.gov.uk/
    """)

LEAD_OFFICERS = textwrap.dedent("""\
    entries:
      - authority: E10000017
        kind: public-line
        lines:
          - kind: leaving-care-team
            team: Leaving Care Service
            phones: ["0300 123 6720"]
            email: leaving.care@lancashire.gov.uk
            status: published
            source:
              evidence: Customer access line
              cites: ["national-protocol:9.1"]
            read_on: "2026-11-01"
          - kind: emergency-duty-out-of-hours
            team: Emergency Duty Team
            phones: ["01772 000000"]
            status: unverified
            source:
              evidence: Out of hours
              url: https://example.org/edt
            read_on: "2026-11-01"
    """)


def tiny_data(dest: Path) -> Path:
    """Write the tiny data set under dest/data and return dest."""
    (dest / "data" / "documents").mkdir(parents=True)
    (dest / "data" / "documents" / "national-protocol.yaml").write_text(PROTOCOL, encoding="utf-8")
    for name, text in (("glossary", GLOSSARY), ("authorities", AUTHORITIES), ("districts", DISTRICTS),
                       ("lead-officers", LEAD_OFFICERS)):
        (dest / "data" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return dest


# A tiny valid tree over the tiny protocol. Line numbers are part of the tests in test_trees.py.
TREE = textwrap.dedent("""\
    id: tiny
    title: A tiny tree
    for: Tests.
    covers: Two questions and three outcomes.
    have_to_hand: []
    start: q-side
    nodes:
      q-side:
        type: question
        text: Which side are you?
        answers:
          - {id: receiving, label: Receiving, next: q-planned}
          - {id: responsible, label: Responsible, next: o-responsible}
      q-planned:
        type: question
        text: Was the move planned?
        answers:
          - {id: yes-planned, label: Yes, next: o-planned}
          - {id: no, label: No, next: o-unplanned}
      o-responsible:
        type: outcome
        title: Responsible steps
        summary: Do this.
        steps:
          - {who: responsible authority, text: Send the plan., cites: ["national-protocol:9.3"], evidence: "contact the responsible authority"}
        cites: ["national-protocol:9.3"]
      o-planned:
        type: outcome
        title: Planned steps
        summary: Reply.
        steps:
          - {who: receiving authority, text: Reply., deadline: reply, cites: ["national-protocol:9.1"], reading: true}
        deadlines:
          - {id: reply, label: Reply, working_weeks: 4, from: the request, cites: ["national-protocol:9.1"], evidence: "Planned moves"}
        cites: ["national-protocol:9.1"]
      o-unplanned:
        type: outcome
        title: Unplanned steps
        summary: Interview.
        steps:
          - {who: receiving authority, text: Interview., cites: ["national-protocol:9.3"], evidence: "Interview the young person"}
        cites: ["national-protocol:9.3"]
    journeys:
      - {name: responsible, answers: [responsible], outcome: o-responsible}
      - {name: planned, answers: [receiving, yes-planned], outcome: o-planned}
      - {name: unplanned, answers: [receiving, no], outcome: o-unplanned}
    """)


def tiny_tree(dest: Path) -> Path:
    (dest / "data" / "trees").mkdir(parents=True, exist_ok=True)
    (dest / "data" / "trees" / "tiny.yaml").write_text(TREE, encoding="utf-8")
    return dest


def edit(root: Path, rel: str, old: str, new: str) -> None:
    """Change one thing in a data file of a test project (the old text must be there)."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def assert_reported(error, file: str, line: int, field: str, words: str) -> None:
    """The DataError names this file, line and field, with these words in its message."""
    wanted = [p for p in error.problems if str(p).startswith(f"{file}:{line}: {field}: ")]
    assert wanted and any(words in p.message for p in wanted), \
        f"expected {file}:{line}: {field}: …{words}…; got:\n{error.report()}"
    # The printed form is the one people read: data/<file>:<line>: <field>: <what is wrong>
    assert f"{file}:{line}: {field}: " in error.report()


def load_problems(root: Path, outputs: bool = False, today=None):
    """Load a test project's data/ (with outputs: also make every page and file, as the build does)
    and return the DataError it must raise."""
    import pytest

    from macros.core.pages import generated_outputs
    from macros.core.problems import DataError
    from macros.core.site import load_site
    with pytest.raises(DataError) as caught:
        site = load_site(root, today)
        if outputs:
            generated_outputs(site)
    return caught.value


def expect_problem(root: Path, edits, file: str, line: int, field: str, words: str, outputs: bool = False,
                   today=None):
    """Edit data files, load, expect the problem `file:line: field: …words…`; returns the DataError.

    edits: one (rel, old, new) or a list of them (edit() checks the old text is there)."""
    for rel, old, new in ([edits] if isinstance(edits, tuple) else edits):
        edit(root, rel, old, new)
    error = load_problems(root, outputs, today)
    assert_reported(error, file, line, field, words)
    return error
