"""Corrections: "Is this wrong?" on every record a reader may find wrong, and who runs the site.

Whoever hosts the site names one channel in mkdocs.yml (`extra: corrections:`): a team mailbox,
the https address of a form, or a repository's issue forms (`github: owner/repo` or
`gitlab: group/project`). A message names the record and its fields, so whoever reads it can find
the line in data/. With no channel set, pages say so plainly and offer the message as text to
copy: an address is never invented.

The three kinds of message (a correction, a lead officer's entry, a local offer item) have the
same fields, in the same words, in the issue forms (.github/ISSUE_TEMPLATE/, kept the same by
tests/unit/test_issue_forms.py), in the mailbox message, and in what tools/apply_submission.py
reads back: FORMS below is the one list of them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from macros.core import web_address

EMAIL = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
REPO = {"github": re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]{1,100}$"),
        "gitlab": re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)+$")}
HOSTS = {"github": "https://github.com", "gitlab": "https://gitlab.com"}
HOST_NAMES = {"github": "GitHub", "gitlab": "GitLab"}


@dataclass(frozen=True)
class Field:
    id: str          # the issue form's field id: the key in a prefilled address
    label: str       # the words a reader sees, in the form and in the mailbox message


@dataclass(frozen=True)
class Form:
    file: str        # .github/ISSUE_TEMPLATE/<file>
    title: str       # the start of the title / the message's subject
    fields: tuple[Field, ...]

    def label(self, field_id: str) -> str:
        return next(f.label for f in self.fields if f.id == field_id)


FORMS = {
    "correction": Form("correction.yml", "Correction: ", (
        Field("council", "Council"),
        Field("record", "What it is about"),
        Field("shown", "As shown on the site"),
        Field("page", "Page"),
        Field("wrong", "What is wrong"),
        Field("phones", "The right phone number"),
        Field("email", "The right team email"),
        Field("web_page", "The right web page"),
        Field("hours", "The right opening hours"),
        Field("source", "Where the right version is published"),
        Field("source_date", "The date that page or document gives"),
    )),
    "entry": Form("lead-officer-entry.yml", "Lead officer entry: ", (
        Field("council", "Council"),
        Field("role", "Role people should ask for"),
        Field("line_kind", "Kind of line"),
        Field("team", "Team name"),
        Field("phones", "Phone number"),
        Field("email", "Team email"),
        Field("web_page", "Web page"),
        Field("hours", "Opening hours"),
        Field("source", "Where these details are published, or how we can check them"),
        Field("source_date", "The date that page or document gives"),
        Field("consent", "Agreement"),
    )),
    "offer": Form("local-offer-item.yml", "Local offer: ", (
        Field("council", "Council"),
        Field("entitlement", "Kind of help"),
        Field("shown", "As shown on the site"),
        Field("page", "Page"),
        Field("value", "Amount, or yes or no"),
        Field("ages", "Ages"),
        Field("who", "Who it is for"),
        Field("conditions", "Conditions"),
        Field("source", "Where it is published"),
        Field("source_title", "Title of that page or document"),
        Field("source_date", "The date that page or document gives"),
    )),
}

# The kinds of line a lead officer may send (the form's dropdown), in the directory's own words.
LINE_KINDS = {"Leaving care team": "leaving-care-team", "Out of hours": "emergency-duty-out-of-hours",
              "Children's services front door": "children-services-front-door"}


@dataclass(frozen=True)
class Channel:
    kind: str           # email | form | github | gitlab | none
    address: str = ""   # the mailbox, the form's address, or owner/repo

    @property
    def words(self) -> str:
        """How the channel is named on a page: the reader sees where a link takes them."""
        if self.kind == "email":
            return f"an email to {self.address}"
        if self.kind in HOSTS:
            return f"a new issue on {HOST_NAMES[self.kind]} ({self.address})"
        if self.kind == "form":
            return "a form on another website"
        return ""

    @property
    def caveat(self) -> str:
        """What a reader must know before sending: an issue needs an account and is public at once."""
        if self.kind in HOSTS:
            return (f"You need a {HOST_NAMES[self.kind]} account to send it, and what you send there is public "
                    "as soon as you send it.")
        return ""


def channel_from_setting(value) -> tuple[Channel, str | None]:
    """(channel, problem): the setting as written in mkdocs.yml, checked."""
    if value in (None, ""):
        return Channel("none"), None
    if isinstance(value, dict):
        if len(value) != 1 or next(iter(value)) not in REPO:
            return Channel("none"), "extra.corrections: write one of github: owner/repo or gitlab: group/project"
        kind, repo = next(iter(value.items()))
        repo = str(repo or "").strip().strip("/")
        if not REPO[kind].match(repo):
            return Channel("none"), f"extra.corrections.{kind}: {repo!r} is not a repository (owner/name)"
        return Channel(kind, repo), None
    if not isinstance(value, str):
        return Channel("none"), "extra.corrections must be a mailbox, an https:// form address or github: owner/repo"
    value = value.strip()
    if value.startswith("mailto:"):
        value = value[len("mailto:"):]
    if EMAIL.match(value):
        return Channel("email", value), None
    if value.startswith("https://"):
        why = web_address.problem(value)
        return (Channel("none"), f"extra.corrections: {value!r}: {why}") if why else (Channel("form", value), None)
    return Channel("none"), f"extra.corrections: {value!r} is neither a mailbox nor an https:// form address"


@dataclass(frozen=True)
class Publisher:
    name: str = ""
    address: str = ""    # a mailbox or an https:// page

    @property
    def href(self) -> str | None:
        if EMAIL.match(self.address):
            return "mailto:" + self.address
        return self.address or None


def publisher_from_setting(value) -> tuple[Publisher, str | None]:
    """(publisher, problem): `extra: publisher:` as a name, or {name, address}."""
    if value in (None, ""):
        return Publisher(), None
    if isinstance(value, str):
        return Publisher(value.strip()), None
    if not isinstance(value, dict) or set(value) - {"name", "address"} or not str(value.get("name") or "").strip():
        return Publisher(), "extra.publisher: write name: (who runs the site) and address: (a mailbox or https:// page)"
    name, address = str(value["name"]).strip(), str(value.get("address") or "").strip()
    if address.startswith("mailto:"):
        address = address[len("mailto:"):]
    if address and not EMAIL.match(address):
        why = web_address.problem(address) if address.startswith("https://") else "neither a mailbox nor an https:// address"
        if why:
            return Publisher(), f"extra.publisher.address: {address!r}: {why}"
    if "<" in name or "&" in name:
        return Publisher(), "extra.publisher.name: plain words only"
    return Publisher(name, address), None


def setting_advice(channel: Channel, publisher: Publisher) -> list[str]:
    """What `make check` tells whoever hosts the site to set, in mkdocs.yml."""
    advice = []
    if channel.kind == "none":
        advice.append("no corrections channel is set: readers cannot send a correction or an entry. In mkdocs.yml "
                      "set extra: corrections: to a team mailbox, an https:// form, or github: owner/repo "
                      "(docs-dev/corrections.md)")
    if not publisher.name:
        advice.append("no publisher is named: /about/, the accessibility statement and every correction panel say "
                      "so. In mkdocs.yml set extra: publisher: name: (who runs the site) and address: (a mailbox "
                      "or https:// page)")
    return advice


@dataclass
class Correction:
    subject: str
    body: str
    href: str | None     # None when no channel is set


def correction(channel: Channel, record: str, fields: list[tuple[str, str]], page_url: str,
               council: str = "") -> Correction:
    """The message a reader sends about one record: what it is, where, and each field as shown."""
    shown = "\n".join(f"- {name}: {value}" for name, value in fields)
    return message(channel, "correction", record, {"council": council, "record": record, "shown": shown,
                                                   "page": page_url})


def offer_correction(channel: Channel, council: str, entitlement: str, fields: list[tuple[str, str]],
                     page_url: str) -> Correction:
    """A correction to one local offer item: the offer form, with the council and the kind of help."""
    shown = "\n".join(f"- {name}: {value}" for name, value in fields)
    return message(channel, "offer", f"{council}: {entitlement}",
                   {"council": council, "entitlement": entitlement, "shown": shown, "page": page_url})


def entry_message(channel: Channel, council: str = "") -> Correction:
    """The message a lead officer sends with their council's details, by the same channel."""
    return message(channel, "entry", council or "[your council]", {"council": council})


def message(channel: Channel, form_name: str, about: str, values: dict[str, str]) -> Correction:
    """One message in the words of its form: every field's label, the known ones filled in."""
    form = FORMS[form_name]
    subject = form.title + about
    body = "\n".join(_line(f.label, values.get(f.id, "")) for f in form.fields) + "\n"
    return Correction(subject, body, _href(channel, form, subject, body, values))


def _line(label: str, value: str) -> str:
    """"Label: value"; a value of several lines starts on its own line, so each label starts one."""
    if not value:
        return f"{label}:"
    return f"{label}:\n{value}" if "\n" in value else f"{label}: {value}"


def _href(channel: Channel, form: Form, subject: str, body: str, values: dict[str, str]) -> str | None:
    """The address that opens the message in the channel; none when no channel is set."""
    if channel.kind == "email":
        return f"mailto:{channel.address}?subject={quote(subject)}&body={quote(body)}"
    if channel.kind == "form":
        sep = "&" if "?" in channel.address else "?"
        return channel.address + sep + urlencode({"subject": subject, "body": body})
    if channel.kind == "github":
        # GitHub fills an issue form's fields from the address, by each field's id.
        query = {"template": form.file, "title": subject, **{k: v for k, v in values.items() if v}}
        return f"{HOSTS['github']}/{channel.address}/issues/new?{urlencode(query)}"
    if channel.kind == "gitlab":
        # GitLab has no issue forms: the whole message goes in the description.
        query = {"issue[title]": subject, "issue[description]": body}
        return f"{HOSTS['gitlab']}/{channel.address}/-/issues/new?{urlencode(query)}"
    return None
