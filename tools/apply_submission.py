"""From a submission to the data: read one correction, lead officer's entry or local offer item and
write it into the right data file, then run the data checks.

A submission is the body of an issue opened with one of the site's issue forms
(.github/ISSUE_TEMPLATE/: "### Label" then the answer) or a message sent to the site's mailbox
("Label: answer" lines, as the site prefills them). Both use the labels in
macros/core/corrections.py FORMS, so one reader serves both.

What is written: the details sent, the submitter's source (its web address and the date it gives),
today as the day it was read, and the status the maintainer gives (--status): `confirmed` when the
council confirmed the details, `published` when the maintainer saw them on the council's own page,
`unverified` otherwise. The tool never decides a status itself.

Refused, with a plain message and nothing written: a mobile number, a personal email address, a
missing or non-https source, an unknown council, HTML or Markdown in any answer, an unknown kind of
line or help, a lead officer's entry without the sender's agreement to publish it, and anything the
data checks refuse after writing (then every file is put back as it was).

Run:  .venv/bin/python tools/apply_submission.py --status published submission.md
      (or - to read standard input; --today YYYY-MM-DD to fix the day, for tests)
Documented for maintainers in docs-dev/corrections.md.
"""
from __future__ import annotations

import argparse
import copy
import io
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from ruamel.yaml import YAML  # noqa: E402
from ruamel.yaml.comments import CommentedMap, CommentedSeq  # noqa: E402
from ruamel.yaml.scalarstring import DoubleQuotedScalarString as Q  # noqa: E402

from macros.core.corrections import FORMS, LINE_KINDS  # noqa: E402
from macros.core.text_rules import find_markup  # noqa: E402
from macros.directory.contact_lines import ASK_FOR_TEAM, KIND_LABELS, is_mobile, parse_phone  # noqa: E402
from macros.documents.document import slug  # noqa: E402

STATUSES = ("confirmed", "published", "unverified")
NO_RESPONSE = "_No response_"          # what GitHub writes for an empty optional field
# Free mailbox providers: an address there is a person's, never a council team's.
PERSONAL_DOMAINS = {"gmail.com", "googlemail.com", "hotmail.com", "hotmail.co.uk", "outlook.com", "live.com",
                    "live.co.uk", "msn.com", "yahoo.com", "yahoo.co.uk", "icloud.com", "me.com", "aol.com",
                    "btinternet.com", "sky.com", "virginmedia.com", "talktalk.net", "protonmail.com", "proton.me",
                    "gmx.com", "gmx.co.uk", "mail.com", "ymail.com"}
# A local part like "jane.smith" or "j.smith" is a person's; team mailboxes use words like these.
TEAM_WORDS = {"care", "leaving", "leavers", "team", "service", "services", "duty", "hub", "enquiries", "enquiry",
              "info", "contact", "children", "childrens", "social", "pathway", "pathways", "aftercare", "support",
              "advice", "office", "admin", "edt", "emergency", "front", "door", "mash", "referrals", "youth",
              "young", "people", "corporate", "parenting", "offer", "local", "council", "customer", "housing",
              "help", "out", "hours", "ooh", "next", "steps", "plus", "16plus", "transitions", "through"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class Refused(Exception):
    """The submission cannot be applied: every reason, in plain words."""

    def __init__(self, reasons: list[str]):
        super().__init__("\n".join(reasons))
        self.reasons = reasons


# ---- reading a submission ------------------------------------------------------------------------

def parse(text: str) -> tuple[str, dict[str, str]]:
    """(form name, {field id: answer}) from an issue form's body or a mailbox message."""
    labels = {f.label.lower(): (name, f.id) for name, form in FORMS.items() for f in form.fields}
    answers: dict[str, list[str]] = {}
    current = None
    issue_form = re.search(r"^### ", text, re.M) is not None
    for raw in text.replace("\r\n", "\n").split("\n"):
        if issue_form:
            heading = re.match(r"^###\s+(.+?)\s*$", raw)
            if heading:
                current = labels.get(heading.group(1).lower())
                if current:
                    answers.setdefault(current[1] + "|" + current[0], [])
                continue
        else:
            label, colon, rest = raw.partition(":")
            if colon and label.strip().lower() in labels:
                current = labels[label.strip().lower()]
                answers.setdefault(current[1] + "|" + current[0], []).append(rest.strip())
                continue
        if current:
            answers.setdefault(current[1] + "|" + current[0], []).append(raw)
    # Which form: the one whose labels the submission uses most (its own fields decide a tie).
    scores: dict[str, int] = {}
    for key in answers:
        scores[key.split("|")[1]] = scores.get(key.split("|")[1], 0) + 1
    distinct = {"correction": "wrong", "entry": "line_kind", "offer": "entitlement"}
    found = [name for name, fid in distinct.items() if f"{fid}|{name}" in answers]
    if len(found) != 1:
        raise Refused(["this is not one of the site's forms: a correction has “What is wrong”, a lead officer's "
                       "entry “Kind of line”, a local offer item “Kind of help”"])
    name = found[0]
    values = {}
    for f in FORMS[name].fields:
        lines = answers.get(f"{f.id}|{name}", [])
        # A label shared by two forms (Council, Page) was filed under the first form that has it.
        for other in FORMS:
            if not lines and f"{f.id}|{other}" in answers:
                lines = answers[f"{f.id}|{other}"]
        value = "\n".join(lines).strip()
        values[f.id] = "" if value == NO_RESPONSE else value
    return name, values


# ---- checking the answers ------------------------------------------------------------------------

def personal_email(address: str) -> bool:
    local, _, domain = address.lower().rpartition("@")
    if domain in PERSONAL_DOMAINS:
        return True
    words = [w for w in re.split(r"[._-]", local) if w]
    return len(words) == 2 and all(w.isalpha() for w in words) and not (set(words) & TEAM_WORDS)


@dataclass
class Checked:
    reasons: list[str] = field(default_factory=list)

    def need(self, ok: bool, reason: str) -> bool:
        if not ok:
            self.reasons.append(reason)
        return ok


def check_answers(form: str, values: dict[str, str], check: Checked) -> None:
    for f in FORMS[form].fields:
        problem = find_markup(values.get(f.id, "")) if f.id not in ("shown",) else None
        if problem and "HTML" in problem:
            check.reasons.append(f"{f.label}: HTML is not accepted: write plain text")
        elif problem and f.id not in ("shown", "consent"):     # the agreement is never written: an issue
            check.reasons.append(f"{f.label}: {problem}")        # form sends it as Markdown, "- [X] I agree…"
    source = values.get("source", "")
    if check.need(bool(source), "no source: say where the details are published (a web address, https://…); "
                                "nothing is changed without one"):
        check.need(re.fullmatch(r"https://[^\s<>\"]+", source) is not None,
                   f"the source {source!r} is not a web address starting with https://: give the page "
                   "where the details are published")
    if values.get("source_date"):
        check.need(DATE.match(values["source_date"]) is not None,
                   f"the source's date {values['source_date']!r} is not a date like 2026-11-30 (or 2026-11, or 2026)")
    for number in split_phones(values.get("phones", "")):
        if is_mobile(number):
            check.reasons.append(f"{number} is a mobile number: the directory shows a team's or council's line, "
                                 "never a mobile")
        elif parse_phone(number) is None:
            check.reasons.append(f"{number!r} is not a UK phone number")
    email = values.get("email", "")
    if email:
        if check.need(re.fullmatch(r"[^@\s<>\"]+@[^@\s<>\"]+\.[a-z]{2,}", email, re.I) is not None,
                      f"{email!r} is not an email address"):
            check.need(not personal_email(email), f"{email} looks like a person's email: the directory shows a "
                                                  "team mailbox only (for example leaving.care@council.gov.uk)")
    web = values.get("web_page", "")
    if web:
        check.need(re.fullmatch(r"https://[^\s<>\"]+", web) is not None,
                   f"the web page {web!r} does not start with https://")


def split_phones(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"[,;/]| or ", text) if p.strip()]


# ---- the data files ------------------------------------------------------------------------------

def yaml() -> YAML:
    y = YAML()
    y.preserve_quotes = True
    y.width = 10 ** 6
    y.indent(mapping=2, sequence=4, offset=2)
    return y


def load(path: Path):
    return yaml().load(path.read_text(encoding="utf-8"))


def dump(data) -> str:
    out = io.StringIO()
    yaml().dump(data, out)
    return out.getvalue()


def find_council(root: Path, name: str, districts: bool = False) -> tuple[str, str, str] | None:
    """(GSS code, name, page slug) of a council (or a district council) named as written."""
    wanted = name.strip().lower()
    if not wanted:
        return None
    rows = [("authority", r) for r in load(root / "data" / "authorities.yaml")["authorities"]]
    if districts:
        rows += [("district", r) for r in load(root / "data" / "districts.yaml")["districts"]]
    names = {r["name"] for kind, r in rows if kind == "authority"}
    for kind, r in rows:
        forms = {r["code"].lower(), r["name"].lower(), str(r.get("official_name", "")).lower(), slug(r["name"])}
        if wanted in forms or slug(wanted) == slug(r["name"]):
            page = slug(r["name"]) if kind == "authority" or r["name"] not in names else f"{slug(r['name'])}-district"
            return r["code"], r["name"], page
    return None


def kind_words(line) -> str:
    label = KIND_LABELS[line["kind"]]
    return f"{label}: ask for the leaving care team" if line["kind"] in ASK_FOR_TEAM and not line.get("ask_for") else label


def source_of(values: dict[str, str], evidence: str) -> CommentedMap:
    return CommentedMap([("evidence", Q(evidence)), ("url", Q(values["source"]))])


def line_fields(line: CommentedMap, values: dict[str, str], status: str, today: date, evidence: str,
                sent: str) -> None:
    """The details sent, the submitter's source and today's date, into one directory line.

    `submitted` (entry or correction) marks the line as sent, so tools/import_contacts.py keeps it;
    a line read from research or the seeds that a submission overwrites is kept under `replaces`
    as it was (the older source, with its status), so both sides stay recorded and the import does
    not add that research line again."""
    if "source" in line and "submitted" not in line:
        was = CommentedMap((key, copy.deepcopy(line[key])) for key in REPLACED if key in line)
        in_order(was, REPLACED)
        line["replaces"] = was
    if values.get("phones"):
        phones = CommentedSeq([Q(parse_phone(p).shown) for p in split_phones(values["phones"])])
        phones.fa.set_flow_style()
        line["phones"] = phones
        line.pop("printed_number", None)
    for key in ("email", "web_page", "hours"):
        if values.get(key):
            line[key] = Q(values[key])
    line["status"] = Q(status)
    line["source"] = source_of(values, evidence)
    if values.get("source_date"):
        line["source_date"] = Q(values["source_date"])
    else:
        line.pop("source_date", None)
    line["read_on"] = Q(today.isoformat())
    line.pop("check", None)            # our reason to check the old source: a new source answers it
    line["submitted"] = Q(sent)
    in_order(line, LINE_ORDER)


# A line's fields in the order the entry format lists them (docs/lead-officers/entry-format.md);
# tools/import_contacts.py writes a sent line back in the same order.
LINE_ORDER = ("kind", "team", "phones", "printed_number", "email", "web_page", "hours", "ask_for", "for_group",
              "status", "source", "source_date", "read_on", "check", "conflict", "submitted", "replaces")
# What a submission may overwrite on a line: kept under `replaces` as it was.
REPLACED = ("phones", "printed_number", "email", "web_page", "hours", "status", "source", "source_date", "read_on",
            "check")


def in_order(mapping: CommentedMap, order: tuple[str, ...]) -> None:
    """Put the known keys in the format's order, in place; any other key keeps its place at the end."""
    keys = sorted(mapping, key=lambda k: order.index(k) if k in order else len(order))
    for position, key in enumerate(keys):
        if list(mapping)[position] != key:
            value = mapping.pop(key)
            mapping.insert(position, key, value)


def apply_correction(root: Path, values: dict[str, str], status: str, today: date) -> dict[Path, str]:
    check = Checked()
    council = find_council(root, values.get("council", ""))
    check.need(council is not None, f"unknown council {values.get('council')!r}: write its name as on its page "
                                     "on the site, for example “Lancashire”")
    check.need(any(values.get(k) for k in ("phones", "email", "web_page", "hours")),
               "no right details: give the right phone number, team email, web page or opening hours")
    if check.reasons or council is None:
        raise Refused(check.reasons)
    path = root / "data" / "lead-officers.yaml"
    data = load(path)
    entry = next((e for e in data["entries"] if e["authority"] == council[0]), None)
    record = values.get("record", "")
    target = None
    for line in (entry or {}).get("lines", []):
        if "shared" in line:
            shared = next(s for s in data.get("shared_lines", []) if s["id"] == line["shared"])
            if record == f"{council[1]}: {kind_words(shared)}, {shared['team']}":
                raise Refused([f"{record} is one line shared by several councils (shared_lines: {shared['id']}): "
                               "edit it by hand in data/lead-officers.yaml, for every council it serves"])
            continue
        if record == f"{council[1]}: {kind_words(line)}, {line['team']}":
            target = line
    if target is None:
        raise Refused([f"no line of {council[1]} is {record!r}: this tool corrects the lines on a council's page "
                       "(use the “Is this wrong?” beside the line); anything else is edited by hand"])
    line_fields(target, values, status, today,
                f"Sent as a correction on {today.isoformat()}: {one_line(values.get('wrong', ''))}", "correction")
    return {path: dump(data)}


def apply_entry(root: Path, values: dict[str, str], status: str, today: date) -> dict[Path, str]:
    check = Checked()
    council = find_council(root, values.get("council", ""))
    check.need(council is not None, f"unknown council {values.get('council')!r}: write its name as on its page "
                                     "on the site, for example “Lancashire”")
    kind = LINE_KINDS.get(values.get("line_kind", ""))
    check.need(kind is not None, f"unknown kind of line {values.get('line_kind')!r}: one of {', '.join(LINE_KINDS)}")
    check.need(bool(values.get("team")), "no team name: give the team's name as the council's page gives it")
    check.need(any(values.get(k) for k in ("phones", "email", "web_page")),
               "no way in: give the team's phone number, team email or web page")
    check.need(re.search(r"\[x\]|^\s*(yes|i agree)", values.get("consent", ""), re.I | re.M) is not None,
               "the sender has not agreed to these details being public (Agreement): ask them to agree first")
    if check.reasons or council is None or kind is None:
        raise Refused(check.reasons)
    path = root / "data" / "lead-officers.yaml"
    data = load(path)
    entry = next((e for e in data["entries"] if e["authority"] == council[0]), None)
    if entry is None:
        entry = CommentedMap([("authority", council[0]), ("kind", "public-line"), ("lines", CommentedSeq())])
        data["entries"].append(entry)
    if status == "confirmed":
        # Only a council's own confirmation makes the entry its lead officer's.
        entry["kind"] = "lead-officer"
    if values.get("role") and "role" in entry:
        entry["role"] = Q(values["role"])
    elif values.get("role"):
        entry.insert(2, "role", Q(values["role"]))       # after authority and kind, as the format shows
    line = next((ln for ln in entry["lines"] if ln.get("kind") == kind and ln.get("team") == values["team"]), None)
    if line is None:
        line = CommentedMap([("kind", Q(kind)), ("team", Q(values["team"]))])
        entry["lines"].append(line)
    line_fields(line, values, status, today,
                f"Sent by the council's lead officer on {today.isoformat()}, with the page named as its source", "entry")
    return {path: dump(data)}


def parse_value(text: str) -> tuple[object, str]:
    """(value, unit) from "£3,000", "£20 a week", "100%", "yes", or words."""
    t = text.strip()
    low = t.lower()
    money = re.fullmatch(r"£\s*([\d,]+(?:\.\d{1,2})?)\s*(a week|per week|/\s*week|weekly)?", low)
    if money:
        number = float(money.group(1).replace(",", ""))
        number = int(number) if number.is_integer() else number
        return number, "GBP-per-week" if money.group(2) else "GBP"
    percent = re.fullmatch(r"(\d+(?:\.\d+)?)\s*%", low)
    if percent:
        number = float(percent.group(1))
        return (int(number) if number.is_integer() else number), "percent"
    if low in ("yes", "no"):
        return low, "yes-no"
    return t, "text"


def parse_ages(text: str) -> dict[str, int]:
    low = text.lower()
    both = re.search(r"(\d{1,2})\s*(?:to|-|–|until)\s*(\d{1,2})", low)
    if both:
        return {"age_from": int(both.group(1)), "age_to": int(both.group(2))}
    upto = re.search(r"(?:up to|until|to|under)\s*(?:age\s*)?(\d{1,2})", low)
    if upto:
        return {"age_to": int(upto.group(1))}
    start = re.search(r"(?:from|over)\s*(?:age\s*)?(\d{1,2})|(\d{1,2})\s*(?:and over|\+)", low)
    if start:
        return {"age_from": int(start.group(1) or start.group(2))}
    return {}


def apply_offer(root: Path, values: dict[str, str], status: str, today: date) -> dict[Path, str]:
    check = Checked()
    council = find_council(root, values.get("council", ""), districts=True)
    check.need(council is not None, f"unknown council {values.get('council')!r}: write its name as on the site, "
                                     "for example “Lancashire” or “Preston”")
    catalogue = load(root / "data" / "entitlements.yaml")["entitlements"]
    wanted = values.get("entitlement", "").strip().lower()
    ent = next((e for e in catalogue if wanted in (e["id"], e["name"].lower())), None)
    check.need(ent is not None, f"unknown kind of help {values.get('entitlement')!r}: use a name from "
                                "/local-offers/send-a-correction/, for example “Setting up home allowance”")
    check.need(ent is None or ent["id"] != "other", "an item of kind “other” needs its own words: add it by hand")
    value, unit = parse_value(values.get("value", ""))
    if check.need(bool(values.get("value")), "no amount: give the amount, or yes or no") and ent is not None:
        check.need(unit in ent["kinds"], f"{values['value']!r} is not a kind of value {ent['name']} takes "
                                         f"({', '.join(ent['kinds'])})")
    ages = parse_ages(values.get("ages", ""))
    check.need(not values.get("ages") or bool(ages), f"ages {values.get('ages')!r}: write them like “18 to 25” or “up to 21”")
    if check.reasons or council is None or ent is None:
        raise Refused(check.reasons)
    path = root / "data" / "offers" / f"{council[2]}.yaml"
    if path.exists():
        data = load(path)
    else:
        data = yaml().load(f"# {council[1]}: local offer for care leavers, from submissions (tools/apply_submission.py).\n"
                           "# Schema: macros/schemas/offers.schema.json; entitlement ids: data/entitlements.yaml\n"
                           f"council: {council[0]}\nitems: []\n")
        data["items"] = CommentedSeq()
    item = CommentedMap([("entitlement", Q(ent["id"])), ("value", Q(value) if isinstance(value, str) else value),
                         ("unit", Q(unit)), *ages.items(), ("applies_to", Q("not stated"))])
    for key in ("who", "conditions"):
        if values.get(key):
            item[key] = Q(values[key])
    src = CommentedMap([("url", Q(values["source"]))])
    if values.get("source_title"):
        src["title"] = Q(values["source_title"])
    src.update([("date", Q(values.get("source_date") or "undated")), ("read", Q(today.isoformat())),
                ("status", Q(status)), ("evidence", Q(f"Sent as a local offer item on {today.isoformat()}"))])
    item["source"] = src
    items = data["items"]
    old = next((i for i, it in enumerate(items) if it["entitlement"] == ent["id"] and it["applies_to"] == "not stated"), None)
    if old is None:
        items.append(item)
    else:
        # Both sides of a disagreement are kept: the new source leads, the old one stays beside it.
        before = items[old]
        others = CommentedSeq(before.get("other_sources") or [])
        if before["source"].get("url") != values["source"]:
            others.insert(0, CommentedMap((k, v) for k, v in before.items() if k not in ("entitlement", "what", "other_sources")))
        if others:
            item["other_sources"] = others
        items[old] = item
    return {path: dump(data)}


def one_line(text: str) -> str:
    return " ".join(text.split()) or "no reason given"


APPLY = {"correction": apply_correction, "entry": apply_entry, "offer": apply_offer}


def apply(root: Path, text: str, status: str, today: date) -> list[Path]:
    """Write the submission into data/ and run the data checks; put everything back if they fail."""
    form, values = parse(text)
    check = Checked()
    check_answers(form, values, check)
    if check.reasons:
        raise Refused(check.reasons)
    writes = APPLY[form](root, values, status, today)
    before = {path: (path.read_text(encoding="utf-8") if path.exists() else None) for path in writes}
    for path, content in writes.items():
        path.write_text(content, encoding="utf-8")
    from macros.core.problems import DataError
    from macros.core.site import load_site
    try:
        load_site(root, today)
    except DataError as err:
        for path, content in before.items():
            if content is None:
                path.unlink()
            else:
                path.write_text(content, encoding="utf-8")
        raise Refused(["the data checks refused the result, so nothing was changed:", err.report()]) from None
    return list(writes)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Apply a correction, a lead officer's entry or a local offer "
                                                 "item (an issue form's body or a mailbox message) to data/.")
    parser.add_argument("submission", help="a file holding the issue's body or the message, or - for standard input")
    parser.add_argument("--status", required=True, choices=STATUSES,
                        help="confirmed: the council confirmed it; published: you saw it on the council's own page; "
                             "unverified: neither yet")
    parser.add_argument("--today", type=date.fromisoformat, default=None, help="the day it was read (default: today)")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    text = sys.stdin.read() if args.submission == "-" else Path(args.submission).read_text(encoding="utf-8")
    try:
        written = apply(args.root, text, args.status, args.today or date.today())
    except Refused as err:
        print("Not applied, nothing was written:", file=sys.stderr)
        for reason in err.reasons:
            print(f"- {reason}", file=sys.stderr)
        return 1
    for path in written:
        print(f"Written: {path.relative_to(args.root).as_posix()} (the data checks pass). Review it with git diff.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
