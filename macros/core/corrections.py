"""Corrections: "Is this wrong? Tell us" on every record a reader may find wrong.

Whoever hosts the site names one channel in mkdocs.yml (`extra: corrections:`): a team mailbox
or the https address of a form. A correction names the record and its fields, so whoever reads
it can find the line in data/. With no channel set, pages say so plainly and offer the message
as text to copy: an address is never invented.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlencode

EMAIL = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")


@dataclass(frozen=True)
class Channel:
    kind: str           # email | form | none
    address: str = ""


def channel_from_setting(value) -> tuple[Channel, str | None]:
    """(channel, problem): the setting as written in mkdocs.yml, checked."""
    if value in (None, ""):
        return Channel("none"), None
    if not isinstance(value, str):
        return Channel("none"), "extra.corrections must be a mailbox or an https:// form address"
    value = value.strip()
    if value.startswith("mailto:"):
        value = value[len("mailto:"):]
    if EMAIL.match(value):
        return Channel("email", value), None
    if value.startswith("https://") and " " not in value:
        return Channel("form", value), None
    return Channel("none"), f"extra.corrections: {value!r} is neither a mailbox nor an https:// form address"


@dataclass
class Correction:
    subject: str
    body: str
    href: str | None     # None when no channel is set


def correction(channel: Channel, record: str, fields: list[tuple[str, str]], page_url: str) -> Correction:
    """The message a reader sends about one record: what it is, where, and each field as shown."""
    subject = f"Correction: {record}"
    lines = [f"Record: {record}", f"Page: {page_url}", "", "As shown on the site:"]
    lines += [f"- {name}: {value}" for name, value in fields]
    lines += ["", "What is wrong, and what it should say (with a source, such as a web page):", ""]
    return _message(channel, subject, "\n".join(lines))


def _message(channel: Channel, subject: str, body: str) -> Correction:
    """The message with a link that opens it in the channel; no link when none is set."""
    if channel.kind == "email":
        href = f"mailto:{channel.address}?subject={quote(subject)}&body={quote(body)}"
    elif channel.kind == "form":
        sep = "&" if "?" in channel.address else "?"
        href = channel.address + sep + urlencode({"subject": subject, "body": body})
    else:
        href = None
    return Correction(subject, body, href)


# What a lead officer sends to add or correct their council's entry: plain words, no YAML.
ENTRY_FORM = """Council:
Role people should ask for (not a person's name):
Leaving care team: name, phone, team email, web page, opening hours:
Out-of-hours line: name, phone, hours:
Children's services front door (if callers should use it): name, phone:
How you confirmed these details, and the date they were true:"""


def entry_message(channel: Channel, page_url: str) -> Correction:
    """The message a lead officer sends with their council's details, by the same channel."""
    subject = "Lead officer entry: [your council]"
    return _message(channel, subject, "\n".join([f"Page: {page_url}", "", ENTRY_FORM, ""]))
