"""`make serve` works as MkDocs users expect: live reload is not blocked by the CSP.

The built site carries a Content-Security-Policy (tests/browser checks no violation occurs);
under `mkdocs serve` the policy is left out, because MkDocs injects an inline live-reload
script whose text changes on every rebuild.
"""
from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# A group of its own: pytest-xdist's loadgroup hands groups out first, so this test (a whole
# `mkdocs serve` build, about 18 s) starts with the run instead of ending it alone on one worker
# while the other waits (measured: `make test-fast` ended 10 s after the other worker).
pytestmark = pytest.mark.xdist_group("serve")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_leaves_out_the_policy_so_live_reload_runs():
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        html = None
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and html is None:
            try:
                html = urllib.request.urlopen(f"http://127.0.0.1:{port}/protocol/", timeout=5).read().decode()
            except OSError:
                time.sleep(1)
        assert html is not None, "mkdocs serve did not answer within 120 s"
        assert "livereload" in html
        assert "Content-Security-Policy" not in html
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_built_site_keeps_its_policy(built_site):
    assert "Content-Security-Policy" in (built_site / "protocol" / "index.html").read_text(encoding="utf-8")
