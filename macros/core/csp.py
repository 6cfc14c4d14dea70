"""A Content-Security-Policy for every page: nothing may load from any other host.

The theme has a few inline scripts; rather than allow all inline script, each one's hash is
added to the policy of the page it is on.
"""
from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)

# 'wasm-unsafe-eval' lets the search engine (Pagefind, WebAssembly from this site) run; it allows
# no JavaScript eval.
POLICY = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self' 'unsafe-inline'; "
          "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
          "object-src 'none'; base-uri 'self'; form-action 'self'")


def add_policy(html: str) -> str:
    hashes = []
    for match in _INLINE_SCRIPT.finditer(html):
        if "application/json" in match.group("attrs"):
            continue           # data blocks are not run
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    policy = POLICY.format(hashes="".join(" " + h for h in sorted(set(hashes))))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return html.replace("<head>", "<head>\n    " + meta, 1)
