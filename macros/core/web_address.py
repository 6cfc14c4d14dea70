"""What a web address in data/ must be for the site to link to it, in words a data editor can act on.

Read with urllib.parse (what a browser would go to), never by eye: `https://www.lancashire.gov.uk@evil.example/`
goes to evil.example. No allow-list of hosts (councils' offers live on trusts', partners' and
hosted sites); instead the host must be a real, registrable name in plain letters:
no user@ before it, no IP address, no look-alike (non-ASCII or punycode xn--) labels, and a
registrable domain under a public suffix (the Public Suffix List, shipped in publicsuffixlist).
Councils' own websites come from GOV.UK's local links register, so they must be on gov.uk.
"""
from __future__ import annotations

import ipaddress
import re
from functools import lru_cache
from urllib.parse import urlsplit

from publicsuffixlist import PublicSuffixList

_LABEL = re.compile(r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")
_UNSAFE = re.compile(r"[\s<>\"\\^`{|}]")


@lru_cache(maxsize=1)
def _suffixes() -> PublicSuffixList:
    # accept_unknown=False: a made-up ending (.example, .local, .internal) has no registrable domain.
    return PublicSuffixList(accept_unknown=False)


def problem(value: str, schemes: tuple[str, ...] = ("https",), gov_uk: bool = False) -> str | None:
    """Why the site must not link to `value`, or None when it may."""
    if _UNSAFE.search(value):
        return "a web address has no spaces, quotes or <>"
    try:
        parts = urlsplit(value)
        parts.port                                   # raises on a port that is not a number
    except ValueError as error:
        return f"not a web address a browser can open ({error})"
    wanted = " or ".join(f"{s}://" for s in schemes)
    if parts.scheme not in schemes or not value.startswith(parts.scheme + "://"):
        return f"a web address must start with {wanted}"
    if "@" in parts.netloc:
        return (f"a browser would go to {parts.hostname or 'nowhere'}, not to what is written before the @: "
                "a web address names its host alone (no user@ before it)")
    host = (parts.hostname or "").rstrip(".")      # a final dot (issuu.com.) is the same host
    if not host:
        return "no host after " + parts.scheme + "://"
    if not host.isascii():
        return (f"the host {host!r} has letters outside plain a to z, which can look like another site's "
                "name: write the host in plain letters")
    try:
        ipaddress.ip_address(host.strip("[]"))
        return f"the host {host!r} is an IP address: link to the site's name"
    except ValueError:
        pass
    labels = host.split(".")
    if any(label.startswith("xn--") for label in labels):
        return f"the host {host!r} is written in punycode (xn--), which can stand for a look-alike name: check it"
    if not all(_LABEL.fullmatch(label) for label in labels):
        return f"the host {host!r} is not a host name (letters, digits and - between dots)"
    if _suffixes().privatesuffix(host) is None:
        return f"the host {host!r} is not a registrable domain on the public internet"
    if gov_uk and not host.endswith(".gov.uk"):
        return (f"the host {host!r} is not on gov.uk: a council's website comes from GOV.UK's local "
                "links register and ends in .gov.uk")
    return None


# jsonschema formats: name -> the reason a value fails it (None when it passes); schema.py registers them.
FORMATS = {
    "https-address": lambda value: problem(value),
    "source-address": lambda value: problem(value, schemes=("https", "http")),
    "council-website": lambda value: problem(value, gov_uk=True),
}
