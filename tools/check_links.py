"""Crawl a built site for broken internal links and anchors, and for anything loaded from
another host (`make check`; see README, "Checking your edits").

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
import sys
from html.parser import HTMLParser
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


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str, str, int, str]] = []    # (tag, attribute, url, line, kind)
        self._open_a: list[int] = []                       # index into refs of the open <a>
        self.texts: dict[int, str] = {}

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
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
            self.refs.append((tag, attribute, url.strip(), self.getpos()[0], kind))
            if tag == "a":
                self._open_a.append(len(self.refs) - 1)
                self.texts[len(self.refs) - 1] = ""

    def handle_data(self, data):
        for index in self._open_a:
            self.texts[index] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._open_a:
            self._open_a.pop()


class Crawler:
    def __init__(self, site: Path, docs: Path | None = None, label: str = "site"):
        self.site, self.docs, self.label = site.resolve(), docs, label
        self._pages: dict[Path, _Page] = {}

    def page(self, path: Path) -> _Page:
        if path not in self._pages:
            parsed = _Page()
            parsed.feed(path.read_text(encoding="utf-8", errors="replace"))
            parsed.close()
            self._pages[path] = parsed
        return self._pages[path]

    def shown(self, path: Path) -> str:
        return f"{self.label}/{path.relative_to(self.site).as_posix()}"

    def source_of(self, path: Path) -> str:
        """Where a page came from: a hand-written Markdown page, or generated from data/."""
        if self.docs is None:
            return ""
        rel = PurePosixPath(path.relative_to(self.site).as_posix())
        if path.name == "index.html":
            stem = rel.parent
            candidates = [f"{stem}/index.md"] + ([f"{stem}.md"] if str(stem) != "." else ["index.md"])
        else:
            candidates = [str(rel.with_suffix(".md"))]
        for candidate in candidates:
            md = self.docs / candidate.lstrip("./")
            if md.is_file():
                return f"page from {self.docs.name}/{md.relative_to(self.docs).as_posix()}"
        return "page generated from data/ (macros/pages.py)"

    def target_file(self, page: Path, path: str) -> Path:
        base = self.site if path.startswith("/") else page.parent
        target = (base / unquote(path).lstrip("/")).resolve() if path else page
        if target.is_dir() or path.endswith("/"):
            target = target / "index.html"
        return target

    def problems(self) -> list[str]:
        found = []
        for page in sorted(self.site.rglob("*.html")):
            parsed = self.page(page)
            for index, (tag, attribute, url, line, kind) in enumerate(parsed.refs):
                problem = self.check(page, tag, url, kind)
                if problem:
                    where = [f"line {line}"]
                    text = " ".join(parsed.texts.get(index, "").split())
                    if text:
                        where.append(f'link text "{text[:60]}"')
                    source = self.source_of(page)
                    if source:
                        where.append(source)
                    what = "link to" if kind == "link" else f"{tag} {attribute}"
                    found.append(f"{self.shown(page)}: {what} {url}: {problem} ({'; '.join(where)})")
        return found

    def check(self, page: Path, tag: str, url: str, kind: str) -> str | None:
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
        if not target.is_relative_to(self.site):
            return f"points outside the site ({target})"
        if not target.is_file():
            return f"no file {self.shown(target) if target.is_relative_to(self.site) else target}"
        fragment = unquote(parts.fragment)
        if fragment and target.suffix == ".html" and fragment not in self.page(target).ids:
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
