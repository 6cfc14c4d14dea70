"""The directory as built: a page per council, the exports, coverage."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from macros.site import load_site

ROOT = Path(__file__).resolve().parents[2]
SITE = load_site(ROOT)


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
    assert len(directory) == 153
    lancs = next(r for r in directory if r["gss_code"] == "E10000017")
    assert (lancs["registered"], lancs["phone"], lancs["status"]) == ("yes", "0300 123 6720", "published")
    data = json.loads((built_site / "data" / "directory.json").read_text(encoding="utf-8"))
    assert len(data["councils"]) == 153 and "mySociety" in data["credit"]
    registered = [c for c in data["councils"] if c["registered"]]
    assert {c["council"] for c in registered} == {a.name for a in SITE.authorities.values() if a.entry}
    for c in registered:
        vcard = (built_site / "data" / "vcards" / f"{c['page'].split('/')[1]}.vcf").read_text(encoding="utf-8")
        assert vcard.startswith("BEGIN:VCARD") and vcard.rstrip().endswith("END:VCARD")
    template = (built_site / "data" / "monitoring-template.csv").read_text(encoding="utf-8").splitlines()
    assert len(template) == 1 and "race" in template[0] and "dispute (yes or no)" in template[0]


def test_coverage_has_a_chart_and_the_same_figures_as_a_table(built_site):
    html = (built_site / "coverage" / "index.html").read_text(encoding="utf-8")
    assert "<svg" in html and 'role="img"' in html
    assert html.count('<th scope="row">') == 10          # nine regions and England
    assert "<td>153</td><td>2</td>" in html


def test_the_planner_page_lists_every_council_for_use_without_javascript(built_site):
    html = (built_site / "moving" / "index.html").read_text(encoding="utf-8")
    for a in SITE.authorities.values():
        assert f'href="../{a.url}"' in html
    assert 'value="district-amber-valley">Amber Valley (Derbyshire)</option>' in html


def test_public_lines_are_not_passed_off_as_lead_officers(built_site):
    html = (built_site / "authorities" / "lancashire" / "index.html").read_text(encoding="utf-8")
    assert "No lead officer registered yet.</strong> Until one is, this is the service’s public line" in html
    directory = (built_site / "authorities" / "index.html").read_text(encoding="utf-8")
    assert "<strong>0</strong> a lead officer, <strong>2</strong> only a public line" in directory


def test_outcomes_about_two_councils_link_to_both_contacts(built_site):
    for tree_id in ("unplanned-move", "charging"):
        tree = SITE.trees[tree_id]
        for node_id, _node in tree.outcomes():
            html = (built_site / "decisions" / tree_id / node_id / "index.html").read_text(encoding="utf-8")
            assert 'data-glance-contacts' in html and 'href="../../../moving/"' in html
