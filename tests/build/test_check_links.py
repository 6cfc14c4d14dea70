"""The link and anchor crawl behind `make check` (tools/check_links.py)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tools.check_links import Crawler, main

ROOT = Path(__file__).resolve().parents[2]


def write(path: Path, html: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<!doctype html><html><head><title>t</title></head><body>{html}</body></html>",
                    encoding="utf-8")


def fake_site(root: Path) -> Path:
    site = root / "site"
    write(site / "index.html",
          '<link rel="stylesheet" href="assets/a.css"><script src="assets/a.js"></script>'
          '<a href="guide/">guide</a> <a href="guide/#part-2">part 2</a> <a href="#top" id="top">top</a>'
          '<a href="/guide/index.html">root-relative</a> <a href="https://www.gov.uk/">out</a>'
          '<a href="mailto:x@example.org">mail</a> <a href="tel:+441234567890">call</a>'
          '<img src="data:image/png;base64,AAAA" alt="">')
    write(site / "guide" / "index.html",
          '<h2 id="part-2">Part 2</h2><a href="../">home</a> <a href="../missing/">Missing page</a>'
          '<a href="../#nowhere">Lost anchor</a>'
          '<script src="https://cdn.example.com/x.js"></script>')
    (site / "assets").mkdir()
    (site / "assets" / "a.css").write_text("", encoding="utf-8")
    (site / "assets" / "a.js").write_text("", encoding="utf-8")
    return site


def test_a_broken_link_a_broken_anchor_and_a_script_from_another_host_are_each_reported(tmp_path):
    site = fake_site(tmp_path)
    docs = tmp_path / "docs"
    (docs).mkdir()
    (docs / "guide.md").write_text("# Guide\n", encoding="utf-8")
    problems = Crawler(site, docs).problems()
    assert len(problems) == 3, problems
    broken, anchor, external = sorted(problems, key=lambda p: ("missing" not in p, "nowhere" not in p))
    assert broken.startswith("site/guide/index.html: link to ../missing/: no file site/missing/index.html")
    assert 'link text "Missing page"' in broken and "page from docs/guide.md" in broken
    assert anchor.startswith('site/guide/index.html: link to ../#nowhere: no id "nowhere" in site/index.html')
    assert external.startswith("site/guide/index.html: script src https://cdn.example.com/x.js: "
                               "loaded from another host (cdn.example.com): no request may leave the site")


def test_the_command_exits_non_zero_and_prints_one_line_per_problem(tmp_path, capsys):
    site = fake_site(tmp_path)
    assert main([str(site), "--docs", str(tmp_path / "none")]) == 1
    out = capsys.readouterr()
    assert len(out.out.splitlines()) == 3
    assert "3 problem(s)" in out.err
    (site / "guide" / "index.html").write_text('<h2 id="part-2">ok</h2><a href="../#top">home</a>', encoding="utf-8")
    assert main([str(site)]) == 0


def test_the_real_site_has_no_broken_link_anchor_or_resource_from_another_host(built_site):
    crawler = Crawler(built_site, ROOT / "docs")
    assert crawler.problems() == []
    assert len(crawler._pages) > 100          # the crawl really read the site


def test_the_tool_runs_as_a_script(tmp_path):
    site = fake_site(tmp_path)
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "check_links.py"), str(site)],
                         capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 1 and run.stdout.count("site/guide/index.html:") == 3


def test_the_page_reader_skips_comments_and_scripts_and_reads_quoted_attributes(tmp_path):
    # The crawl reads tags with regular expressions (for speed): these are the cases that could fool it.
    site = tmp_path / "site"
    write(site / "index.html",
          '<h2 id="a&amp;b">x</h2>\n<!-- <a href="commented/">not a link</a> -->\n'
          '<script>if (1<2) { x = "<a href=\'scripted/\'>"; }</script>\n'
          '<a title="a > b" href="gone/">Quoted &gt; sign</a>\n'
          "<a href='#a&amp;b'>entity</a> <A HREF=\"#missing\">Upper case</A>")
    problems = Crawler(site).problems()
    assert len(problems) == 2, problems
    assert problems[0].startswith("site/index.html: link to gone/: no file site/gone/index.html (line 4; "
                                  'link text "Quoted > sign"')
    assert problems[1].startswith('site/index.html: link to #missing: no id "missing" in site/index.html (line 5')
