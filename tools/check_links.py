"""Crawl a built site for broken internal links and anchors, and for anything loaded from
another host (`make check`; see docs-dev/checking-edits.md).

    python tools/check_links.py [SITE_DIR] [--docs DOCS_DIR] [--label site]

Every HTML file is read; every internal href/src (relative or root-relative) must name a file
that exists and, when it has a #fragment into a page, an id on that page. Links to other hosts
(`<a href="https://...">`), mailto: and tel: are left alone, but a script, stylesheet, image or
frame from another host is a problem: no request may leave the site. Each problem is one line,

    site/protocol/index.html: link to ../glossary/#term-x: no id "term-x" in site/glossary/index.html (link text "x"; page from docs/protocol.md)

and the exit status is 1 when there is any. A tool, not build code: the build never imports it.
"""
from __future__ import annotations

import argparse
import bisect
import os
import posixpath
import re
import sys
from html import unescape
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

# Attributes that make the browser fetch something as the page loads (not a link to follow).
RESOURCES = {("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"), ("audio", "src"),
             ("video", "src"), ("video", "poster"), ("embed", "src"), ("object", "data"), ("input", "src"),
             ("track", "src"), ("image", "href")}
LINKS = {("a", "href"), ("area", "href"), ("link", "href"), ("form", "action")} | RESOURCES
# <link rel=...> values that are fetched with the page (others, like rel=next, are links).
FETCHED_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "apple-touch-icon"}
IGNORED_SCHEMES = {"mailto", "tel", "sms", "javascript", "data", "blob", "about"}


# A tag with its attributes (quoted values may hold ">"), a comment, or the text of a script or
# style element (skipped: "<" there is not a tag). Regular expressions rather than html.parser:
# the crawl is part of `make check`, and this is about ten times faster on the whole site.
_ATTRS = r"""([^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*)"""
_TOKEN = re.compile(r"<!--.*?-->|<(script|style)\b" + _ATTRS + r">.*?</\1\s*>|<([a-zA-Z][^\s/>]*)" + _ATTRS + ">",
                    re.S | re.I)
_ATTR = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_TAG = re.compile(r"<[^>]*>")
_WANTED = re.compile(r"(?<![\w-])(?:id|name|href|src|action|data|poster)\s*=", re.I)   # a tag worth reading


class _Page:
    """One page's ids, and its links and resources with their line and (for <a>) link text."""

    def __init__(self, html: str):
        self.html = html
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str, str, int, str]] = []    # (tag, attribute, url, line, kind)
        self._ends: dict[int, int] = {}                     # index into refs of an <a> -> where its text starts
        newlines = [m.start() for m in re.finditer("\n", html)]
        for token in _TOKEN.finditer(html):
            tag, attrs = (token.group(1), token.group(2)) if token.group(1) else (token.group(3), token.group(4))
            if not tag or not attrs or not _WANTED.search(attrs):
                continue                                        # a comment, or nothing to check
            tag = tag.lower()
            values: dict[str, str] = {}
            for attr in _ATTR.finditer(attrs or ""):
                name = attr.group(1).lower()
                if name not in values:                          # the first of a repeated attribute counts
                    value = next((v for v in attr.group(2, 3, 4) if v is not None), "")
                    values[name] = unescape(value) if "&" in value else value
            for name in ("id",) + (("name",) if tag == "a" else ()):
                if values.get(name):
                    self.ids.add(values[name])
            for attribute in ("href", "src", "action", "data", "poster"):
                url = values.get(attribute)
                if url is None or (tag, attribute) not in LINKS:
                    continue
                kind = "resource" if (tag, attribute) in RESOURCES else "link"
                if tag == "link" and set((values.get("rel") or "").lower().split()) & FETCHED_RELS:
                    kind = "resource"
                line = bisect.bisect_left(newlines, token.start()) + 1
                self.refs.append((tag, attribute, url.strip(), line, kind))
                if tag == "a":
                    self._ends[len(self.refs) - 1] = token.end()

    def text_of(self, index: int) -> str:
        """The text of a link, for a problem's message (worked out only when there is a problem)."""
        if index not in self._ends:
            return ""
        start = self._ends[index]
        end = self.html.find("</a", start)
        return unescape(_TAG.sub("", self.html[start:end if end >= 0 else start]))


class Crawler:
    def __init__(self, site: Path, docs: Path | None = None, label: str = "site"):
        self.site, self.docs, self.label = site.resolve(), docs, label
        self._pages: dict[str, _Page] = {}               # by path inside the site ("guide/index.html")
        # One walk of the site: every check below is a set lookup, not a call to the file system.
        self._files: set[str] = set()
        self._dirs: set[str] = {"."}
        for folder, dirs, files in os.walk(self.site):
            rel = os.path.relpath(folder, self.site).replace(os.sep, "/")
            prefix = "" if rel == "." else rel + "/"
            self._dirs.update(prefix + d for d in dirs)
            self._files.update(prefix + f for f in files)

    def page(self, path: Path | str) -> _Page:
        rel = path if isinstance(path, str) else path.resolve().relative_to(self.site).as_posix()
        if rel not in self._pages:
            html = (self.site / rel).read_text(encoding="utf-8", errors="replace")
            self._pages[rel] = _Page(html)
        return self._pages[rel]

    def shown(self, rel: str) -> str:
        return f"{self.label}/{rel}"

    def source_of(self, rel: str) -> str:
        """Where a page came from: a hand-written Markdown page, or generated from data/."""
        if self.docs is None:
            return ""
        rel_path = PurePosixPath(rel)
        if rel_path.name == "index.html":
            stem = rel_path.parent
            candidates = [f"{stem}/index.md"] + ([f"{stem}.md"] if str(stem) != "." else ["index.md"])
        else:
            candidates = [str(rel_path.with_suffix(".md"))]
        for candidate in candidates:
            md = self.docs / candidate.lstrip("./")
            if md.is_file():
                return f"page from {self.docs.name}/{md.relative_to(self.docs).as_posix()}"
        return "page generated from data/ (macros/core/pages.py)"

    def target_file(self, page: str, path: str) -> str:
        """The file a link names, as a path inside the site ("../x" when it points outside)."""
        if not path:
            return page
        base = "" if path.startswith("/") else posixpath.dirname(page)
        target = posixpath.normpath(posixpath.join(base, unquote(path).lstrip("/")))
        if target in self._dirs or path.endswith("/"):
            target = "index.html" if target == "." else target + "/index.html"
        return target

    def problems(self) -> list[str]:
        found = []
        pages = sorted((f for f in self._files if f.endswith(".html")), key=lambda f: f.split("/"))
        for page in pages:
            parsed = self.page(page)
            for index, (tag, attribute, url, line, kind) in enumerate(parsed.refs):
                problem = self.check(page, tag, url, kind)
                if problem:
                    where = [f"line {line}"]
                    text = " ".join(parsed.text_of(index).split())
                    if text:
                        where.append(f'link text "{text[:60]}"')
                    source = self.source_of(page)
                    if source:
                        where.append(source)
                    what = "link to" if kind == "link" else f"{tag} {attribute}"
                    found.append(f"{self.shown(page)}: {what} {url}: {problem} ({'; '.join(where)})")
        return found

    def check(self, page: str, tag: str, url: str, kind: str) -> str | None:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme in IGNORED_SCHEMES:
            return None
        if scheme or url.startswith("//"):
            if kind == "resource":
                return (f"loaded from another host ({parts.hostname or url}): no request may leave "
                        f"the site; copy the file into docs/assets/")
            return None                                   # a link out is the reader's choice
        target = self.target_file(page, parts.path)
        if target == ".." or target.startswith("../"):
            return f"points outside the site ({os.path.normpath(os.path.join(self.site, target))})"
        if target not in self._files:
            return f"no file {self.shown(target)}"
        fragment = unquote(parts.fragment)
        if fragment and target.endswith(".html") and fragment not in self.page(target).ids:
            return f'no id "{fragment}" in {self.shown(target)}'
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", default="site", type=Path)
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="hand-written pages, to name a page's source")
    parser.add_argument("--label", default="site", help="how the site folder is named in messages")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"{args.site}: no built site here (run make build)", file=sys.stderr)
        return 2
    crawler = Crawler(args.site, args.docs if args.docs.is_dir() else None, args.label)
    problems = crawler.problems()
    for line in problems:
        print(line)
    pages = len(crawler._pages)
    links = sum(len(p.refs) for p in crawler._pages.values())
    print(f"check_links: {pages} pages, {links} links and resources, {len(problems)} problem(s)",
          file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
