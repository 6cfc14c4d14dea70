"""Valid HTML: the Nu HTML Checker (the W3C's validator, vnu.jar) finds no error on one built page
of each template. One run of Java over all of them (about 10 s); no browser.

vnu.jar is pinned in tests/vnu/package.json and installed by `make vnu` (part of `make test`),
Java is Debian's (docs-dev/valid-html.md). Warnings are not counted: over file: paths the checker
reads the pages' Content-Security-Policy as blocking their own files, and it counts JSON data blocks
as inline scripts.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "tests" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# One built page of each template (and of each kind of generated page).
PAGES = [
    "index.html",                                       # home
    "404.html",                                         # the theme's own page
    "about/index.html", "accessibility/index.html", "data/index.html", "monitoring/index.html",
    "offline/index.html",                               # a page outside the navigation
    "practitioners/index.html", "lead-officers/index.html",
    "lead-officers/entry-format/index.html", "lead-officers/your-entry/index.html",
    "protocol/index.html",
    "documents/index.html", "documents/lassl-2004-20/index.html",              # a source document
    "glossary/index.html",
    "decisions/index.html", "decisions/charging/index.html",                   # a tree's start
    "decisions/charging/q-cost/index.html",                                    # a question
    "decisions/charging/o-nil-cost/index.html",                                # an outcome
    "authorities/index.html",                                                  # the directory
    "authorities/barnet/index.html", "authorities/kent/index.html",            # council pages
    "moving/index.html",                                                       # the planner
    "coverage/index.html",
    "local-offers/index.html", "local-offers/birthday-payment/index.html",
    "local-offers/other/index.html", "local-offers/compare/index.html",
    "local-offers/mine/index.html", "local-offers/mine/barnet/index.html",
    "local-offers/send-a-correction/index.html",
    "tools/index.html", "tools/timescales/index.html", "tools/worcestershire-housing/index.html",
    "tools/letters/index.html", "tools/letters/annual/index.html",
    "care-leavers/index.html", "care-leavers/councils/index.html",
    "search/index.html",
]

# A page with the error the theme used to write on every page: it must be found, so a run that
# checks nothing (a wrong path, a changed report format) cannot pass.
CANARY = ('<!DOCTYPE html><html lang="en"><head><title>canary</title></head><body>'
          '<input type="checkbox" id="t"><label for="t" tabindex="">t</label></body></html>')
CANARY_ERROR = "Bad value “” for attribute “tabindex” on element “label”"


def run_vnu(files: list[Path]) -> list[dict]:
    java = shutil.which("java")
    if not java or not VNU_JAR.is_file():
        pytest.fail(f"the Nu HTML Checker needs Java and {VNU_JAR.relative_to(ROOT)}: run `make vnu`")
    done = subprocess.run([java, "-jar", str(VNU_JAR), "--format", "json", "--errors-only",
                           *map(str, files)], capture_output=True, text=True, timeout=600)
    assert done.returncode in (0, 1), done.stderr[-2000:]
    return json.loads(done.stderr)["messages"]      # vnu writes its report to stderr


def test_one_page_of_each_template_is_valid_html(built_site, tmp_path):
    missing = [name for name in PAGES if not (built_site / name).is_file()]
    assert not missing, f"pages to check are gone (renamed? update PAGES): {missing}"
    canary = tmp_path / "canary.html"
    canary.write_text(CANARY, encoding="utf-8")
    messages = run_vnu([canary] + [built_site / name for name in PAGES])

    site_url = built_site.resolve().as_uri()
    canary_found, errors = False, []
    for m in messages:
        url = m.get("url", "")
        if url.endswith("/canary.html"):
            canary_found = canary_found or CANARY_ERROR in m["message"]
            continue
        name = url.replace(site_url + "/", "", 1).replace("file:" + str(built_site.resolve()) + "/", "", 1)
        errors.append(f"{name}:{m.get('lastLine', '?')}: {m['message']}")
    assert canary_found, f"the checker did not report the canary's error: {messages[:3]}"
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors)
