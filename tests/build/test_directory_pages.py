"""The directory as built: a page per council, the exports, coverage."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from tests.support import real_site


ROOT = Path(__file__).resolve().parents[2]
SITE = real_site()


def test_every_council_has_its_page_and_the_directory_lists_all(built_site):
    html = (built_site / "authorities" / "index.html").read_text(encoding="utf-8")
    for a in SITE.authorities.values():
        page = built_site / "authorities" / a.slug / "index.html"
        assert page.exists(), a.name
        assert html.count(f'id="{a.slug}"') == 1
    assert html.count("data-council ") == 153
    assert "No lead officer registered yet" in html


def test_a_council_page_shows_its_entry_or_its_gap(built_site):
    lancs = (built_site / "authorities" / "lancashire" / "index.html").read_text(encoding="utf-8")
    assert 'href="tel:+443001236720">0300 123 6720</a>' in lancs
    assert "Burnley" in lancs                 # its districts
    worcs = (built_site / "authorities" / "worcestershire" / "index.html").read_text(encoding="utf-8")
    assert "due for review" in worcs
    derby = (built_site / "authorities" / "derby" / "index.html").read_text(encoding="utf-8")
    assert "No lead officer registered yet" in derby and "https://www.derby.gov.uk/" in derby


def test_exports_parse_and_match_the_data(built_site):
    rows = list(csv.DictReader(io.StringIO((built_site / "data" / "authorities.csv").read_text(encoding="utf-8"))))
    assert len(rows) == 153 and {r["gss_code"] for r in rows} == set(SITE.authorities)
    districts = list(csv.DictReader(io.StringIO((built_site / "data" / "districts.csv").read_text(encoding="utf-8"))))
    assert len(districts) == 164
    directory = list(csv.DictReader(io.StringIO((built_site / "data" / "directory.csv").read_text(encoding="utf-8"))))
    # one row per line, and one row for each council without a line
    entries = {a.code: a.entry for a in SITE.authorities.values()}
    expected = sum(len(e.lines) if e and e.lines else 1 for e in entries.values())
    assert len(directory) == expected and {r["gss_code"] for r in directory} == set(SITE.authorities)
    for r in directory:
        e = entries[r["gss_code"]]
        lines = e.lines if e else []
        assert r["best_line"] == ((e.best_kind if e else None) or "none")
        if not lines:
            assert r["line_kind"] == "" and r["phones"] == ""
    exported = [(r["gss_code"], r["line_kind"], r["phones"], r["status"], r["read_on"], r["source_date"])
                for r in directory if r["line_kind"]]
    in_data = [(code, line.kind, "; ".join(p.shown + (f" ({p.label})" if p.label else "") for p in line.phones),
                line.status, line.read_on.isoformat(), line.source_date or "")
               for code, e in entries.items() if e for line in e.lines]
    assert sorted(exported) == sorted(in_data)
    lancs = [r for r in directory if r["gss_code"] == "E10000017"]
    assert [r["line_kind"] for r in lancs][:1] == ["emergency-duty-out-of-hours"]
    assert any(r["phones"] == "0300 123 6720" and r["status"] == "published" for r in lancs)
    data = json.loads((built_site / "data" / "directory.json").read_text(encoding="utf-8"))
    assert len(data["councils"]) == 153 and "mySociety" in data["credit"]
    for c in data["councils"]:
        e = entries[c["gss_code"]]
        assert [(line["kind"], [p["number"] for p in line["phones"]]) for line in c["lines"]] == \
            [(line.kind, [p.shown for p in line.phones]) for line in (e.lines if e else [])]
    with_lines = [c for c in data["councils"] if c["lines"]]
    for c in with_lines:
        vcard = (built_site / "data" / "vcards" / f"{c['page'].split('/')[1]}.vcf").read_text(encoding="utf-8")
        assert vcard.startswith("BEGIN:VCARD") and vcard.rstrip().endswith("END:VCARD")
        tels = [ln for ln in vcard.splitlines() if ".TEL;" in ln]
        assert len(tels) == sum(len(line["phones"]) for line in c["lines"])
        for tel in tels:                     # every number is labelled with its kind
            group = tel.split(".")[0]
            assert "TYPE=work" in tel and any(ln.startswith(group + ".X-ABLABEL:") for ln in vcard.splitlines())
    template = (built_site / "data" / "monitoring-template.csv").read_text(encoding="utf-8").splitlines()
    assert len(template) == 1 and "race" in template[0] and "dispute (yes or no)" in template[0]


def test_coverage_has_a_chart_and_the_same_figures_as_a_table(built_site):
    html = (built_site / "coverage" / "index.html").read_text(encoding="utf-8")
    assert "<svg" in html and 'role="img"' in html
    assert html.count('<th scope="row">') == 30          # nine regions and England, in each of three tables
    # (the headline facts and freshness tables: tests/build/test_coverage_page.py)
    # councils by the best line found: team, other line only, nothing; they add up to 153
    table = html[html.index("data-lines-by-kind"):]
    foot = table[table.index("<tfoot>"):table.index("</tfoot>")]
    cells = [int(x) for x in re.findall(r"<td[^>]*>(\d+)</td>", foot)]
    assert cells[0] == 153 and sum(cells[1:]) == 153
    best = [a.entry.best_kind if a.entry else None for a in SITE.authorities.values()]
    assert cells[1:] == [best.count("team"), best.count("other"), best.count(None)]


def test_the_planner_page_lists_every_council_for_use_without_javascript(built_site):
    html = (built_site / "moving" / "index.html").read_text(encoding="utf-8")
    for a in SITE.authorities.values():
        assert f'href="../{a.url}"' in html
    assert 'value="district-amber-valley">Amber Valley (Derbyshire)</option>' in html


def test_public_lines_are_not_passed_off_as_lead_officers(built_site):
    html = (built_site / "authorities" / "lancashire" / "index.html").read_text(encoding="utf-8")
    assert "No lead officer registered yet.</strong> Until one is, these are the public lines" in html
    directory = (built_site / "authorities" / "index.html").read_text(encoding="utf-8")
    assert "<strong>0</strong> of 153 councils have a registered lead officer" in directory


def test_outcomes_about_two_councils_link_to_both_contacts(built_site):
    for tree_id in ("unplanned-move", "charging"):
        tree = SITE.trees[tree_id]
        for node_id, _node in tree.outcomes():
            html = (built_site / "decisions" / tree_id / node_id / "index.html").read_text(encoding="utf-8")
            assert 'data-glance-contacts' in html and 'href="../../../moving/"' in html


INCOMPLETE = {"Hampshire": "0300 555 137", "Southampton": "023 8254 545"}


def whole_number_in(printed: str, text: str) -> bool:
    """The number as printed, spaced or not or as +44, and not the start of a longer number (Hampshire's
    full duty manager line 0300 555 1373 begins with the incomplete 0300 555 137)."""
    digits = printed.replace(" ", "")
    # quoted in a research note's words ("the held row '0300 555 137' (flagged as looks truncated)") is
    # the note speaking of the number, not the number offered to dial
    return any(re.search(r"(?<!&#39;)(?<!')" + re.escape(f) + r"(?![0-9 ]*[0-9])", text)
               for f in (printed, digits, "+44" + digits[1:]))


def test_an_incomplete_number_is_never_a_tel_link_anywhere(built_site):
    from macros.directory.contact_lines import parse_phone
    for html_file in [built_site / "moving" / "index.html", *(built_site / "authorities").rglob("index.html")]:
        html = html_file.read_text(encoding="utf-8")
        for tel in re.findall(r'href="tel:([^"]*)"', html):
            assert parse_phone(tel) is not None, (html_file, tel)       # every tel: link dials a valid number
        for printed in INCOMPLETE.values():
            assert not whole_number_in(printed, html), html_file
    for name, printed in INCOMPLETE.items():
        a = next(a for a in SITE.authorities.values() if a.name == name)
        page = (built_site / "authorities" / a.slug / "index.html").read_text(encoding="utf-8")
        assert "prints an incomplete number" in page and f'href="{a.website}"' in page
    for export in ("directory.csv", "directory.json"):
        text = (built_site / "data" / export).read_text(encoding="utf-8")
        for printed in INCOMPLETE.values():        # the incomplete number is not published, only the fact
            assert not whole_number_in(printed, text) and not whole_number_in(printed.replace(" ", ""),
                                                                              text.replace(" ", "")), export


def test_the_council_page_shows_the_team_first_then_out_of_hours_each_with_status_and_age(built_site):
    html = (built_site / "authorities" / "hackney" / "index.html").read_text(encoding="utf-8")
    kinds = re.findall(r'data-line="([a-z-]+)"', html)
    assert kinds == ["leaving-care-team", "emergency-duty-out-of-hours", "children-services-front-door"]
    assert html.count('class="entry__status status-') == 3 and html.count("Undated source, read") == 3
    stockton = (built_site / "authorities" / "stockton-on-tees" / "index.html").read_text(encoding="utf-8")
    assert "Sources disagree" in stockton and "01642 524552" in stockton and "0870 240 2994" in stockton
    assert "Children’s services front door: ask for the leaving care team" in stockton
    assert "One line shared with Hartlepool" in stockton


def test_councils_with_no_leaving_care_line_have_a_page_without_javascript(built_site):
    html = (built_site / "authorities" / "no-leaving-care-line" / "index.html").read_text(encoding="utf-8")
    listed = set(re.findall(r'<li><a href="\.\./([a-z0-9-]+)/">', html))
    expected = {a.slug for a in SITE.authorities.values() if not (a.entry and a.entry.best_kind == "team")}
    assert listed == expected and len(listed) == 153 - sum(
        1 for a in SITE.authorities.values() if a.entry and a.entry.best_kind == "team")
    directory = (built_site / "authorities" / "index.html").read_text(encoding="utf-8")
    assert 'href="no-leaving-care-line/"' in directory
    assert directory.count('data-best="team"') == 153 - len(listed)


def test_readers_never_see_a_repository_file_path_as_a_source(built_site):
    """A source is named in words ("our research notes"); paths like sources/research/facts.md are
    for maintainers, in the data and the open-data exports, not on the pages (usability review M6)."""
    path = re.compile(r"sources/(research|seeds)/|\b(facts|contacts-notes)\.md\b")
    shown = []
    for page in built_site.rglob("*.html"):
        text = re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8"))
        if path.search(text):
            shown.append(str(page.relative_to(built_site)))
    assert not shown, shown[:10]


def test_the_lead_officers_page_starts_with_the_plain_words_form_and_the_format_is_for_maintainers(built_site):
    entry = (built_site / "lead-officers" / "your-entry" / "index.html").read_text(encoding="utf-8")
    main = entry[entry.index('<h1'):]
    assert main.index("send-entry") < main.index("entry-format/")           # the form comes first
    for field in ("GSS code", "read_on", "kind:", "data/lead-officers.yaml", "YYYY"):
        assert field not in main, field                                        # no YAML for lead officers
    spec = (built_site / "lead-officers" / "entry-format" / "index.html").read_text(encoding="utf-8")
    assert "read_on" in spec and "data/lead-officers.yaml" in spec and "How it is checked" in spec
