"""The search index is checked after Pagefind writes it: an empty entry file is never published."""
from __future__ import annotations

import json

from macros.search import index
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


def test_pagefinds_client_still_pauses_before_each_reply_so_the_index_step_lifts_the_pause():
    """macros.search.index._NoPause exists because Pagefind's client waits 0.1 s before reading
    each reply (29 s a build). If this fails, a new Pagefind reads without the pause: remove
    _NoPause and this test."""
    import inspect

    import pagefind.service
    source = inspect.getsource(pagefind.service.PagefindService._wait_for_responses)
    assert "asyncio.sleep(0.1)" in source
    assert isinstance(pagefind.service.asyncio, index._NoPause)


def test_the_sleep_pagefinds_client_gets_yields_to_the_loop_without_waiting():
    """So the reply loop still lets the replies be read (it yields), and does not pause (the
    callback due after 50 ms has not run when the "0.1 s" sleep returns); every other name is
    asyncio's own."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    seen = []

    async def other():
        seen.append("other task")

    async def main():
        asyncio.get_running_loop().call_later(0.05, seen.append, "50 ms passed")
        asyncio.create_task(other())
        await index._NoPause().sleep(0.1)
        return list(seen)

    # In a thread of its own: a worker whose browser tests ran first has Playwright's loop running here.
    with ThreadPoolExecutor(1) as pool:
        assert pool.submit(asyncio.run, main()).result() == ["other task"]
    assert index._NoPause().create_subprocess_exec is asyncio.create_subprocess_exec
