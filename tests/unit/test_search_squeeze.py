"""Pagefind's stored files, compressed again (macros/search/squeeze.py): the same bytes inside,
never larger, and only the files a search fetches."""
from __future__ import annotations

import gzip

from macros.search.squeeze import squeeze

TEXT = b"pagefind_dcd" + b"emergency financial assistance, setting up home allowance; " * 200


def _bundle(tmp_path):
    files = {"wasm.en.pagefind": TEXT, "pagefind.en_1.pf_meta": TEXT[:400], "index/en_a.pf_index": TEXT,
             "filter/en_b.pf_filter": TEXT[:300], "wasm.unknown.pagefind": TEXT,
             "fragment/en_c.pf_fragment": TEXT}
    for name, data in files.items():
        path = tmp_path / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(gzip.compress(data, compresslevel=1))
    return files


def test_the_files_a_search_fetches_hold_the_same_bytes_and_are_smaller(tmp_path):
    files = _bundle(tmp_path)
    stored = {name: (tmp_path / name).read_bytes() for name in files}
    before, after = squeeze(tmp_path)
    assert after < before
    for name in ("wasm.en.pagefind", "pagefind.en_1.pf_meta", "index/en_a.pf_index", "filter/en_b.pf_filter"):
        now = (tmp_path / name).read_bytes()
        assert gzip.decompress(now) == files[name], name
        assert len(now) < len(stored[name]), name


def test_files_a_search_here_never_fetches_or_that_gain_little_are_left_as_written(tmp_path):
    files = _bundle(tmp_path)
    stored = {name: (tmp_path / name).read_bytes() for name in files}
    squeeze(tmp_path)
    for name in ("wasm.unknown.pagefind", "fragment/en_c.pf_fragment"):
        assert (tmp_path / name).read_bytes() == stored[name], name


def test_a_file_zopfli_cannot_shrink_is_kept_as_it_was(tmp_path):
    (tmp_path / "index").mkdir()
    tiny = gzip.compress(b"pagefind_dcd", compresslevel=9)
    (tmp_path / "index" / "en_t.pf_index").write_bytes(tiny)
    before, after = squeeze(tmp_path)
    assert after <= before
    assert gzip.decompress((tmp_path / "index" / "en_t.pf_index").read_bytes()) == b"pagefind_dcd"
