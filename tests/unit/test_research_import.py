"""The research imports (tools/import_offers.py, import_contacts.py, import_research.py) on small CSVs:
a conflict keeps both rows, a weak row carries its caveat, a re-run changes nothing, a bad row is
refused with its file and line and nothing is written."""
from __future__ import annotations

import csv
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import import_contacts  # noqa: E402
import import_offers  # noqa: E402
import import_research  # noqa: E402

OFFER_COLUMNS = ["gss_code", "council", "district_gss_code", "entitlement", "value", "unit", "age_from", "age_to",
                 "applies_to", "conditions", "source_url", "source_title", "source_date", "status", "evidence"]
LINE_COLUMNS = ["gss_code", "council", "team", "line_kind", "phone", "email", "web_page", "opening_hours",
                "source_url", "source_title", "source_date", "status", "evidence"]
PAGE_COLUMNS = ["gss_code", "council", "url", "title", "source_date", "status", "evidence"]
LUTON, WIGAN, SALFORD = "E06000032", "E08000010", "E08000006"


def write_csv(path: Path, columns: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.DictWriter(fh, columns)
        out.writeheader()
        for row in rows:
            out.writerow({c: row.get(c, "") for c in columns})


@pytest.fixture
def research(tmp_path) -> Path:
    folder = tmp_path / "research"
    folder.mkdir()
    for name in ("authorities.csv", "districts.csv"):
        shutil.copy(ROOT / "sources" / "research" / name, folder / name)
    return folder


def offer(**fields) -> dict:
    base = {"gss_code": LUTON, "council": "Luton", "entitlement": "setting-up-home-allowance", "value": "2000",
            "unit": "GBP", "source_url": "https://www.luton.gov.uk/old", "source_title": "Old page",
            "status": "published", "evidence": "up to £2000"}
    return {**base, **fields}


def snapshot(folder: Path) -> dict:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.glob("*.yaml"))}


def test_offers_conflict_weak_row_and_a_rerun_that_changes_nothing(research, tmp_path):
    write_csv(research / "nov.csv", OFFER_COLUMNS, [
        offer(),
        offer(gss_code=SALFORD, council="Salford", entitlement="council-tax-exemption", value="yes", unit="yes-no",
              conditions="council named in a list of councils on the LGA Labour group innovations site; undated",
              source_url="https://labour.example.org/list", source_title="A party's list", status="unverified",
              evidence="named in the list")])
    write_csv(research / "dec.csv", OFFER_COLUMNS, [
        offer(value="3000", source_url="https://www.luton.gov.uk/new", source_title="Procedures manual",
              source_date="2023-12", evidence="increased from £2,000 to £3,000"),
        offer(value="1500", source_url="https://news.example.org/luton", source_title="A news story",
              source_date="2024-06", status="unverified", evidence="a newer news story")])
    files = [("nov.csv", "2026-11-22"), ("dec.csv", "2026-12-04")]
    out = tmp_path / "offers"
    assert import_offers.main(research, out, files) == 0
    luton = (out / "luton.yaml").read_text(encoding="utf-8")
    # both sides of the conflict stand; the council's own newest source headlines, never the news story
    headline, *others = luton.split("other_sources:")
    assert "value: 3000" in headline and "luton.gov.uk/new" in headline
    assert "value: 2000" in others[0] and "value: 1500" in others[0]
    assert luton.count('status: "unverified"') == 1                      # status kept exactly
    salford = (out / "salford.yaml").read_text(encoding="utf-8")
    assert "caveat: \"from a party's list or report, not the council\"" in salford
    # status kept exactly (the published source beside it is the notes' figure, NOTES_FIGURES)
    tax = salford.split("  - entitlement:")[1]
    assert tax.startswith(' "council-tax-exemption"')
    assert 'status: "unverified"' in tax and 'status: "published"' not in tax
    before = snapshot(out)
    assert import_offers.main(research, out, files) == 0
    assert snapshot(out) == before                                        # not even rewritten


def test_offers_bad_row_is_refused_with_file_and_line_and_nothing_written(research, tmp_path, capsys):
    write_csv(research / "dec.csv", OFFER_COLUMNS, [offer(), offer(value="£3,000")])
    out = tmp_path / "offers"
    assert import_offers.main(research, out, [("dec.csv", "2026-12-04")]) == 1
    assert "sources/research/dec.csv:3: '£3,000' is not a number" in capsys.readouterr().err
    assert not out.exists()


def test_a_weak_rows_caveat_is_shown_with_its_value():
    from macros.offers.display import value_text
    from macros.offers.model import Claim
    weak = Claim("yes", "yes-no", None, None, "not stated", None, None, {}, "from a party's list or report, not the council")
    assert value_text(weak) == "Yes (from a party's list or report, not the council)"
    plain = Claim("yes", "yes-no", None, None, "not stated", None, None, {})
    assert value_text(plain) == "Yes"


LEAD_OFFICERS = "# test\nentries:\n\n" + import_contacts.MARKER + "\n"


def line(**fields) -> dict:
    base = {"gss_code": WIGAN, "council": "Wigan", "team": "Emergency Duty Team", "line_kind": "emergency-duty-out-of-hours",
            "phone": "01942 828777", "source_url": "https://www.wigan.gov.uk/old", "source_title": "Old page",
            "status": "published", "evidence": "EDT number"}
    return {**base, **fields}


def test_contacts_conflict_both_kept_newer_first_and_a_rerun_that_changes_nothing(research, tmp_path):
    write_csv(research / "nov.csv", LINE_COLUMNS, [line()])
    write_csv(research / "dec.csv", LINE_COLUMNS, [
        line(phone="01942 828300", source_url="https://www.wigan.gov.uk/new",
             evidence="Children: 01942 828300. DIFFERS from earlier row which gave the adults' line; both kept"),
        line(phone="020 8461 7373 / 7379", line_kind="children-services-front-door", team="Front door",
             evidence="as printed"),
        line(phone="0118 937 3641, Option 1", line_kind="council-switchboard", team="Switchboard",
             evidence="old LSCB page, predates the reorganisation")])
    data = tmp_path / "lead-officers.yaml"
    data.write_text(LEAD_OFFICERS, encoding="utf-8")
    files = [("nov.csv", "2026-11-22"), ("dec.csv", "2026-12-04")]
    assert import_contacts.main(research, data, files) == 0
    text = data.read_text(encoding="utf-8")
    assert text.count('conflict: "out-of-hours"') == 2
    assert text.index("01942 828300") < text.index("01942 828777")          # the newer first
    assert 'read_on: "2026-12-04"' in text and 'read_on: "2026-11-22"' in text
    # a number the page abbreviates is not completed by us; "option 1" is the number's label
    assert '{number: "020 8461 7373", label: "the page prints “020 8461 7373 / 7379”"}' in text
    assert '{number: "0118 937 3641", label: "option 1"}' in text
    assert 'check: "the page is from before the council was reorganised"' in text
    stamp = data.stat().st_mtime_ns
    assert import_contacts.main(research, data, files) == 0
    assert data.read_text(encoding="utf-8") == text and data.stat().st_mtime_ns == stamp


@pytest.mark.parametrize("bad, words", [
    ({"phone": "07911 123456"}, "is a mobile number"),
    ({"status": "checked"}, "status 'checked'"),
    ({"line_kind": "hotline"}, "line_kind 'hotline'"),
])
def test_contacts_bad_row_is_refused_with_file_and_line(research, tmp_path, capsys, bad, words):
    write_csv(research / "dec.csv", LINE_COLUMNS, [line(), line(**bad)])
    data = tmp_path / "lead-officers.yaml"
    data.write_text(LEAD_OFFICERS, encoding="utf-8")
    assert import_contacts.main(research, data, [("dec.csv", "2026-12-04")]) == 1
    err = capsys.readouterr().err
    assert "sources/research/dec.csv:3" in err and words in err
    assert data.read_text(encoding="utf-8") == LEAD_OFFICERS                # nothing written


def test_local_offer_pages_become_a_field_of_each_council(research, tmp_path):
    write_csv(research / "local-offer-pages.csv", PAGE_COLUMNS, [
        {"gss_code": LUTON, "council": "Luton", "url": "https://www.luton.gov.uk/old-offer", "title": "Old offer",
         "source_date": "2019", "status": "published", "evidence": "OLDER page, superseded"},
        {"gss_code": LUTON, "council": "Luton", "url": "https://careleaveroffer.co.uk/luton", "title": "Third party",
         "status": "unverified", "evidence": "FALLBACK careleaveroffer.co.uk profile"},
        {"gss_code": LUTON, "council": "Luton", "url": "https://www.luton.gov.uk/offer", "title": "Our offer",
         "status": "published", "evidence": "the council's offer page"}])
    data = tmp_path / "data"
    data.mkdir()
    import_research.main(research, data)
    text = (data / "authorities.yaml").read_text(encoding="utf-8")
    luton = text.split('name: "Luton"')[1].split("  - code:")[0]
    # the council's own sound page first, then its older page, then the third party's
    assert luton.index("/offer\"") < luton.index("old-offer") < luton.index("careleaveroffer")
    assert 'caveat: "an older page: a newer one may exist"' in luton
    assert 'read: "2026-12-04"' in luton and 'date: "2019"' in luton and 'date: "undated"' in luton
    wigan = text.split('name: "Wigan"')[1].split("  - code:")[0]
    assert "local_offer_pages:   []   # none found" in wigan
    before = (data / "authorities.yaml").stat().st_mtime_ns
    import_research.main(research, data)
    assert (data / "authorities.yaml").stat().st_mtime_ns == before
