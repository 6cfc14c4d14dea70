"""Ship only the theme CSS that can match our pages: `python -m macros.assets.purge_css SITE_DIR`.

The site loads none of Material's JavaScript (overrides/main.html), so most of Material's
stylesheet (search, palette toggles, tabs ...) matches nothing here, yet every first visit paid
for it. After `mkdocs build`, each theme stylesheet (assets/stylesheets/main|palette.<hash>.min.css)
is parsed with tinycss2 and a selector is dropped only when it requires a class or id that appears
nowhere in the corpus: the class and id attributes of every built page, and every word of the
scripts pages can run (ours create classes from strings). Element and attribute selectors,
@font-face, @keyframes and other at-rules are kept; @media and @supports are purged inside and
dropped when empty. The result gets a new content-hashed name (docs/sw.js serves hashed files
from the phone's copy forever), every page's link is rewritten, and the old file is removed.
Our own stylesheets (assets/*.css) are never touched.
"""
from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import tinycss2

THEME_CSS = re.compile(r"^(?P<stem>main|palette)\.(?P<hash>[0-9a-f]{8,})\.min\.css$")
# Any word a script might turn into a class or id (conservative: every word-like token counts).
WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
# Pseudo-classes whose argument must itself match something: at least one of its selectors must be
# satisfiable. Any other function (:not(), :nth-child(... of), ::slotted()...) is left alone.
MATCHING = {"is", "where", "matches", "-webkit-any", "-moz-any", "has"}
# At-rules holding rules to purge; every other at-rule (@font-face, @keyframes ...) is kept whole.
GROUPING = {"media", "supports", "container", "layer", "document", "-moz-document"}
# Bundles of the tools (Material's JavaScript, Pagefind's UIs) are copied into the site but loaded
# by no page: their strings name every class they know, so such a file counts only if a page
# loads it or one of our scripts names it (search.js imports pagefind/pagefind.js).
TOOL_JS = ("assets/javascripts/", "pagefind/")


@dataclass
class Corpus:
    """Names (classes and ids) that can occur on the site, and prefixes scripts may build on."""
    names: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)
    values: set[str] = field(default_factory=set)        # every attribute value on any page
    _folded: set[str] | None = field(default=None, repr=False)

    def add_script(self, text: str) -> None:
        for word in WORD.findall(text):
            self.names.add(word)
            if word.endswith(("-", "_")):        # "tree-" + kind: any class starting so may exist
                self.prefixes.add(word)

    def has(self, name: str) -> bool:
        return name in self.names or any(name.startswith(p) for p in self.prefixes)

    def has_value(self, value: str) -> bool:
        """Could some attribute hold this value? Any page's value of any attribute, or a script's
        word; in any case (HTML matches some attributes' values, like type=, ignoring case)."""
        if value in self.values or self.has(value):
            return True
        if self._folded is None:
            self._folded = {v.lower() for v in self.values | self.names}
        return value.lower() in self._folded


class _PageNames(HTMLParser):
    def __init__(self, corpus: Corpus):
        super().__init__(convert_charrefs=True)
        self.corpus, self.scripts, self._in_script = corpus, set(), False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value:
                self.corpus.values.add(value)
            if name == "class" and value:
                self.corpus.names.update(value.split())
            elif name == "id" and value:
                self.corpus.names.add(value)
            elif tag == "script" and name == "src" and value:
                self.scripts.add(value.split("?")[0].split("#")[0])
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:                # inline scripts may add classes too
            self.corpus.add_script(data)


def site_corpus(site_dir: Path) -> Corpus:
    corpus = Corpus()
    loaded: set[Path] = set()
    for page in site_dir.rglob("*.html"):
        parser = _PageNames(corpus)
        parser.feed(page.read_text(encoding="utf-8"))
        loaded.update((page.parent / src).resolve() for src in parser.scripts if "://" not in src)
    ours, tools = {}, {}
    for script in site_dir.rglob("*.js"):
        rel = script.relative_to(site_dir).as_posix()
        text = script.read_text(encoding="utf-8", errors="replace")
        (tools if rel.startswith(TOOL_JS) and script.resolve() not in loaded else ours)[rel] = text
    named = "\n".join(ours.values())
    for rel, text in tools.items():
        if rel in named:
            ours[rel] = text
    for text in ours.values():
        corpus.add_script(text)
    return corpus


def _split(tokens: list) -> list[list]:
    """A selector list's tokens, split at its top-level commas."""
    parts: list[list] = [[]]
    for tok in tokens:
        if tok.type == "literal" and tok.value == ",":
            parts.append([])
        else:
            parts[-1].append(tok)
    return parts


def _attribute_can_match(block, corpus: Corpus) -> bool:
    """[name=value] (exact, case-sensitive) needs that value somewhere; any other form is kept."""
    parts = [t for t in block.content if t.type not in ("whitespace", "comment")]
    if (len(parts) == 3 and parts[0].type == "ident" and parts[1].type == "literal" and parts[1].value == "="
            and parts[2].type in ("ident", "string") and WORD.fullmatch(parts[2].value)):
        return corpus.has_value(parts[2].value)
    return True


def can_match(selector: list, corpus: Corpus) -> bool:
    """False only when the selector requires a class, id or attribute value that is nowhere in
    the corpus."""
    prev = None
    for tok in selector:
        if tok.type == "[] block" and not _attribute_can_match(tok, corpus):
            return False
        after = prev is not None and prev.type == "literal"
        if tok.type == "ident" and after and prev.value == "." and not corpus.has(tok.value):
            return False
        if tok.type == "hash" and not corpus.has(tok.value):
            return False
        if tok.type == "function" and after and prev.value == ":" and tok.lower_name in MATCHING:
            if not any(can_match(alt, corpus) for alt in _split(tok.arguments)):
                return False
        prev = tok
    return True


def _strip(tokens: list) -> list:
    while tokens and tokens[0].type in ("whitespace", "comment"):
        tokens = tokens[1:]
    while tokens and tokens[-1].type in ("whitespace", "comment"):
        tokens = tokens[:-1]
    return tokens


def _purge_rules(rules: list, corpus: Corpus) -> list:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s for s in (_strip(s) for s in _split(rule.prelude)) if s and can_match(s, corpus)]
            if not selectors:
                continue
            prelude = []
            for i, selector in enumerate(selectors):
                prelude += ([tinycss2.ast.LiteralToken(0, 0, ",")] if i else []) + selector
            rule.prelude = prelude
        elif rule.type == "at-rule" and rule.lower_at_keyword in GROUPING and rule.content is not None:
            inner = _purge_rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), corpus)
            if not inner:
                continue
            rule.content = inner
        elif rule.type == "error":        # never drop what cannot be read: stop the build
            raise ValueError(f"CSS parse error at line {rule.source_line}: {rule.message}")
        kept.append(rule)
    return kept


def purge(css: str, corpus: Corpus) -> str:
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return tinycss2.serialize(_purge_rules(rules, corpus))


def purge_site(site_dir: Path) -> list[tuple[str, str, int, int]]:
    """Purge every theme stylesheet in site_dir, rename it by its new content, relink the pages.
    Returns (old name, new name, old bytes, new bytes) for each."""
    site_dir = Path(site_dir)
    sheets = [p for p in sorted((site_dir / "assets" / "stylesheets").glob("*.min.css")) if THEME_CSS.match(p.name)]
    if not sheets:
        return []
    corpus = site_corpus(site_dir)
    renamed, done = {}, []
    for sheet in sheets:
        old = sheet.read_text(encoding="utf-8")
        new = purge(old, corpus)
        digest = hashlib.sha256(new.encode("utf-8")).hexdigest()[:8]
        name = f"{THEME_CSS.match(sheet.name)['stem']}.{digest}.min.css"
        done.append((sheet.name, name, len(old.encode("utf-8")), len(new.encode("utf-8"))))
        if name == sheet.name:             # already purged (a second run): nothing changes
            continue
        (sheet.parent / name).write_text(new, encoding="utf-8")
        sheet.unlink()
        sheet.with_name(sheet.name + ".map").unlink(missing_ok=True)    # maps the old file only
        renamed["stylesheets/" + sheet.name] = "stylesheets/" + name
    if renamed:
        pattern = re.compile("|".join(re.escape(k) for k in renamed))
        for page in site_dir.rglob("*.html"):
            text = page.read_text(encoding="utf-8")
            relinked = pattern.sub(lambda m: renamed[m.group(0)], text)
            if relinked != text:
                page.write_text(relinked, encoding="utf-8")
    return done


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print("usage: python -m macros.assets.purge_css SITE_DIR", file=sys.stderr)
        return 2
    for old, new, before, after in purge_site(Path(argv[0])):
        print(f"theme CSS: {old} -> {new}: {before:,} -> {after:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
