"""The repository's issue forms (.github/ISSUE_TEMPLATE/): valid against GitHub's issue-forms schema
(check-jsonschema's own vendored copy, offline), each asking for a source, and with the same field
ids and labels as the links the site prefills and the messages tools/apply_submission.py reads."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from macros.core.corrections import FORMS, LINE_KINDS

ROOT = Path(__file__).resolve().parents[2]
FORMS_DIR = ROOT / ".github" / "ISSUE_TEMPLATE"


def check(schema: str, *files: Path) -> subprocess.CompletedProcess:
    # Any request would go to a closed port and fail: the check must need no network.
    env = {**os.environ, "HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9",
           "http_proxy": "http://127.0.0.1:9", "https_proxy": "http://127.0.0.1:9", "NO_PROXY": ""}
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, files)],
                          capture_output=True, text=True, env=env, timeout=120)


def load(path: Path) -> dict:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def test_every_form_the_site_links_to_is_valid_against_githubs_schema():
    files = [FORMS_DIR / form.file for form in FORMS.values()]
    result = check("vendor.github-issue-forms", *files)
    assert result.returncode == 0, result.stdout + result.stderr
    result = check("vendor.github-issue-config", FORMS_DIR / "config.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_broken_form_is_refused(tmp_path):
    form = load(FORMS_DIR / "correction.yml")
    form["body"][1]["type"] = "phone-number"          # not a field type GitHub knows
    del form["description"]
    bad = tmp_path / "bad.yml"
    YAML().dump(form, bad)
    result = check("vendor.github-issue-forms", bad)
    assert result.returncode != 0 and "bad.yml" in result.stdout


@pytest.mark.parametrize("name", sorted(FORMS))
def test_each_form_has_the_fields_the_site_fills_in_and_asks_for_a_source(name):
    form = FORMS[name]
    data = load(FORMS_DIR / form.file)
    fields = [f for f in data["body"] if f["type"] != "markdown"]
    assert [(f["id"], f["attributes"]["label"]) for f in fields] == [(f.id, f.label) for f in form.fields]
    source = next(f for f in fields if f["id"] == "source")
    assert source["validations"]["required"] is True
    assert data["title"] == form.title


def test_the_entry_form_offers_the_kinds_of_line_the_tool_knows_and_asks_for_agreement():
    data = load(FORMS_DIR / FORMS["entry"].file)
    kinds = next(f for f in data["body"] if f.get("id") == "line_kind")
    assert kinds["attributes"]["options"] == list(LINE_KINDS)
    consent = next(f for f in data["body"] if f.get("id") == "consent")
    assert all(o["required"] for o in consent["attributes"]["options"])
    words = data["body"][0]["attributes"]["value"]
    for said in ("What will be public", "not a person's name", "How it is checked", "public"):
        assert said in words, said
