"""Load, validate and model everything in data/ — once per build.

`load_site(root)` is the one entry point: it reads every YAML file, checks each against its
schema and rules, builds the models, checks citations across files, and either returns a Site
or raises DataError listing every problem. Nothing here knows about MkDocs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from macros.documents import citations, evidence
from macros.core import schema, text_rules
from macros.directory.model import Authority, District, build_authorities, build_directory, build_districts
from macros.documents.document import PROTOCOL_ID, Document, build_document
from macros.core.corrections import Channel, Publisher
from macros.documents.glossary import Term, build_glossary
from macros.directory.help_lines import FILE as HELP_LINES_FILE, HelpLine, build_help_lines
from macros.careleavers.homelessness import FILE as HOMELESSNESS_FILE, Fact, build_facts
from macros.offers.catalogue import Entitlement, build_entitlements, build_national_facts
from macros.offers.model import Offer, build_offers
from macros.practice import loader as practice
from macros.core.problems import DataError, Problem
from macros.search.synonyms import FILE as SYNONYMS_FILE, Synonym, build_synonyms
from macros.trees.model import Tree, build_tree, check_housing_facts
from macros.core.yamlfile import YamlFile, read_yaml

# Which schema a data file is checked against, by its place under data/.
def kind_of(rel: str) -> str | None:
    if rel.startswith("documents/") and rel.count("/") == 1:
        return "document"
    if rel.startswith("trees/") and rel.count("/") == 1:
        return "tree"
    if rel.startswith("offers/") and rel.count("/") == 1:
        return "offers"
    if rel in ("glossary.yaml", "authorities.yaml", "districts.yaml", "lead-officers.yaml", "entitlements.yaml"):
        return rel[: -len(".yaml")]
    if rel == SYNONYMS_FILE:
        return "search-synonyms"
    if rel == HOMELESSNESS_FILE:
        return "homelessness"
    if rel == HELP_LINES_FILE:
        return "help-lines"
    return practice.kind_of(rel)


@dataclass
class Site:
    root: Path
    documents: dict[str, Document]
    glossary: list[Term]
    trees: dict[str, Tree] = field(default_factory=dict)
    authorities: dict[str, Authority] = field(default_factory=dict)
    districts: dict[str, District] = field(default_factory=dict)
    today: date = field(default_factory=date.today)
    entitlements: dict[str, Entitlement] = field(default_factory=dict)
    offers: dict[str, Offer] = field(default_factory=dict)     # by GSS code of council or district
    tools: practice.Tools = field(default_factory=practice.Tools)
    files: list[YamlFile] = field(default_factory=list)
    corrections: Channel = field(default_factory=lambda: Channel("none"))   # set by the adapter from mkdocs.yml
    publisher: Publisher = field(default_factory=Publisher)                 # likewise: who runs this copy
    synonyms: list[Synonym] = field(default_factory=list)
    homelessness: list[Fact] = field(default_factory=list)    # the care leavers' page
    help_lines: list[HelpLine] = field(default_factory=list)   # the care leavers' page and the letters
    national_facts: list[dict] = field(default_factory=list)   # law changes about local offers (entitlements.yaml)

    @property
    def protocol(self) -> Document:
        return self.documents[PROTOCOL_ID]

    def other_documents(self) -> list[Document]:
        return [d for d in self.documents.values() if d.id != PROTOCOL_ID]


REQUIRED = ("glossary", "authorities", "districts", "lead-officers")
# Files that pages cannot do without: required when a page that shows them is in the project (a
# test's data-only project has none). Without them a page kept its heading over nothing, or the
# calculator had no council to work with (issue 20, M9).
NEEDED_BY = [
    ("data/help-lines.yaml", "docs/care-leavers.md", "", "the care leavers' page lists its lines under \"Other help\""),
    ("data/help-lines.yaml", "data/letters", "", "the letters give its help lines"),
    ("data/homelessness.yaml", "docs/care-leavers.md", "", "the care leavers' page shows \"What the housing law says\" from it"),
    ("data/practice/", "mkdocs.yml", "tools/timescales/", "the timescales calculator needs at least one council's practice file"),
]


def needed_files(root: Path) -> list[Problem]:
    problems = []
    for needed, page, mention, why in NEEDED_BY:
        shown = root / page
        if not shown.exists() or (mention and mention not in shown.read_text(encoding="utf-8")):
            continue
        if shown.is_dir() and not any(shown.glob("*.yaml")):
            continue
        there = root / needed
        if (needed.endswith("/") and not any(there.glob("*.yaml"))) or (not needed.endswith("/") and not there.exists()):
            problems.append(Problem(needed, 0, "", f"missing: {why} ({page})"))
    return problems + _nav_trees(root)


def _nav_trees(root: Path) -> list[Problem]:
    """A decision tree the menu (mkdocs.yml's nav) lists must have its file: said as such, not as
    MkDocs' warnings about pages that are not there (the review's M04)."""
    config = root / "mkdocs.yml"
    if not config.exists():
        return []
    listed = sorted(set(re.findall(r"^\s*-\s*(?:[^:\n]*:\s*)?decisions/([a-z0-9-]+)/index\.md\s*$",
                                   config.read_text(encoding="utf-8"), flags=re.M)))
    return [Problem(f"data/trees/{tree}.yaml", 0, "", f"missing: mkdocs.yml's nav lists the decision tree "
                    f"decisions/{tree}/, whose pages are made from this file (restore it, or take the tree out of the nav)")
            for tree in listed if not (root / "data" / "trees" / f"{tree}.yaml").exists()]


def _not_ours(name: str) -> bool:
    """A file the system or an editor leaves beside the data (.DS_Store, .x.yaml.swp, x.yaml~,
    #x.yaml#): not data, so it never stops a build. A .yaml file is always read, even hidden."""
    return not name.endswith(".yaml") and (name.startswith((".", "#")) or name.endswith("~"))


_CHECKED: dict = {}


def _file_checks(kind: str, yf: YamlFile) -> tuple[list[Problem], list[Problem]]:
    """The schema's and the text rules' problems of one file. They depend on its text alone (and
    on the day, for "not in the future"), so, like the parse (yamlfile._parse), they are kept for
    the process: `make serve` and the tests load data/ again and again with one file changed, and
    these checks were half of each load."""
    if not yf.text_digest:                       # not read from a file: nothing to key it by
        return schema.check(kind, yf), text_rules.check(yf)
    key = (kind, yf.path, yf.text_digest, date.today())
    if key not in _CHECKED:
        if len(_CHECKED) > 4096:
            _CHECKED.clear()
        _CHECKED[key] = (schema.check(kind, yf), text_rules.check(yf))
    found, wording = _CHECKED[key]
    return list(found), list(wording)


def load_site(root: Path, today: date | None = None) -> Site:
    """`today` is when "in the future" and "due for review" are judged (tests fix it)."""
    today = today or date.today()
    root = Path(root)
    data_dir = root / "data"
    problems: list[Problem] = []
    by_kind: dict[str, list[YamlFile]] = {"document": [], "tree": [], "entitlements": [], "offers": [],
                                          "search-synonyms": [], "homelessness": [], "help-lines": [], **{k: [] for k in REQUIRED},
                                          **{k: [] for k in practice.KINDS}}
    for path in sorted(data_dir.rglob("*")):
        if path.is_dir() or path.suffix == ".md" or _not_ours(path.name):
            continue
        rel = path.relative_to(data_dir).as_posix()
        shown = f"data/{rel}"
        kind = kind_of(rel)
        if path.suffix not in (".yaml",) or kind is None:
            problems.append(Problem(shown, 0, "", "not a data file this site knows: documents go in "
                                    "data/documents/<id>.yaml, trees in data/trees/<id>.yaml (see docs-dev/editing-data.md)"))
            continue
        yf, parse_problems = read_yaml(path, shown)
        if yf is None:
            problems += parse_problems
            continue
        found, wording = _file_checks(kind, yf)
        problems += found + wording
        if not found:              # only a schema-valid file is modelled
            by_kind[kind].append(yf)

    documents: dict[str, Document] = {}
    for yf in by_kind["document"]:
        doc, found = build_document(yf)
        problems += found
        documents[doc.id] = doc
    for kind in REQUIRED:
        if not (data_dir / f"{kind}.yaml").exists():
            problems.append(Problem(f"data/{kind}.yaml", 0, "", f"missing: data/{kind}.yaml is required"))
    problems += needed_files(root)
    glossary: list[Term] = []
    if by_kind["glossary"]:
        glossary, found = build_glossary(by_kind["glossary"][0])
        problems += found
    authorities: dict[str, Authority] = {}
    districts: dict[str, District] = {}
    if by_kind["authorities"]:
        authorities, found = build_authorities(by_kind["authorities"][0])
        problems += found
        if by_kind["districts"]:
            districts, found = build_districts(by_kind["districts"][0], authorities)
            problems += found
        if by_kind["lead-officers"]:
            problems += build_directory(by_kind["lead-officers"][0], authorities, today)
    entitlements: dict[str, Entitlement] = {}
    national_facts: list[dict] = []
    offers: dict[str, Offer] = {}
    if by_kind["entitlements"]:
        entitlements, found = build_entitlements(by_kind["entitlements"][0])
        problems += found
        national_facts, found = build_national_facts(by_kind["entitlements"][0], max(today, date.today()))
        problems += found
    if by_kind["offers"] and not (data_dir / "entitlements.yaml").exists():
        problems.append(Problem("data/entitlements.yaml", 0, "", "missing: offers need the entitlement catalogue"))
    elif by_kind["offers"] and entitlements and authorities:
        offers, found = build_offers(by_kind["offers"], entitlements, authorities, districts, documents, today)
        problems += found
    if PROTOCOL_ID not in documents and not any(p.file == f"data/documents/{PROTOCOL_ID}.yaml" for p in problems):
        problems.append(Problem(f"data/documents/{PROTOCOL_ID}.yaml", 0, "",
                                "missing: the National Protocol is required"))

    synonyms: list[Synonym] = []
    if by_kind["search-synonyms"]:
        synonyms, found = build_synonyms(by_kind["search-synonyms"][0])
        problems += found

    homelessness: list[Fact] = []
    if by_kind["homelessness"]:
        # The day words were read cannot be after the real today, whatever day tests fix for review ages.
        homelessness, found = build_facts(by_kind["homelessness"][0], max(today, date.today()))
        problems += found

    help_lines: list[HelpLine] = []
    if by_kind["help-lines"]:
        help_lines, found = build_help_lines(by_kind["help-lines"][0], documents, max(today, date.today()))
        problems += found

    trees: dict[str, Tree] = {}
    for yf in by_kind["tree"]:
        tree, found = build_tree(yf)
        problems += found + check_housing_facts(yf, {f.id for f in homelessness})
        trees[tree.id] = tree
    tools, found = practice.load(by_kind, documents, authorities)
    problems += found

    all_files = [yf for files in by_kind.values() for yf in files]
    # A citation into a document that could not be read is not reported again: that
    # document's own problems already stop the build.
    unreadable = {Path(p.file).stem for p in problems if p.file.startswith("data/documents/")} - set(documents)
    problems += citations.check(all_files, documents, unreadable)
    if not unreadable:
        problems += evidence.check(by_kind, documents)
        problems += evidence.check_pages(root / "docs", root, documents)     # guides and templates
    if problems:
        raise DataError(problems)
    return Site(root, documents, glossary, trees, authorities, districts, today,
                entitlements=entitlements, offers=offers, tools=tools, files=all_files, synonyms=synonyms,
                homelessness=homelessness, help_lines=help_lines,
                national_facts=national_facts)
