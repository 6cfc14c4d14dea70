"""Hostile data (issue 20, the reliability review of December 2026): each input that once gave a
traceback, a hang, a wrong number or invalid output is now a `data/<file>:<line>: <field>:` problem.

Each case edits the tiny data set (tests/support.py) through expect_problem: edit, load, expect the
problem at file and line. The review's probe is named on each case.
"""
from __future__ import annotations

import json
import math
import time
from pathlib import Path

import pytest

from macros.core.addresses import Addresses, Place, output_path
from macros.core.dates import human_date
from macros.core.safe_out import csv_text, json_text
from macros.directory.contact_lines import parse_phone, refused_kind
from macros.core.site import load_site
from tests.support import edit, expect_problem, load_problems, tiny_data, tiny_tree

P = "data/documents/national-protocol.yaml"
G = "data/glossary.yaml"
L = "data/lead-officers.yaml"
D = "data/districts.yaml"
PHONE = "entries[0].lines[0].phones[0]"
ROOT = Path(__file__).resolve().parents[2]


# --- H2: numbers that are a person's phone in disguise, or cost the caller dearly ---------------

@pytest.mark.parametrize("number, words", [
    ("0909 879 0000", "premium-rate number (09)"),            # P02
    ("070 1234 5678", "070 personal number"),                  # P03
    ("07624 123456", "mobile number"),
    ("0560 123 4567", "internet (VoIP) number"),
    ("07911 123456", "mobile number"),
])
def test_a_number_no_public_line_may_have_is_refused_with_its_reason(tmp_path, number, words):
    expect_problem(tiny_data(tmp_path), (L, '"0300 123 6720"', f'"{number}"'), L, 7, PHONE, words)


@pytest.mark.parametrize("number", ["0300 123 6720", "01772 000000", "020 7946 0000", "0800 123 4567",
                                    "0808 800 5000", "0845 123 4567", "0871 123 4567"])
def test_public_numbers_stay_valid(number):
    """03, 01, 02, 0800 and 0808 as they are; 084 and 087 kept, marked "check this number"."""
    assert refused_kind(number) is None and parse_phone(number) is not None


def test_a_refused_printed_number_says_why(tmp_path):
    root = tiny_data(tmp_path)
    expect_problem(root, (L, 'phones: ["0300 123 6720"]', 'printed_number: "0909 879 0000"'),
                   L, 7, "entries[0].lines[0].printed_number", "premium-rate")


# --- H1: one registry of addresses ---------------------------------------------------------------

def test_a_second_value_for_an_address_is_a_problem_naming_both_places():
    first, second = Place("data/districts.yaml", 822, "districts[161].name"), Place("data/districts.yaml", 827, "districts[162].name")
    files = Addresses()
    files.add("data/councils/district-wychavon.json", "Worcestershire's", first)
    files.add("data/councils/district-wychavon.json", "Lancashire's", second)
    assert files["data/councils/district-wychavon.json"] == "Worcestershire's"      # never overwritten
    [problem] = files.problems
    assert str(problem).startswith("data/districts.yaml:827: districts[162].name: makes the address "
                                   "/data/councils/district-wychavon.json, which data/districts.yaml:822")


def test_a_reserved_page_is_reported_at_the_data_that_would_replace_it():
    pages = Addresses()
    pages["authorities/index.md"] = "the A to Z"
    pages.add("authorities/index.md", "a council called Index", Place("data/authorities.yaml", 198, "authorities[20].name"))
    # Registered the other way round, still reported at the data's place
    other = Addresses()
    other.add("documents/index.md", "a document called index", Place("data/documents/index.yaml", 1, "id"))
    other["documents/index.md"] = "the listing"
    assert [(p.file, p.line, p.field) for p in pages.problems + other.problems] == [
        ("data/authorities.yaml", 198, "authorities[20].name"), ("data/documents/index.yaml", 1, "id")]
    assert "this site's own page" in pages.problems[0].message


def test_pages_and_files_share_one_space_of_addresses():
    assert output_path("authorities/index.md") == output_path("authorities.md") == "authorities/index.html"
    merged = Addresses()
    merged.add("a/b.md", 1, Place("data/x.yaml", 1, "id"))
    merged.update({"a/b/index.md": 2})
    assert len(merged.problems) == 1 and merged["a/b.md"] == 1


def test_two_districts_of_one_name_are_refused(tmp_path):       # S05
    root = tiny_data(tmp_path)
    entry = "  - code: E07000117\n    name: Burnley\n"
    text = (root / D).read_text(encoding="utf-8")
    (root / D).write_text(text + text[text.index(entry):].replace("E07000117", "E07000118"), encoding="utf-8")
    expect_problem(root, [], D, 16, "districts[1].name", "makes the same address (district-burnley) as the "
                   "district at data/districts.yaml:11 (districts[0].name)")


# --- M4, M5: reading YAML never crashes or hangs --------------------------------------------------

BOMB = "".join(f"lol{i}: &l{i} [" + ", ".join([f"*l{i - 1}" if i else '"lol"'] * 9) + "]\n" for i in range(9))


@pytest.mark.parametrize("case", [
    ("alias-bomb", BOMB, 14, "an anchor (&l0)"),                                        # Y01, Y02
    ("merge-key", "x:\n  <<: {term: y}\n", 15, "a merge key (<<)"),                     # Y03
    ("alias", "x: &a [1]\ny: *a\n", 14, "an anchor (&a)"),
    ("python-tag", 'pwn: !!python/object/apply:os.system ["touch pwned"]\n', 14, "a tag"),   # Y15
    ("deep-flow", "x: " + "[" * 3000 + "]" * 3000 + "\n", 14, "nested more than 40 levels"),  # Y04
    ("deep-block", "".join("  " * i + f"k{i}:\n" for i in range(1200)) + "  " * 1200 + "v\n", 54,
     "nested more than 40 levels"),                                                  # Y05
], ids=lambda c: c[0])
def test_constructs_data_never_needs_are_refused_quickly_at_their_line(tmp_path, case):
    _name, extra, line, words = case
    root = tiny_data(tmp_path)
    started = time.process_time()
    error = expect_problem(root, (G, "    see_also: [responsible-authority]\n",
                                  "    see_also: [responsible-authority]\n" + extra), G, line, "(file)", words)
    assert time.process_time() - started < 10, "refused, but slowly"
    assert not (tmp_path / "pwned").exists() and "Traceback" not in error.report()


def test_a_lone_surrogate_is_refused_at_its_field(tmp_path):         # Y10
    expect_problem(tiny_data(tmp_path), (L, "team: Leaving Care Service", 'team: "Leaving Care \\uD800"'),
                   L, 6, "entries[0].lines[0].team", "lone surrogate")


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf", "1e999"])
def test_a_number_that_is_not_finite_is_refused(tmp_path, value):    # T09, T10
    expect_problem(tiny_data(tmp_path), (P, 'short_title: National Protocol', f'short_title: {value}'),
                   P, 3, "short_title", "not a number a page can show")


def test_a_dangling_link_is_a_problem_not_a_traceback(tmp_path):    # Y18
    root = tiny_data(tmp_path)
    (root / "data" / "documents" / "ghost.yaml").symlink_to(root / "data" / "nowhere.yaml")
    error = load_problems(root)
    assert "data/documents/ghost.yaml:0: (file): cannot be read: No such file or directory" in error.report()


def test_an_invalid_byte_is_reported_at_its_line(tmp_path):          # Y09, L6
    root = tiny_data(tmp_path)
    text = (root / G).read_bytes()
    (root / G).write_bytes(text.replace(b"The council where", b"The council \xff where"))
    assert f"{G}:10: (file): not UTF-8 text" in load_problems(root).report()


def test_a_tree_with_a_long_chain_of_questions_is_checked_without_recursion(tmp_path):   # S09
    root = tiny_tree(tiny_data(tmp_path))
    chain = "".join(f"  c{i}:\n    type: question\n    text: Question {i}?\n    answers:\n"
                    f"      - {{id: a{i}, label: Yes, next: c{i + 1}}}\n" for i in range(1200))
    text = (root / "data/trees/tiny.yaml").read_text(encoding="utf-8")
    text = text.replace("start: q-side\n", "start: c0\n").replace("nodes:\n", "nodes:\n" + chain.replace("c1200", "q-side"))
    (root / "data/trees/tiny.yaml").write_text(text, encoding="utf-8")
    error = load_problems(root)
    assert "RecursionError" not in error.report()
    assert "data/trees/tiny.yaml:" in error.report()       # the journeys no longer follow: said, not crashed


# --- M8: dates are dates -----------------------------------------------------------------------

@pytest.mark.parametrize("value, words", [
    ("2004-02-30", "is not a real date"),        # D01
    ("2004-13", "is not a real date"),           # D02 (once an IndexError)
    ("2099-01-01", "is in the future"),          # D03
    ("0050-03", "a year before 1900"),
])
def test_a_document_date_is_a_real_past_date(tmp_path, value, words):
    expect_problem(tiny_data(tmp_path), (P, 'date: "2004-07"', f'date: "{value}"'), P, 5, "date", words)


def test_a_month_out_of_range_is_never_an_index_error():
    assert human_date("2017-13") == "2017-13"


# --- M6, M7: exports safe to open ----------------------------------------------------------------

@pytest.mark.parametrize("cell", ["-2+3+cmd|' /C calc'!A0", '+1+HYPERLINK("https://evil.example","x")', "-1+1",
                                  "=1+1", "@SUM(1)", "\t=1", "\r=1"])
def test_every_csv_cell_that_a_spreadsheet_would_run_is_neutralised(cell):      # T01 to T03
    text = csv_text(["name"], [[cell], ["plain"]])
    assert all(not row.startswith(("=", "+", "-", "@", "\t", "\r")) for row in text.split("\n")[1:] if row)
    assert "'" + cell.strip("\r\t")[:1] in text or "'\t" in text or "'\r" in text


def test_json_is_never_written_with_nan_or_infinity():
    with pytest.raises(ValueError):
        json_text({"value": math.nan})
    assert json.loads(json_text({"value": 3000})) == {"value": 3000}


# --- L4, L5: names that look like what they are; values a page can show -------------------------

A = "data/authorities.yaml"


def test_a_look_alike_letter_from_another_script_in_a_council_name_is_refused(tmp_path):    # T07
    expect_problem(tiny_data(tmp_path), (A, "name: Lancashire", "name: L\u0430ncashire"), A, 12,
                   "authorities[0].name", "CYRILLIC SMALL LETTER A")


def test_a_look_alike_letter_in_a_team_name_is_refused(tmp_path):
    expect_problem(tiny_data(tmp_path), (L, "team: Leaving Care Service", "team: Leaving Care \u0405ervice"), L, 6,
                   "entries[0].lines[0].team", "CYRILLIC CAPITAL LETTER DZE")


def test_a_website_naming_another_host_after_an_at_sign_is_refused(tmp_path):    # P04
    expect_problem(tiny_data(tmp_path), (A, "website: https://www.lancashire.gov.uk/",
                                         "website: https://www.lancashire.gov.uk@evil.example/"),
                   A, 18, "authorities[0].website", "no user@ before it")


@pytest.mark.parametrize("website, words", [                     # L5 P04 and issue item 9
    ("https://www.lancashire.gov.uk@evil.example/", "a browser would go to evil.example"),
    ("https://www.lancashire.gov.uk:pass@evil.example/", "no user@ before it"),
    ("https://www.lancashire.gov.uk.evil.com/", "'www.lancashire.gov.uk.evil.com' is not on gov.uk"),
    ("https://lancashire.example/", "not a registrable domain"),
    ("https://192.168.0.1/", "is an IP address"),
    ("https://[::1]/", "is an IP address"),
    ("https://www.lanc\u0430shire.gov.uk/", "outside plain a to z"),          # Cyrillic a
    ("https://www.xn--lncashire-7of.gov.uk/", "punycode"),
    ("https://www.lan_cashire.gov.uk/", "is not a host name"),
    ("http://www.lancashire.gov.uk/", "must start with https://"),
    ("https://www.lancashire.gov.uk:port/", "not a web address a browser can open"),
    ("https:///contact", "no host after https://"),
])
def test_a_council_website_must_be_its_own_gov_uk_host(tmp_path, website, words):
    expect_problem(tiny_data(tmp_path), (A, "website: https://www.lancashire.gov.uk/", f'website: "{website}"'),
                   A, 18, "authorities[0].website", words)


def test_a_source_address_is_read_as_a_browser_would(tmp_path):
    root = tiny_data(tmp_path)
    # http:// stays allowed for a source (named, never linked), a port and a final dot too (real rows have them)
    edit(root, L, "url: https://example.org/edt", "url: http://example.org.:8080/edt")
    load_site(root)
    expect_problem(root, (L, "url: http://example.org.:8080/edt", "url: http://example.org@10.0.0.1/edt"),
                   L, 20, "entries[0].lines[1].source.url", "a browser would go to 10.0.0.1")


def test_a_web_address_may_still_have_an_at_sign_in_its_path(tmp_path):
    root = tiny_data(tmp_path)
    edit(root, A, "website: https://www.lancashire.gov.uk/", "website: https://www.lancashire.gov.uk/@news")
    assert load_site(root).authorities["E10000017"].website.endswith("/@news")


def test_vcard_lines_are_folded_at_75_octets():        # L12
    from macros.directory.exports import _fold
    line = "NOTE:" + "Leaving care team: Lancashire’s service, unverified, source dated 2025. " * 4
    folded = _fold(line)
    assert all(len(part.encode("utf-8")) <= 75 for part in folded.split("\r\n"))
    assert all(part.startswith(" ") for part in folded.split("\r\n")[1:])
    assert folded.replace("\r\n ", "") == line          # unfolding gives the line back


def test_a_finished_build_takes_the_place_of_the_old_in_one_step(tmp_path):       # L13
    import importlib.util
    spec = importlib.util.spec_from_file_location("swap_site", ROOT / "tools" / "swap_site.py")
    swap_site = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(swap_site)
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "old.html").write_text("old")
    (tmp_path / "site.tmp").mkdir()
    (tmp_path / "site.tmp" / "new.html").write_text("new")
    swap_site.swap(str(tmp_path / "site.tmp"), str(tmp_path / "site"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert [p.name for p in (tmp_path / "site").iterdir()] == ["new.html"]


# --- L6: messages that point to the right place, and files that are not ours ------------------

def test_a_duplicate_key_is_named_by_its_whole_field(tmp_path):      # Y22
    expect_problem(tiny_data(tmp_path), (L, 'phones: ["01772 000000"]', 'phones: ["01772 000000"]\n        phones: ["01772 000001"]'),
                   L, 17, "entries[0].lines[1].phones", "duplicate key")


def test_files_an_editor_or_the_system_leaves_in_data_never_stop_a_build(tmp_path):      # Y21
    root = tiny_data(tmp_path)
    for name in (".DS_Store", "documents/.national-protocol.yaml.swp", "glossary.yaml~", "#glossary.yaml#"):
        (root / "data" / name).write_bytes(b"\x00\x01not yaml")
    load_site(root)
    (root / "data" / "notes.txt").write_text("a file someone meant to add", encoding="utf-8")
    expect_problem(root, [], "data/notes.txt", 0, "(file)", "not a data file")


def test_a_missing_document_is_said_once_per_file_not_once_per_citation(tmp_path):      # M09
    root = tiny_data(tmp_path)
    for rel in (G, L):                   # as if the document they cite were deleted
        path = root / rel
        path.write_text(path.read_text(encoding="utf-8").replace("national-protocol:", "gone:"), encoding="utf-8")
    error = load_problems(root)
    said = [p for p in error.problems if "no document 'gone'" in p.message]
    assert [p.file for p in said] == [G, L], error.report()
    assert "cited 2 times in this file (also lines " in said[0].message
    assert len(error.problems) == 2


def test_a_tree_the_menu_lists_must_have_its_file(tmp_path):      # M04
    root = tiny_tree(tiny_data(tmp_path))
    (root / "mkdocs.yml").write_text("nav:\n  - Decisions:\n    - decisions/tiny/index.md\n"
                                     "    - Charging: decisions/charging/index.md\n", encoding="utf-8")
    error = expect_problem(root, [], "data/trees/charging.yaml", 0, "(file)", "mkdocs.yml's nav lists the decision tree decisions/charging/")
    assert len(error.problems) == 1, error.report()               # the tiny tree is there
