"""Serve the built site compressed, as an ordinary static host would, and log every response.

Text (HTML, CSS, JS, JSON, SVG, XML, CSV, vCard, calendar) is sent gzipped at level 6 with a
fixed timestamp, so the bytes are the same on every run. Used by the page-weight test
(tests/browser/test_weight.py) and by `make lighthouse` (bench/lighthouse/).

    .venv/bin/python tools/serve_gzip.py site 8000
"""
from __future__ import annotations

import functools
import gzip
import io
import http.server
import os
import sys
import threading
from pathlib import Path

COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv", ".vcf", ".ics",
              ".map", ".webmanifest", ".wasm"}


@functools.lru_cache(maxsize=512)
def _gzipped(path: str, mtime: float) -> bytes:
    with open(path, "rb") as f:
        return gzip.compress(f.read(), compresslevel=6, mtime=0)


class Handler(http.server.SimpleHTTPRequestHandler):
    """The standard handler, plus gzip and a log of (path, status, body bytes sent)."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and os.path.isfile(path) and Path(path).suffix in COMPRESSED):
            return super().send_head()      # directories, redirects, 404, images: as they are
        stat = os.stat(path)
        body = _gzipped(path, stat.st_mtime)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(stat.st_mtime)))
        self.end_headers()
        return io.BytesIO(body)

    def send_response(self, code, message=None):
        self.code = code
        super().send_response(code, message)

    def do_GET(self):
        self.code, body = 0, b""
        f = self.send_head()
        if f:
            with f:
                body = f.read()
            self.wfile.write(body)
        log = getattr(self.server, "log", None)
        if log is not None:
            log.append((self.path, self.code, len(body)))


def start(site_dir, port: int = 0):
    """Serve site_dir on 127.0.0.1 in a thread; returns the server (its .log lists responses)."""
    handler = functools.partial(Handler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.log = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


if __name__ == "__main__":
    site = sys.argv[1] if len(sys.argv) > 1 else "site"
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 8000
    server = start(site, port)
    print(f"Serving {site} gzipped on http://127.0.0.1:{server.server_address[1]}/", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()
