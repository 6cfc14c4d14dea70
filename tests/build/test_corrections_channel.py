"""The corrections channel and the publisher in a real build: with `github: example/atlas` and a
named publisher (one build in tmp_path, settings given to MkDocs, nothing written into the repo),
and with neither (the site as committed). Also /changes/ and its Atom feed."""
from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.support import ROOT_DIR, real_site

# Its tests share one costly build (a module fixture): pytest-xdist keeps them on one worker
# (make test runs --dist loadgroup), so the build is made once per run, not once per worker.
pytestmark = pytest.mark.xdist_group("github-site")

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def github_site(tmp_path_factory) -> Path:
    site_dir = tmp_path_factory.mktemp("github-site")
    base = load_config(config_file=str(ROOT_DIR / "mkdocs.yml"))
    extra = {**base["extra"], "corrections": {"github": "example/atlas"},
             "publisher": {"name": "Example Trust", "address": "atlas@example.org"}}
    build(load_config(config_file=str(ROOT_DIR / "mkdocs.yml"), site_dir=str(site_dir), strict=True, extra=extra))
    return site_dir


def read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def issue_links(page: str) -> list[tuple[str, dict]]:
    found = []
    for href in re.findall(r'href="(https://github\.com/[^"]+)"', page):
        parts = urlsplit(html.unescape(href))
        found.append((parts.path, {k: v[0] for k, v in parse_qs(parts.query).items()}))
    return found


def test_a_council_pages_is_this_wrong_opens_the_correction_form_with_the_council_and_the_line(github_site):
    page = read(github_site, "authorities/lancashire")
    links = issue_links(page)
    assert links and all(path == "/example/atlas/issues/new" for path, _ in links)
    lines = [q for _, q in links if q["template"] == "correction.yml"]
    switchboard = next(q for q in lines if "customer access team" in q["record"])
    assert switchboard["council"] == "Lancashire"
    assert switchboard["title"] == "Correction: " + switchboard["record"]
    assert "- Phone: 0300 123 6720" in switchboard["shown"] and switchboard["page"] == "/authorities/lancashire/"
    offers = [q for _, q in links if q["template"] == "local-offer-item.yml"]
    # an item of one of Lancashire's districts (its council tax help, say) names that district
    lancashire = {"Lancashire"} | {d.name for d in next(a for a in real_site().authorities.values()
                                                         if a.slug == "lancashire").districts}
    assert offers and all(q["council"] in lancashire and q["entitlement"] for q in offers)
    assert any(q["council"] == "Lancashire" for q in offers)
    entry, = [q for _, q in links if q["template"] == "lead-officer-entry.yml"]    # "send its details now"
    assert entry["council"] == "Lancashire" and entry["title"] == "Lead officer entry: Lancashire"
    assert page.count("Is this wrong? Tell us") == len(lines) + len(offers) and "How to report it" not in page
    assert "You need a GitHub account to send it" in page


def test_register_your_entry_opens_the_lead_officers_form(github_site):
    page = read(github_site, "lead-officers/your-entry")
    (path, query), = issue_links(page)
    assert query["template"] == "lead-officer-entry.yml" and query["title"].startswith("Lead officer entry: ")
    assert "No way to send details is set up" not in page


def test_links_to_github_are_plain_links_and_nothing_is_fetched_from_it(github_site):
    for url in ("authorities/lancashire", "lead-officers/your-entry", "local-offers/send-a-correction"):
        page = read(github_site, url)
        assert not re.search(r'(src|action|data|poster|srcset)="https://github', page), url
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
        assert "github" not in policy


def test_the_publisher_is_named_on_about_the_accessibility_statement_and_every_panel(github_site):
    named = 'This site is run by Example Trust: <a href="mailto:atlas@example.org">atlas@example.org</a>.'
    for url in ("about", "accessibility", "lead-officers/your-entry", "local-offers/send-a-correction"):
        assert named in read(github_site, url), url
    feedback = read(github_site, "accessibility").split('id="feedback-and-contact-information"')[1].split("<h2")[0]
    assert named in feedback
    page = read(github_site, "authorities/hackney")
    assert page.count(named) == page.count('class="correction"') > 0
    assert "not named on this copy" not in page


def test_with_no_channel_and_no_publisher_the_pages_say_so(built_site):
    for url in ("about", "accessibility", "lead-officers/your-entry", "authorities/lancashire"):
        page = read(built_site, url)
        assert "The publisher is not named on this copy of the site yet" in page, url
        assert "/issues/new" not in page and "mailto:" not in page, url
    assert "No way to send details is set up" in read(built_site, "lead-officers/your-entry")
    page = read(built_site, "authorities/lancashire")
    assert page.count("data-copy-text") == page.count('class="correction"') > 0


def test_the_feed_parses_as_atom_and_lists_the_newest_change_first(built_site):
    feed = ET.parse(built_site / "changes" / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed" and feed.find(f"{ATOM}id").text and feed.find(f"{ATOM}updated").text
    entries = feed.findall(f"{ATOM}entry")
    assert entries
    days = [date.fromisoformat(e.find(f"{ATOM}updated").text[:10]) for e in entries]
    assert days == sorted(days, reverse=True)
    assert feed.find(f"{ATOM}updated").text[:10] == days[0].isoformat()
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert len(ids) == len(set(ids))
    for e in entries[:20]:
        href = e.find(f"{ATOM}link").get("href")           # relative to the feed: changes/
        assert (built_site / "changes" / href / "index.html").resolve().exists(), href


def test_the_changes_page_lists_councils_newest_first_and_links_the_feed(built_site):
    page = read(built_site, "changes")
    assert 'href="feed.xml"' in page
    councils = re.findall(r'<section class="changes-council".*?</section>', page, re.S)
    assert councils
    newest = []
    for section in councils:
        link = re.search(r'<h2 id="c-[^"]+"><a href="([^"]+)">', section).group(1)
        assert (built_site / "changes" / link / "index.html").resolve().exists(), link
        newest.append(re.search(r'<h3 class="changes-day">([^<]+)</h3>', section).group(1))
    parsed = [date(*map(int, _iso(d).split("-"))) for d in newest]
    assert parsed == sorted(parsed, reverse=True)


def _iso(words: str) -> str:
    """'22 November 2026' -> '2026-11-22'."""
    from datetime import datetime
    return datetime.strptime(words, "%d %B %Y").date().isoformat()
