"""Issue 18, item 5: /coverage/ counts the six headline facts per council, by region, with a chart;
"read in the last 12 months" and "source dated" replace the old "current" column (always 0).

The expected figures are counted here from the data, straight from the issue's words, not through
macros/directory/coverage.py, so a change to that module's rules shows up as a failure."""
from __future__ import annotations

import re
from html import unescape

from tests.support import real_site

SITE = real_site()
HEADERS = ["Region", "Councils", "Any line", "Out-of-hours line", "Leaving care team line", "Own local offer page",
           "Setting up home allowance", "Council tax relief"]


def table(html: str, marker: str) -> tuple[list[str], list[list[str]], list[str]]:
    """(column headings, body rows, footer row) of the table carrying `marker`, as text."""
    part = html[html.index(marker):]
    part = part[:part.index("</table>")]
    cells = lambda row: [unescape(re.sub(r"<[^>]+>", "", c)).strip()
                         for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
    head = cells(part[part.index("<thead>"):part.index("</thead>")])
    body = [cells(r) for r in re.findall(r"<tr>(.*?)</tr>", part[part.index("<tbody>"):part.index("</tbody>")], re.S)]
    foot = cells(part[part.index("<tfoot>"):part.index("</tfoot>")])
    return head, body, foot


def expected() -> dict[str, int]:
    def offer(code) -> set:
        return {i.entitlement for i in SITE.offers[code].items} if code in SITE.offers else set()

    def lines(a):
        return [x for x in (a.entry.lines if a.entry else []) if x.phones or x.email]

    tax = {"council-tax-exemption", "council-tax-discount"}
    councils = SITE.authorities.values()
    return {
        "Councils": len(councils),
        "Any line": sum(1 for a in councils if lines(a)),
        "Out-of-hours line": sum(1 for a in councils if any(
            x.kind == "emergency-duty-out-of-hours" or "24 hour" in (x.hours or "").lower()
            or "24/7" in (x.hours or "") for x in lines(a))),
        "Leaving care team line": sum(1 for a in councils if any(x.kind == "leaving-care-team" for x in lines(a))),
        "Own local offer page": sum(1 for a in councils if any(p.status in ("published", "confirmed")
                                                               for p in a.local_offer_pages or [])),
        "Setting up home allowance": sum(1 for a in councils if "setting-up-home-allowance" in offer(a.code)),
        "Council tax relief": sum(1 for a in councils if offer(a.code) & tax
                                  or any(offer(d.code) & tax for d in a.districts)),
    }


def test_the_six_headline_facts_by_region_add_up_to_england(built_site):
    html = (built_site / "coverage" / "index.html").read_text(encoding="utf-8")
    head, body, foot = table(html, "data-headline-facts")
    assert head == HEADERS
    assert [row[0] for row in body] == ["North East", "North West", "Yorkshire and The Humber", "East Midlands",
                                        "West Midlands", "East of England", "London", "South East", "South West"]
    assert foot[0] == "England"
    want = expected()
    assert dict(zip(HEADERS[1:], map(int, foot[1:]))) == want
    for i in range(1, len(HEADERS)):                    # the regions add up to England, column by column
        assert sum(int(row[i]) for row in body) == int(foot[i]), HEADERS[i]
        assert all(int(row[i]) <= int(row[1]) for row in body)
    # the figures are not trivial: some councils have each fact, and not every council has a team line
    assert all(0 < n for n in want.values()) and want["Leaving care team line"] < want["Councils"]


def test_the_chart_shows_the_same_six_figures(built_site):
    html = (built_site / "coverage" / "index.html").read_text(encoding="utf-8")
    svg = html[html.rindex("<svg", 0, html.index('class="coverage-svg"')):]
    svg = svg[:svg.index("</svg>")]
    assert 'role="img"' in svg and "see the tables below" in svg
    _head, _body, foot = table(html, "data-headline-facts")
    labels = re.findall(r'class="label"[^>]*>([^<]+)<', svg)
    figures = re.findall(r'class="figure">(\d+) of (\d+)<', svg)
    assert labels == HEADERS[2:]
    assert figures == [(n, foot[1]) for n in foot[2:]]


def test_read_in_the_last_12_months_and_source_dated_replace_current(built_site):
    html = (built_site / "coverage" / "index.html").read_text(encoding="utf-8")
    assert "Current (12 months or less)" not in html
    head, body, foot = table(html, "data-freshness")
    assert head == ["Region", "Councils", "Any line", "A line read in the last 12 months",
                    "A line whose source is dated", "Local offer on this site"]
    councils = list(SITE.authorities.values())
    read = sum(1 for a in councils if a.entry and any((SITE.today - x.read_on).days <= 365 for x in a.entry.lines))
    dated = sum(1 for a in councils if a.entry and any(x.source_date for x in a.entry.lines))
    assert foot == ["England", "153", str(expected()["Any line"]), str(read), str(dated),
                    str(sum(1 for c in SITE.offers if c in SITE.authorities))]
    # December's research was read in the last 12 months; most sources carry no date: neither column is 0
    assert 0 < dated < read


def test_the_two_team_counts_on_the_page_are_explained(built_site):
    """The best-line table counts a leaving care team named with only a web page; the headline facts do not."""
    html = (built_site / "coverage" / "index.html").read_text(encoding="utf-8")
    # (a team line whose number is printed incomplete, Southampton's, counts in neither table)
    named_only = sum(1 for a in SITE.authorities.values() if a.entry
                     and any(x.kind == "leaving-care-team" and x.web_page and not x.printed_number for x in a.entry.lines)
                     and not any(x.kind == "leaving-care-team" and (x.phones or x.email) for x in a.entry.lines))
    assert named_only > 0                                   # Cornwall's 16 Plus Team: a web page only
    team_line = expected()["Leaving care team line"]
    sentence = re.search(r"<p data-team-without-number>In this table, (\d+) councils? under .*?the figure is (\d+), not (\d+)\.</p>",
                         html, re.S)
    assert sentence and [int(x) for x in sentence.groups()] == [named_only, team_line, team_line + named_only]


def test_every_figure_names_its_column_for_a_phone(built_site):
    """On a phone each table is one card per region (atlas.css), each figure under its column's
    name: so every figure carries the name of its column (m5 of the December usability review)."""
    html = (built_site / "coverage" / "index.html").read_text(encoding="utf-8")
    tables = re.findall(r'<table class="coverage-table".*?</table>', html, re.S)
    assert len(tables) == 3
    for t in tables:
        names = [unescape(n) for n in re.findall(r'<th scope="col"[^>]*>(.*?)</th>', t)]
        for row in re.findall(r"<tr>(.*?)</tr>", t.split("</thead>", 1)[1], re.S):
            labels = [unescape(n) for n in re.findall(r'<td data-label="([^"]*)"', row)]
            assert labels == names[1:] and row.count("<td") == len(labels), (names, row[:200])
