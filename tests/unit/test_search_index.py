"""The search index is checked after Pagefind writes it: an empty entry file is never published."""
from __future__ import annotations

import json

from macros.search.index import _entry_problem


def _entry(tmp_path, text):
    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind" / "pagefind-entry.json").write_text(text, encoding="utf-8")
    return tmp_path


def test_an_empty_entry_file_is_a_problem(tmp_path):
    assert "unreadable" in _entry_problem(_entry(tmp_path, ""))


def test_an_entry_with_no_pages_is_a_problem(tmp_path):
    site = _entry(tmp_path, json.dumps({"languages": {"en": {"hash": "en_1", "page_count": 0}}}))
    assert _entry_problem(site) == "pagefind-entry.json lists no pages"


def test_a_missing_entry_file_is_a_problem(tmp_path):
    assert "unreadable" in _entry_problem(tmp_path)


def test_an_entry_that_lists_pages_is_fine(tmp_path):
    site = _entry(tmp_path, json.dumps({"version": "1.5.2", "languages": {"en": {"hash": "en_1", "page_count": 377}}}))
    assert _entry_problem(site) is None
