"""tools/apply_submission.py: a correction, an entry or an offer item, from an issue form's body or
a mailbox message, into the right data file with today as the day read and the submitter's source;
bad input refused in plain words with nothing written; a result the data checks refuse put back.

Each test works on a copy of data/, docs/ and sources/ in tmp_path, never on the repository."""
from __future__ import annotations

import difflib
import hashlib
import shutil
from datetime import date
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from macros.core.corrections import Channel, entry_message
from tools import apply_submission as tool

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 12, 4)


@pytest.fixture
def project(tmp_path) -> Path:
    for name in ("data", "docs", "sources"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def fingerprint(project: Path) -> dict[str, str]:
    return {p.relative_to(project).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted((project / "data").rglob("*")) if p.is_file()}


def diff(before: str, after: str) -> tuple[list[str], list[str]]:
    """(added lines, removed lines), as git diff shows them (no line treated as junk for being common)."""
    a, b = before.splitlines(), after.splitlines()
    added, removed = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "equal":
            removed += a[i1:i2]
            added += b[j1:j2]
    return added, removed


# An issue opened from "Is this wrong?" beside Lancashire's switchboard line (hand-written from the
# seeds, above the import marker). 020 7946 0xxx is Ofcom's range for drama: never a real line.
CORRECTION_ISSUE = """### Council

Lancashire

### What it is about

Lancashire: Council switchboard, Lancashire County Council customer access team

### As shown on the site

- Phone: 0300 123 6720

### Page

/authorities/lancashire/

### What is wrong

The number has changed.

### The right phone number

020 7946 0123

### The right team email

_No response_

### The right web page

_No response_

### The right opening hours

Monday to Friday, 9am to 5pm

### Where the right version is published

https://www.lancashire.gov.uk/children-education-families/care-leavers/

### The date that page or document gives

2026-11
"""


def mail_entry(**answers) -> str:
    """A message as the site's mailbox link prefills it, answered."""
    body = entry_message(Channel("email", "atlas@example.org")).body
    for label, answer in answers.items():
        body = body.replace(f"{label}:\n", f"{label}: {answer}\n", 1)
    return "Subject: Lead officer entry: Lancashire\n\n" + body


ENTRY = dict([("Council", "Lancashire"), ("Role people should ask for", "Leaving care service manager"),
              ("Kind of line", "Leaving care team"), ("Team name", "Leaving Care Atlas Test Team"),
              ("Phone number", "020 7946 0456"), ("Team email", "leaving.care@example.gov.uk"),
              ("Where these details are published, or how we can check them", "https://www.lancashire.gov.uk/care-leavers/"),
              ("Agreement", "I agree")])

OFFER_ISSUE = """### Council

Bolton

### Kind of help

Setting up home allowance

### As shown on the site

_No response_

### Page

_No response_

### Amount, or yes or no

£3,500

### Ages

18 to 25

### Who it is for

care leavers of Bolton Council

### Conditions

_No response_

### Where it is published

https://www.bolton.gov.uk/example-local-offer

### Title of that page or document

Example local offer page

### The date that page or document gives

2026-10-01
"""


def test_a_correction_from_an_issue_form_changes_that_line_only(project):
    path = project / "data" / "lead-officers.yaml"
    before = path.read_text()
    assert tool.apply(project, CORRECTION_ISSUE, "published", TODAY) == [path]
    added, removed = diff(before, path.read_text())
    assert added == ['        phones: ["020 7946 0123"]',
                     '        hours: "Monday to Friday, 9am to 5pm"',
                     '        status: "published"',
                     '          evidence: "Sent as a correction on 2026-12-04: The number has changed."',
                     '          url: "https://www.lancashire.gov.uk/children-education-families/care-leavers/"',
                     '        source_date: "2026-11"',
                     '        read_on: "2026-12-04"',
                     '        submitted: "correction"',
                     # the line as it was, with its source and status, kept on record (both sides)
                     '        replaces:',
                     '          phones: ["0300 123 6720"]',
                     '          status: published',
                     '          source:',
                     '            evidence: "The guidance tells care leavers to contact the customer access team on '
                     '0300 123 6720 to be stepped up again or ask for an assessment, and to say they are a care leaver."',
                     '            title: "Lancashire County Council, Leaving Care Practice Guidance (Version 2), undated"',
                     '            cites: ["lancashire-guidance:2.6", "lancashire-guidance:3.3.5"]',
                     '          read_on: "2026-11-22"']
    assert removed == ['        phones: ["0300 123 6720"]', '        status: published',
                       '          evidence: "The guidance tells care leavers to contact the customer access team on 0300 123 '
                       '6720 to be stepped up again or ask for an assessment, and to say they are a care leaver."',
                       '          title: "Lancashire County Council, Leaving Care Practice Guidance (Version 2), undated"',
                       '          cites: ["lancashire-guidance:2.6", "lancashire-guidance:3.3.5"]',
                       '        read_on: "2026-11-22"']


def test_an_entry_from_a_mailbox_message_adds_the_line_and_the_role(project):
    path = project / "data" / "lead-officers.yaml"
    before = path.read_text()
    tool.apply(project, mail_entry(**ENTRY), "confirmed", TODAY)
    added, removed = diff(before, path.read_text())
    assert removed == ["    kind: public-line"]
    assert added == ['    kind: lead-officer',
                     '    role: "Leaving care service manager"',
                     '      - kind: "leaving-care-team"',
                     '        team: "Leaving Care Atlas Test Team"',
                     '        phones: ["020 7946 0456"]',
                     '        email: "leaving.care@example.gov.uk"',
                     '        status: "confirmed"',
                     '        source:',
                     '          evidence: "Sent by the council\'s lead officer on 2026-12-04, with the page named as its source"',
                     '          url: "https://www.lancashire.gov.uk/care-leavers/"',
                     '        read_on: "2026-12-04"',
                     '        submitted: "entry"']


def test_an_entry_not_yet_confirmed_does_not_make_a_lead_officer(project):
    tool.apply(project, mail_entry(**ENTRY), "published", TODAY)
    data = YAML(typ="safe").load((project / "data" / "lead-officers.yaml").read_text())
    entry = next(e for e in data["entries"] if e["authority"] == "E10000017")
    assert entry["kind"] == "public-line" and entry["lines"][-1]["status"] == "published"


def test_an_offer_item_keeps_the_older_source_beside_it(project):
    path = project / "data" / "offers" / "bolton.yaml"
    old = next(i for i in YAML(typ="safe").load(path.read_text())["items"] if i["entitlement"] == "setting-up-home-allowance")
    tool.apply(project, OFFER_ISSUE, "published", TODAY)
    items = YAML(typ="safe").load(path.read_text())["items"]
    new = next(i for i in items if i["entitlement"] == "setting-up-home-allowance")
    assert (new["value"], new["unit"], new["age_from"], new["age_to"]) == (3500, "GBP", 18, 25)
    assert new["source"] == {"url": "https://www.bolton.gov.uk/example-local-offer", "title": "Example local offer page",
                             "date": "2026-10-01", "read": "2026-12-04", "status": "published",
                             "evidence": "Sent as a local offer item on 2026-12-04"}
    assert new["other_sources"][0]["value"] == old["value"] and new["other_sources"][0]["source"] == old["source"]
    assert len(items) == len(YAML(typ="safe").load((ROOT / "data" / "offers" / "bolton.yaml").read_text())["items"])


BAD = {
    "a mobile number": (CORRECTION_ISSUE.replace("020 7946 0123", "07911 123456"), "07911 123456 is a mobile number"),
    "a personal email": (mail_entry(**{**ENTRY, "Team email": "jane.smith@gmail.com"}), "looks like a person's email"),
    "a person's name as the mailbox": (mail_entry(**{**ENTRY, "Team email": "jane.smith@lancashire.gov.uk"}),
                                       "looks like a person's email"),
    "no source": (CORRECTION_ISSUE.replace("https://www.lancashire.gov.uk/children-education-families/care-leavers/",
                                           "_No response_"), "no source"),
    "an unknown council": (OFFER_ISSUE.replace("Bolton", "Gotham"), "unknown council 'Gotham'"),
    "HTML": (CORRECTION_ISSUE.replace("The number has changed.", "<img src=x onerror=alert(1)>"),
             "What is wrong: HTML is not accepted"),
    "no agreement to publish": (mail_entry(**{k: v for k, v in ENTRY.items() if k != "Agreement"}), "has not agreed"),
    "a source that is not a web address": (OFFER_ISSUE.replace("https://www.bolton.gov.uk/example-local-offer",
                                                               "my friend told me"), "not a web address"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_is_refused_in_plain_words_with_nothing_written(project, case, capsys):
    text, words = BAD[case]
    before = fingerprint(project)
    submission = project / "submission.md"
    submission.write_text(text)
    assert tool.main([str(submission), "--status", "published", "--today", "2026-12-04", "--root", str(project)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Not applied, nothing was written:") and words in err, err
    assert "Traceback" not in err
    assert fingerprint(project) == before


def test_a_result_the_data_checks_refuse_is_put_back(project):
    before = fingerprint(project)
    future = CORRECTION_ISSUE.replace("2026-11\n", "2026-12-31\n")      # after the day it was read
    with pytest.raises(tool.Refused) as refused:
        tool.apply(project, future, "published", TODAY)
    assert "the data checks refused the result" in refused.value.reasons[0]
    assert "data/lead-officers.yaml:" in refused.value.reasons[1]
    assert fingerprint(project) == before


def test_a_line_shared_by_several_councils_is_left_to_a_person(project):
    data = YAML(typ="safe").load((project / "data" / "lead-officers.yaml").read_text())
    shared = {s["id"]: s for s in data.get("shared_lines", [])}
    entry = next(e for e in data["entries"] if any("shared" in ln for ln in e["lines"]))
    line = shared[next(ln for ln in entry["lines"] if "shared" in ln)["shared"]]
    council = next(a for a in YAML(typ="safe").load((project / "data" / "authorities.yaml").read_text())["authorities"]
                   if a["code"] == entry["authority"])["name"]
    text = CORRECTION_ISSUE.replace("Lancashire\n\n### What", f"{council}\n\n### What").replace(
        "Lancashire: Council switchboard, Lancashire County Council customer access team",
        f"{council}: {tool.kind_words(line)}, {line['team']}")
    with pytest.raises(tool.Refused) as refused:
        tool.apply(project, text, "published", TODAY)
    assert "shared by several councils" in refused.value.reasons[0]
