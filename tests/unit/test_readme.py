"""The README stays a five-minute read, and every maintainers' page it points to is there.

The README holds what the site is, the commands, the layout and where to read more; everything
else lives in docs-dev/, one file per topic, each linked from the README.
"""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
DEV = ROOT / "docs-dev"
MAX_LINES = 200

# Pages other branches of issue 16's round are writing. Remove a name once its page is in:
# from then on a missing page fails like any other.
NOT_WRITTEN_YET: set[str] = set()   # every page the README names exists

LINK = re.compile(r"\]\(([^)\s]+)\)")


def _links(path: Path) -> list[tuple[Path, str]]:
    """Relative Markdown links in a file, as (target file, anchor), outside code blocks."""
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.S)
    found = []
    for target in LINK.findall(text):
        if re.match(r"[a-z]+:", target):
            continue
        name, _, anchor = target.partition("#")
        found.append(((path.parent / name).resolve() if name else path, anchor))
    return found


def _anchors(path: Path) -> set[str]:
    """GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens."""
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.S)
    return {re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
            for heading in re.findall(r"^#+ (.+)$", text, flags=re.M)}


def _missing(path: Path) -> list[str]:
    problems = []
    for target, anchor in _links(path):
        if target.name in NOT_WRITTEN_YET and target.parent == DEV:
            continue
        shown = f"{path.relative_to(ROOT)}: link to {target.relative_to(ROOT)}"
        if not target.exists():
            problems.append(f"{shown}: no such file")
        elif anchor and target.suffix == ".md" and anchor not in _anchors(target):
            problems.append(f"{shown}#{anchor}: no such heading")
    return problems


def test_readme_is_short():
    lines = README.read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"README.md has {lines} lines: move detail into docs-dev/ (at most {MAX_LINES})"


def test_every_page_the_readme_links_exists():
    dev_links = [t for t, _ in _links(README) if t.parent == DEV]
    assert len(dev_links) >= 15, "the README's 'Where to read more' list is gone"
    assert _missing(README) == []


def test_every_maintainers_page_is_linked_from_the_readme():
    linked = {t.name for t, _ in _links(README) if t.parent == DEV}
    unlinked = sorted(p.name for p in DEV.glob("*.md") if p.name not in linked)
    assert unlinked == [], f"docs-dev pages the README does not link: {unlinked}"


def test_links_between_maintainers_pages_resolve():
    problems = [problem for page in sorted(DEV.glob("*.md")) for problem in _missing(page)]
    assert problems == []


def test_maintainers_pages_are_not_part_of_the_site():
    docs_dir = re.search(r"^docs_dir:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    site_source = (ROOT / (docs_dir.group(1) if docs_dir else "docs")).resolve()
    assert site_source != DEV.resolve() and site_source not in DEV.resolve().parents
