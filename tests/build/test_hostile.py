"""Hostile data (issue 11, item 7): the corpus in tests/data/hostile.yaml, in every kind of file.

Each payload is either refused when data/ is loaded, with file, line and field (no traceback),
or shown as inert text: never an element, an attribute, a javascript:/data: link or a template.
Two loads and one build: every refusal at once (the checks report all problems together), one
real build that stops on a refusal, and one build with every inert payload in every text field.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from macros.core import text_rules
from macros.core.problems import DataError
from macros.core.schema import SCHEMA_DIR
from macros.core.site import kind_of, load_site
from macros.core.yamlfile import YamlFile
from tests import hostile
from tests.support import build_site, copy_project

# The hostile site is built once per run (tests/conftest.py, hostile_site) for this module and
# tests/browser/test_hostile.py: one xdist group keeps both on one worker (make test runs --dist loadgroup),
# so the other worker goes on with other tests instead of waiting for that build.
pytestmark = pytest.mark.xdist_group("hostile-site")

ROOT = Path(__file__).resolve().parents[2]
CORPUS = hostile.corpus()
# Fields no page shows (a source's notes, why a search synonym exists): their payloads must still
# load and be refused or accepted like any other, but there is nothing to look for in the site.
NOT_SHOWN = {("data/authorities.yaml", "source.notes"), ("data/districts.yaml", "source.notes"),
             ("data/search-synonyms.yaml", "synonyms[0].why")}


@pytest.mark.parametrize("entry", CORPUS["refused"], ids=lambda e: e["name"])
def test_refused_payload_is_refused_anywhere(entry):
    """Text rules apply to every string of every file, whatever its kind."""
    yf = YamlFile("data/x.yaml", {"a": {"b": [entry["text"]]}}, {("a", "b", 0): 7})
    problems = text_rules.check(yf)
    assert [(p.file, p.line, p.field) for p in problems] == [("data/x.yaml", 7, "a.b[0]")]
    assert entry["says"] in problems[0].message


@pytest.mark.parametrize("entry", CORPUS["inert"], ids=lambda e: e["name"])
def test_inert_payload_is_accepted(entry):
    """Ordinary text that only looks dangerous is allowed: it must then be shown inert."""
    assert text_rules.find_markup(entry["text"]) is None


@pytest.fixture(scope="module")
def refused_load(tmp_path_factory):
    project = copy_project(ROOT, tmp_path_factory.mktemp("refused"))
    placed = hostile.inject(project, hostile.refusal_placements(CORPUS["refused"])
                            + hostile.url_placements(CORPUS["urls"]))
    with pytest.raises(DataError) as err:
        load_site(project)
    return placed, err.value.problems


def test_every_kind_of_file_gets_payloads(refused_load):
    """Every kind with a schema: a new kind of data file must be added to tests/hostile.py."""
    placed, _ = refused_load
    kinds = {kind_of(p.file[len("data/"):]) for p in placed}
    assert kinds == {path.name[: -len(".schema.json")] for path in SCHEMA_DIR.glob("*.schema.json")} - {"common"}
    assert {p.payload for p in placed} >= {e["name"] for e in CORPUS["refused"] + CORPUS["urls"]}


def test_each_refused_payload_is_named_with_file_line_and_field(refused_load):
    placed, problems = refused_load
    reported = {(p.file, p.line, p.field): p.message for p in problems}
    says = {e["name"]: e["says"] for e in CORPUS["refused"]}
    missing = [f"{p.file}:{p.line}: {p.field}: ({p.payload})" for p in placed
               if (p.file, p.line, p.field) not in reported
               or says.get(p.payload, "") not in reported[(p.file, p.line, p.field)]]
    assert not missing, "not refused where placed:\n" + "\n".join(missing)


def test_urls_only_https_or_checked_contact(refused_load):
    """javascript:, data:, vbscript:, //host and addresses with quotes or spaces never load."""
    placed, problems = refused_load
    where = {(p.file, p.line, p.field) for p in problems}
    urls = {e["name"] for e in CORPUS["urls"]}
    assert all((p.file, p.line, p.field) in where for p in placed if p.payload in urls)


def test_build_stops_with_the_report_not_a_traceback(tmp_path):
    project = copy_project(ROOT, tmp_path / "project")
    [placed] = hostile.inject(project, [("glossary.yaml", ("terms", 0, "definition"), "script",
                                         CORPUS["refused"][0]["text"], False)])
    with pytest.raises(Abort) as err:
        build_site(project, tmp_path / "site")
    report = str(err.value)
    assert f"{placed.file}:{placed.line}: {placed.field}: HTML is not allowed" in report
    assert "Traceback" not in report and not (tmp_path / "site").exists()


# --- the inert payloads, built -----------------------------------------------------------------

@pytest.fixture(scope="module")
def hostile_build(hostile_site):
    """The hostile corpus built once per run (tests/conftest.py), shared with the browser tests."""
    return hostile_site


URL_ATTRS = {"href", "src", "action", "formaction", "data", "poster", "srcdoc", "xlink:href", "content"}
BAD_SCHEMES = re.compile(r"^\s*(javascript|data|vbscript):", re.I)


class _Audit(HTMLParser):
    """Everything that could run: event-handler attributes, script-bearing URLs, script bodies."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.in_script = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            if name in URL_ATTRS and BAD_SCHEMES.match(value) and not value.startswith("data:image/"):
                self.found.append(f"<{tag} {name}={value[:40]!r}>")
            if name == "http-equiv" and value.lower() == "refresh":
                self.found.append(f"<{tag} http-equiv=refresh>")
        if tag in ("iframe", "object", "embed", "base"):
            self.found.append(f"<{tag}>")
        self.in_script = dict(attrs).get("type", "") if tag == "script" else None

    def handle_data(self, data):
        if self.in_script is not None and "hostile" in data and "json" not in self.in_script:
            self.found.append(f"payload in a <script>: {data[:60]!r}")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = None


def _pages(site: Path):
    return sorted(site.rglob("*.html"))


def test_no_payload_can_run(hostile_build):
    _, site = hostile_build
    found = []
    for page in _pages(site):
        text = page.read_text(encoding="utf-8")
        audit = _Audit()
        audit.feed(text)
        found += [f"{page.relative_to(site)}: {f}" for f in audit.found]
        assert "window.__pwned=1</script>" not in text
    assert not found, "\n".join(found[:20])


def test_each_shown_payload_is_shown_as_written(hostile_build):
    """The marker of every text field is on some page, followed by the payloads as text."""
    placed, site = hostile_build
    shown = "\n".join(html.unescape(p.read_text(encoding="utf-8")) for p in _pages(site))
    json_text = "\n".join(p.read_text(encoding="utf-8") for p in site.rglob("*.json"))
    missing = []
    for p in placed:
        if (p.file, p.field) in NOT_SHOWN:
            continue
        if p.payload not in shown and p.payload not in json_text:
            missing.append(f"{p.file}: {p.field} ({p.payload})")
    assert not missing, "never shown: " + ", ".join(missing)
    for entry in CORPUS["inert"]:
        if "long_text" not in entry:
            assert f"[{entry['name']}] {entry['text']}" in shown, entry["name"]


def test_templates_in_data_are_not_run(hostile_build):
    _, site = hostile_build
    for page in _pages(site):
        text = html.unescape(page.read_text(encoding="utf-8"))
        assert "[jinja-expression] 49" not in text and "[jinja-block] 012" not in text, page
        assert "[jinja-config] <Config" not in text and "[jinja-config] {'" not in text, page


def test_markdown_leftovers_stay_text(hostile_build):
    """Data is never Markdown: `*em*` is not emphasis, a backtick is not code."""
    _, site = hostile_build
    for page in _pages(site):
        text = page.read_text(encoding="utf-8")
        assert "<em>em</em>" not in text and "<code>code</code> # heading" not in text, page
        assert "<del>del</del>" not in text, page
