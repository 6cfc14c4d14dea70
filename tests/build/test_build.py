"""A real, strict, in-process build of the site, and what the HTML must hold."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from markupsafe import escape

from tests.support import build_site, copy_project, real_site

ROOT = Path(__file__).resolve().parents[2]
SITE = real_site()


def page(site_dir: Path, url: str) -> str:
    return (site_dir / url / "index.html").read_text(encoding="utf-8")


def test_every_numbered_paragraph_appears_once_with_its_anchor(built_site):
    for doc in SITE.documents.values():
        html = page(built_site, doc.url)
        for para in doc.all_paragraphs():
            if para.number:
                assert html.count(f'id="{para.anchor}"') == 1, (doc.id, para.number)
        for section in doc.all_sections():
            assert html.count(f'id="{section.anchor}"') == 1, (doc.id, section.anchor)


def test_every_paragraph_text_appears_exactly_once(built_site):
    for doc in SITE.documents.values():
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", page(built_site, doc.url)))
        text = text.replace("&#39;", "'").replace("&#34;", '"').replace("&amp;", "&").replace("&quot;", '"')
        for para in doc.all_paragraphs():
            for block in para.blocks:
                if "p" in block:
                    assert text.count(re.sub(r"\s+", " ", block["p"])) == 1, (doc.id, block["p"][:60])


def test_the_protocol_has_contents_and_our_summaries_are_marked_as_ours(built_site):
    html = page(built_site, "protocol")
    assert 'class="doc-contents"' in html and 'href="#section-9"' in html
    assert html.count('class="summary"') == 10
    assert "our summary, not the words of the National Protocol" in html
    # a summary cites its paragraphs with links that work
    assert re.search(r'class="summary__cites">Based on: <a class="cite" href="\./#para-9-1">', html)


def test_the_other_documents_are_under_documents(built_site):
    for doc in SITE.other_documents():
        assert (built_site / "documents" / doc.id / "index.html").exists()


def test_historic_contacts_are_marked(built_site):
    html = page(built_site, "protocol")
    para = html.split('id="para-10-2"')[1].split('class="para')[0]
    assert "Historic contact details" in para or "Historic contact details" in html.split('id="para-10-2"')[1][:2000]


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for key in ("href", "src"):
            if attrs.get(key) and tag in ("a", "link", "script", "img"):
                self.hrefs.append((tag, attrs[key]))


def test_every_internal_link_and_anchor_resolves(built_site):
    parsed = {}
    for html_file in built_site.rglob("*.html"):
        if html_file.name == "404.html":      # served at any depth, so its links are root-relative
            continue
        parser = _Links()
        parser.feed(html_file.read_text(encoding="utf-8"))
        parsed[html_file] = parser
    broken = []
    for html_file, parser in parsed.items():
        for tag, href in parser.hrefs:
            parts = urlsplit(href)
            if parts.scheme in ("mailto", "tel") or href.startswith("javascript:"):
                continue
            if parts.scheme or parts.netloc:
                # A link a reader may follow is fine if it is https; a resource is never fetched
                if tag != "a" or parts.scheme != "https":
                    broken.append((html_file, href, "leaves the site"))
                continue
            target = (html_file.parent / unquote(parts.path)).resolve() if parts.path else html_file
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append((html_file, href, "no such file"))
            elif parts.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else set()
                if parts.fragment not in ids:
                    broken.append((html_file, href, "no such anchor"))
    assert not broken, "\n".join(f"{f.relative_to(built_site)}: {h} ({why})" for f, h, why in broken[:30])


def test_search_indexes_pages_and_single_paragraphs(built_site):
    """Pagefind indexes the pages marked as content, and the records made from the data model
    (each numbered paragraph, each council: macros/search/records.py); a paragraph result is a
    heading with an id."""
    from macros.search.records import all_records
    marked = [f for f in built_site.rglob("*.html") if "data-pagefind-body" in f.read_text(encoding="utf-8")]
    records = all_records(SITE)
    [bundle] = (built_site / "pagefind").iterdir()          # pagefind/<hash>/ (macros/search/index.py)
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["en"]["page_count"] == len(marked) + len(records)
    assert len(marked) > 50 and len(records) > 250
    # a council's page is found through its record, not its HTML
    assert "data-pagefind-body" not in (built_site / "authorities" / "kent" / "index.html").read_text(encoding="utf-8")
    protocol = (built_site / "protocol" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<h3 id="para-9-3" class="para__title">.*Unplanned moves', protocol)
    para_8_11 = protocol[protocol.index('id="para-8-11"'):protocol.index('id="para-8-12"')]
    assert "emergency financial assistance" in para_8_11
    # a tree's question pages are steps, not answers: kept out of the index
    question = (built_site / "decisions" / "charging" / "q-cost" / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" not in question


def test_no_page_asks_for_anything_from_another_host(built_site):
    for html_file in built_site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
        assert 'http-equiv="Content-Security-Policy"' in html, html_file
        for src in re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(https?:)?//', html):
            pytest.fail(f"{html_file}: loads from another host")


def test_data_is_escaped_even_if_validation_were_bypassed(tmp_path, monkeypatch):
    """Markup is refused at load time; this proves the renderer escapes it all the same."""
    project = copy_project(ROOT, tmp_path / "project")
    doc = project / "data" / "documents" / "national-protocol.yaml"
    text = doc.read_text(encoding="utf-8")
    doc.write_text(text.replace('- p: "This Protocol has been agreed',
                                '- p: "<script>alert(1)</script> This Protocol has been agreed', 1),
                   encoding="utf-8")
    import macros.core.text_rules
    monkeypatch.setattr(macros.core.text_rules, "find_markup", lambda text: None)
    site_dir = build_site(project, tmp_path / "site")
    html = (site_dir / "protocol" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; This Protocol" in html
    assert "<script>alert(1)</script>" not in html


def test_bad_data_stops_the_cli_build_with_every_problem_and_no_traceback(tmp_path):
    project = copy_project(ROOT, tmp_path / "project")
    glossary = project / "data" / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace(
        'cites: ["national-protocol:4.2"]', 'cites: ["national-protocol:4.9"]'), encoding="utf-8")
    doc = project / "data" / "documents" / "lassl-2004-20.yaml"
    doc.write_text(doc.read_text(encoding="utf-8").replace('date: "2004-07-28"', 'date: "28/07/2004"'),
                   encoding="utf-8")
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "old.html").write_text("the last good build", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
                            cwd=project, capture_output=True, text=True, timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output
    assert re.search(r"data/glossary\.yaml:\d+: terms\[\d+\]\.defined_in\.cites\[0\]: 'national-protocol:4\.9'", output)
    assert re.search(r"data/documents/lassl-2004-20\.yaml:\d+: date: '28/07/2004'", output)
    assert "2 problems in data/: nothing was built." in output
    assert [p.name for p in site_dir.iterdir()] == ["old.html"]     # nothing half-built, nothing wiped


def test_each_tree_has_a_diagram_with_a_text_alternative(built_site):
    for tree in SITE.trees.values():
        html = page(built_site, tree.url.rstrip("/"))
        assert '<svg' in html and 'role="img"' in html
        assert f"Diagram of {escape(tree.title)}" in html
        outline = html.split('class="tree-outline"')[1]
        for node_id, node in tree.nodes.items():     # every node is named in the text version
            label = node.get("text") or node.get("title")
            assert str(escape(label)) in html, (tree.id, node_id)
        assert "Outcome: " in outline


def test_outcome_pages_carry_the_record_the_holidays_and_their_paragraphs(built_site):
    for tree in SITE.trees.values():
        for node_id, node in tree.outcomes():
            html = page(built_site, tree.node_url(node_id).rstrip("/"))
            assert 'id="decision-record"' in html and "data-record-text" in html
            assert 'id="bank-holidays"' in html
            assert html.count('class="source-para"') >= len(set(node["cites"]))


def test_no_page_repeats_a_word_by_mistake(built_site):
    """Labels put together from data ("Count from " + "the day ...") must not stutter."""
    stutter = re.compile(r"\b(the day|the|a|of|to|and) \1\b", re.IGNORECASE)
    found = []
    for html in sorted(built_site.rglob("*.html")):
        text = re.sub(r"<[^>]+>", " ", html.read_text(encoding="utf-8"))
        found += [f"{html.relative_to(built_site)}: …{text[max(m.start() - 30, 0):m.end() + 30]}…"
                  for m in stutter.finditer(re.sub(r"\s+", " ", text))]
    assert not found, "\n".join(found[:20])
