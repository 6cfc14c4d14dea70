"""Import: the research's contact lines (November's contacts.csv, December's contacts-2026-12.csv)
-> the public lines in data/lead-officers.yaml.

Re-runnable: the output depends only on the files, so importing the same files again changes
nothing. The hand-written entries above the IMPORTED marker (Lancashire and Worcestershire, from
the seed documents) are kept as they are; everything below the marker is rewritten, so change an
imported line here (HAND) or in the research copy, not in the YAML. Lines tools/apply_submission.py
wrote (`submitted`) are kept; one that `replaces` a research line takes its place (sent_lines,
with_sent; docs-dev/corrections.md).

What it does, and why (sources/research/contacts-notes.md, notes-2026-12.md):
- one line per CSV row, with the row's own source, status, source date and evidence; read on
  the day its file was gathered (FILES);
- a row printing two numbers ("a / b", "a or b") gives one line with both numbers; a number the
  page abbreviates ("020 8461 7373 / 7379") is not completed by us: the full one is the phone and
  its label quotes the page; "option 2" after a number becomes its label;
- a line whose source says it differs from, or conflicts with, another line of the same kind for
  the same council is kept beside it, both marked with the same `conflict`;
- a row whose evidence doubts it (a page from before a council was reorganised, a number the
  research doubts, a voluntary-sector page) gets a `check` in our words;
- a row the import cannot read stops it with the file and line; nothing is written;
- a number that fails the UK check is kept only as printed_number: the site never shows it as a
  phone (Hampshire out of hours, Southampton Pathways duty);
- a mobile number stops the import: the directory never holds one;
- a line printed identically (team, number, source page) for several councils is held once under
  shared_lines; a council whose row is weaker (unverified) keeps its own weaker status;
- the conflicts the notes name are kept as two lines marked with the same `conflict`;
- pages from before a council was reorganised, and archived copies, get a `check` (ours);
- children's trusts and companies the notes name become `run_by`, linked only where the
  research gives the trust's own site.
Run: .venv/bin/python tools/import_contacts.py
"""
from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.core.problems import Problem, field_path  # noqa: E402
from macros.core.yamlfile import read_yaml  # noqa: E402
from macros.directory.contact_lines import is_mobile, parse_phone  # noqa: E402
from tools.apply_submission import LINE_ORDER, REPLACED  # noqa: E402
from tools.research_rows import BadRow, read_rows  # noqa: E402

RESEARCH = ROOT / "sources" / "research"
FILES = [("contacts.csv", "2026-11-22"), ("contacts-2026-12.csv", "2026-12-04")]
NOTES = "sources/research/contacts-notes.md"
DATA = ROOT / "data" / "lead-officers.yaml"
MARKER = "  # ---- IMPORTED from sources/research/contacts.csv by tools/import_contacts.py: edit above, or re-run ----"
READ_ON = "2026-11-22"
# Hand additions kept across imports: (council, mailbox or number) -> fields.
HAND = {("E06000015", "cicplacementnotification@derby.gov.uk"): {
    "ask_for": "For councils placing a child in Derby: they email this mailbox before and after a placement "
               "(the council's page).", "for_group": True}}
# Rows whose evidence doubts them: our reason to check (first match of each kind).
DOUBTS = [
    (r"predates|pre-20[0-9][0-9]|pre-BCP|pre-split|predecessor|county now split|Dorset County Council era",
     "the page is from before the council was reorganised"),
    (r"DOUBT|may be (old|out of date|superseded|sup)|likely superseded|number may be old",
     "the research doubts this number is still current"),
    (r"[Vv]oluntary-sector|voluntary sector", "the page is a voluntary-sector page, not the council's"),
]
# A row whose evidence says it differs from or conflicts with another line of its kind.
DIFFERS = re.compile(r"\bDIFFERS?\b|\bCONFLICTS?\b|\bconflicts with\b|\bdiffers from\b", re.I)
SLUG = {"leaving-care-team": "leaving-care-team", "children-services-front-door": "front-door",
        "emergency-duty-out-of-hours": "out-of-hours", "council-switchboard": "switchboard"}


STRENGTH = {"unverified": 0, "published": 1, "confirmed": 2}

# Conflicts the notes name: (council, number) -> the conflict slug both lines share.
CONFLICTS = {("E06000004", "01642 524552"): "out-of-hours", ("E06000043", "01273 295555"): "out-of-hours",
             ("E06000043", "01273 335905"): "out-of-hours"}
# A number the notes give with no row of its own: Stockton's EDT "on another" council page.
EXTRA_LINES = {
    "E06000004": [{
        "kind": "emergency-duty-out-of-hours", "team": "Emergency Duty Team", "phones": ["08702 402994"],
        "status": "unverified", "conflict": "out-of-hours",
        "source": {"evidence": "The notes say Stockton's EDT appears as 01642 524552 on one council page and "
                               "08702 402994 on another; that other page is not recorded.",
                   "title": "Leaving Care Atlas research notes on contacts", "file": NOTES},
        "check": "the page this number came from is not recorded",
    }],
}
# Pages from before a council was reorganised, or archived copies: our reason to check.
CHECKS = [
    ("northamptonshire.gov.uk", "the page is on the former Northamptonshire County Council site (before 2021); "
                                "the county is now two councils"),
    ("buckscc.gov.uk", "the page is on the former Buckinghamshire County Council site, from before the council was "
                       "reorganised (before 2020)"),
    ("old-iwight.onthewight.com", "the page is an archived copy of an old council page"),
]
# Children's trusts and companies the notes name. A link only where the research gives the site.
TRUST_EVIDENCE = ("The notes: 'Trusts and companies run the service in many places', naming Birmingham, Sandwell, "
                  "Doncaster, Bradford and Northamptonshire children's trusts; Sunderland (Together for Children); "
                  "Kingston, Richmond and Windsor & Maidenhead (Achieving for Children); Reading (Brighter Futures "
                  "for Children); Slough (Slough Children First).")
TRUSTS = {
    "E08000025": ("Birmingham’s children’s trust", None), "E08000028": ("Sandwell’s children’s trust", None),
    "E08000017": ("Doncaster’s children’s trust", None),
    "E08000032": ("Bradford Children and Families Trust", "https://www.bradfordcft.org.uk/"),
    "E06000061": ("Northamptonshire’s children’s trust", None), "E06000062": ("Northamptonshire’s children’s trust", None),
    "E08000024": ("Together for Children", "https://togetherforchildren.org.uk/"),
    "E09000021": ("Achieving for Children", None), "E09000027": ("Achieving for Children", None),
    "E06000040": ("Achieving for Children", None), "E06000038": ("Brighter Futures for Children", None),
    "E06000039": ("Slough Children First", None),
}


def q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def phones_of(printed: str, where: str) -> tuple[list, str | None]:
    """('01724 296500 / 08081 689667 (freephone)') -> phones; or the incomplete number as printed."""
    if not printed:
        return [], None
    option = re.match(r"^(.*?),?\s+((?:option|press)\s.+)$", printed, re.I)
    body, option = (option.group(1), option.group(2).lower()) if option else (printed, None)
    out, short = [], []
    for part in re.split(r"\s*/\s*|\s+or\s+", body):
        m = re.match(r"^(.*?)\s*\((.+)\)$", part.strip())
        number, label = (m.group(1), m.group(2)) if m else (part.strip(), None)
        number = number.replace("-", " ")     # "0161-253-5678": the same digits, spaced as the schema wants
        if is_mobile(number):
            raise BadRow(f"{where}: {number} is a mobile number: the directory never holds one")
        if re.fullmatch(r"[0-9 ]{1,6}", number):      # the page's short form of another number
            short.append(number)
            continue
        if parse_phone(number) is None:
            if body != printed or len(re.split(r"\s*/\s*|\s+or\s+", body)) != 1:
                raise BadRow(f"{where}: {number} fails the UK check inside a list of numbers: decide by hand")
            return [], number
        out.append({"number": number, "label": label} if label else number)
    if option or short:
        first = out[0]["number"] if isinstance(out[0], dict) else out[0]
        words = option if option and not short else f"the page prints \u201c{printed}\u201d"
        out[0] = {"number": first, "label": words}
    return out, None


def line_of(row: dict, where: str) -> dict:
    phones, printed = phones_of(row["phone"], where)
    line = {"kind": row["line_kind"], "team": row["team"]}
    if phones:
        line["phones"] = phones
    if printed:
        line["printed_number"] = printed
    for key, col in (("email", "email"), ("web_page", "web_page"), ("hours", "opening_hours")):
        if row[col]:
            line[key] = row[col]
    for key in ("email", "phone"):
        line.update(HAND.get((row["gss_code"], row[key]), {}) if row[key] else {})
    line["status"] = row["status"]
    line["source"] = {"evidence": row["evidence"], "title": row["source_title"], "url": row["source_url"]}
    if row["source_date"]:
        line["source_date"] = row["source_date"]
    checks = [why for host, why in CHECKS if host in row["source_url"]]
    # A host check already says the page predates the council; the doubts add what it does not.
    checks += [why for n, (pattern, why) in enumerate(DOUBTS) if re.search(pattern, row["evidence"])
               and not (n == 0 and checks)]
    if checks:
        line["check"] = "; ".join(checks)
    if (row["gss_code"], row["phone"]) in CONFLICTS:
        line["conflict"] = CONFLICTS[(row["gss_code"], row["phone"])]
    elif row.get("conflict"):
        line["conflict"] = row["conflict"]
    line["read_on"] = row["read"]
    return line


ORDER = ("id", "kind", "team", "phones", "printed_number", "email", "web_page", "hours", "ask_for", "for_group",
         "status", "source", "source_date", "check", "conflict")
SOURCE_ORDER = ("evidence", "title", "url", "file", "cites")


def emit(line: dict, indent: str, first: str = "- ", order: tuple | None = None) -> list[str]:
    """A line as YAML, keys in the schema's order (read_on last); a line a submission wrote, in
    apply_submission's order (`order`), every key of it, so nothing sent is dropped."""
    out, lead, inner = [], indent + first, indent + " " * len(first) + "  "
    if order:
        unknown = sorted(set(line) - set(order)) + sorted(set(line.get("source") or {}) - set(SOURCE_ORDER))
        if unknown:
            raise BadRow(f"data/lead-officers.yaml: a line sent for {line.get('team')!r} has "
                         f"{', '.join(unknown)}, which the import does not know how to keep: move it by hand")
    for key in order or ORDER:
        if key not in line:
            continue
        value = line[key]
        if key == "phones":
            items = [q(p) if isinstance(p, str) else "{number: %s, label: %s}" % (q(p["number"]), q(p["label"]))
                     for p in value]
            out.append(f"{lead}phones: [{', '.join(items)}]")
        elif key == "source":
            out.append(f"{lead}source:")
            for k in SOURCE_ORDER:
                if value.get(k):
                    out.append(f"{inner}{k}: {q(value[k])}")
        elif key == "replaces":
            out.append(f"{lead}replaces:")
            out += emit(value, inner, "", REPLACED)
        else:
            out.append(f"{lead}{key}: {q(value)}")
        lead = indent + " " * len(first)
    if not order:
        out.append(f"{lead}read_on: {q(line.get('read_on', READ_ON))}")
    return out


# ---- what a submission wrote (tools/apply_submission.py), kept across imports ----------------------
# A line marked `submitted` is kept where the import rewrites; one that `replaces` a research line
# takes that line's place, and the research line is not written again (its values stay recorded
# under `replaces`). Evidence as apply_submission wrote it before `submitted` existed:
SENT_EVIDENCE = ("Sent by the council's lead officer", "Sent as a correction")


def sent_lines(data: Path) -> tuple[dict[str, list[dict]], dict[str, dict]]:
    """({council: lines marked `submitted`, in file order}, {council: kind and role of its entry}),
    from the parts of the file the import rewrites: below the marker, and below the hand mark of
    a hand-written entry. Lines written by hand above those marks are left where they are."""
    shown = "data/" + data.name
    yf, problems = read_yaml(data, shown)
    if problems:
        raise BadRow("; ".join(str(p) for p in problems))
    text = data.read_text(encoding="utf-8").split("\n")
    marker = text.index(MARKER) + 1 if MARKER in text else len(text) + 1
    marks = [n + 1 for n, row in enumerate(text) if row == HAND_MARK]
    sent, heads = defaultdict(list), {}
    for i, entry in enumerate(yf.data.get("entries") or []):
        start = yf.line_of(("entries", i))
        for j, line in enumerate(entry.get("lines") or []):
            at = yf.line_of(("entries", i, "lines", j))
            if start < marker and not any(start < m < at for m in marks):
                continue                       # written by hand: the import keeps it as it is
            if line.get("submitted"):
                sent[entry["authority"]].append(line)
            elif str((line.get("source") or {}).get("evidence", "")).startswith(SENT_EVIDENCE):
                where = ("entries", i, "lines", j)
                raise BadRow(str(Problem(shown, at, field_path(where), "sent through the site (its evidence says so) "
                                         "but not marked `submitted: entry` or `submitted: correction`: mark it "
                                         "(a correction with the line it replaced under `replaces`), so the import "
                                         "keeps it and does not add the replaced line again")))
        if start > marker:
            heads[entry["authority"]] = {k: entry[k] for k in ("kind", "role") if k in entry}
    return sent, heads


def was(line: dict) -> dict:
    """The line as it was before a submission overwrote it."""
    old = {k: v for k, v in line.items() if k not in REPLACED + ("submitted", "replaces")}
    return {**old, **line["replaces"]}


def same_as(line: dict) -> dict:
    """What identifies a line: its values, not where its conflict is marked."""
    out = {}
    for key, value in line.items():
        if isinstance(value, dict):
            value = {k: v for k, v in value.items() if v not in (None, "", [])}
        if key != "conflict" and value not in (None, "", [], {}):
            out[key] = value
    return out


def near(line: dict) -> tuple:
    """A looser identity: kind, team, numbers, mailbox, page and where it was read (evidence reworded)."""
    source = line.get("source") or {}
    phones = [p["number"] if isinstance(p, dict) else p for p in line.get("phones", [])]
    return (line.get("kind"), line.get("team"), phones, line.get("printed_number"), line.get("email"),
            line.get("web_page"), source.get("url"), source.get("file"))


def with_sent(items: list[tuple], sent: list[dict], indent: str) -> list[str]:
    """A council's imported lines, items of (line or None, its YAML), with what was sent: a line that
    replaces a research line takes its place (the same line exactly, else the one line with the same
    numbers, page and team); the others follow in the order they were sent."""
    items, tail = list(items), []
    for line in sent:
        spot = None
        if "replaces" in line:
            old, free = was(line), [(n, it[0]) for n, it in enumerate(items) if it[0] is not None]
            exact = [n for n, cand in free if same_as(cand) == same_as(old)]
            close = [n for n, cand in free if near(cand) == near(old)]
            spot = exact[0] if exact else (close[0] if len(close) == 1 else None)
        if spot is None:
            tail.append(emit(line, indent, order=LINE_ORDER))
        else:
            items[spot] = (None, emit(line, indent, order=LINE_ORDER))
    return [row for _, block in items for row in block] + [row for block in tail for row in block]


def checked_rows(research: Path, files=FILES) -> list[dict]:
    """Every row of every file (research_rows), refused with its file and line if it cannot be read."""
    rows = read_rows(research, files)
    for row in rows:
        if row["status"] not in STRENGTH:
            raise BadRow(f"{row['where']}: status {row['status']!r}: published, unverified or confirmed")
        if row["line_kind"] not in SLUG:
            raise BadRow(f"{row['where']}: line_kind {row['line_kind']!r} is not one the directory knows")
    return rows


def mark_conflicts(rows: list[dict]) -> None:
    """Where a row says it differs from another line of its kind, every line of that kind for that
    council with a different number is marked with the same conflict (both stand; the newer shows first)."""
    by_kind = defaultdict(list)
    for r in rows:
        by_kind[(r["gss_code"], r["line_kind"])].append(r)
    for (code, kind), group in by_kind.items():
        numbers = {re.sub(r"[^0-9]", "", r["phone"]) for r in group if r["phone"]}
        if len(numbers) > 1 and any(DIFFERS.search(r["evidence"]) for r in group):
            for r in group:
                if (code, r["phone"]) not in CONFLICTS:
                    r["conflict"] = SLUG[kind]


HAND_MARK = "      # imported by tools/import_contacts.py (re-run it rather than editing below, up to the next entry)"


def hand_written(kept: str, rows: list[dict], sent: dict[str, list[dict]]) -> tuple[str, set]:
    """The hand-written part, with imported lines for its councils (and what was sent below the hand
    mark) put at the end of their entries."""
    head, sep, body = kept.partition("\nentries:\n")
    blocks = re.split(r"(?m)^(?=  - authority: )", body)
    done = set()
    for n, block in enumerate(blocks):
        m = re.match(r"  - authority: (E[0-9]{8})", block)
        if not m:
            continue
        code = m.group(1)
        mine = [r for r in sorted(rows, key=lambda r: r["read"], reverse=True) if r["gss_code"] == code]
        block = block.split("\n" + HAND_MARK)[0].rstrip("\n")
        if mine or sent.get(code):
            items = [(line, emit(line, "      ")) for line in (line_of(r, r["where"]) for r in mine)]
            block += "\n" + "\n".join([HAND_MARK] + with_sent(items, sent.get(code, []), "      "))
            done.add(code)
        blocks[n] = block + "\n\n"
    return head + sep + "".join(blocks).rstrip("\n"), done


def imported(rows: list[dict], sent: dict | None = None, heads: dict | None = None,
             names: dict | None = None) -> list[str]:
    """The YAML below the marker, for every row (newer files' rows first within a council), with the
    lines a submission wrote (sent) and the kind and role it gave an entry (heads)."""
    sent, heads = sent or {}, heads or {}
    mark_conflicts(rows)
    names = {**{c: n for c, n in (names or {}).items() if c in sent}, **{r["gss_code"]: r["council"] for r in rows}}
    # Held once: the same team, number and page for more than one council.
    same = defaultdict(list)
    for r in rows:
        same[(r["team"], r["phone"], r["source_url"])].append(r)
    shared, shared_ids = [], {}
    for (team, phone, _url), group in same.items():
        if len({r["gss_code"] for r in group}) < 2:
            continue
        line_id = re.sub(r"[^a-z0-9]+", "-", team.lower()).strip("-")
        if any(other["id"] == line_id for other in shared):
            line_id += "-" + re.sub(r"[^0-9]", "", phone)
        strongest = max(group, key=lambda r: STRENGTH[r["status"]])
        line = line_of(strongest, strongest["where"])
        line.pop("conflict", None)     # a conflict belongs to a council's use of the line
        evidence = []
        for r in group:
            if r["evidence"] not in evidence:
                evidence.append(r["evidence"])
        line["source"]["evidence"] = "; ".join(evidence)
        shared.append({"id": line_id, **line})
        for r in group:
            shared_ids[id(r)] = (line_id, line["status"])

    by_council = defaultdict(list)
    for r in sorted(rows, key=lambda r: r["read"], reverse=True):
        by_council[r["gss_code"]].append(r)
    out = [MARKER]
    for code in sorted(set(by_council) | set(TRUSTS) | set(sent), key=lambda c: names.get(c, c)):
        head = heads.get(code, {})
        out += [f"  - authority: {code}        # {names.get(code, '')}".rstrip(),
                f"    kind: {head.get('kind', 'public-line')}"]
        if head.get("role"):
            out.append(f"    role: {q(head['role'])}")
        if code in TRUSTS:
            name, url = TRUSTS[code]
            trust_row = next((r for r in by_council.get(code, []) if url and urlsplit(url).hostname.split(".")[-3:]
                              == urlsplit(r["source_url"]).hostname.split(".")[-3:]), None)
            out.append("    run_by:")
            out.append(f"      name: {q(name)}")
            if url:
                out.append(f"      url: {q(url)}")
            out.append("      source:")
            if trust_row:
                out += [f"        evidence: {q(trust_row['evidence'])}", f"        title: {q(trust_row['source_title'])}",
                        f"        url: {q(trust_row['source_url'])}"]
            else:
                out += [f"        evidence: {q(TRUST_EVIDENCE)}",
                        f"        title: {q('Leaving Care Atlas research notes on contacts')}",
                        f"        file: {NOTES}"]
            out.append(f"      read_on: {q(READ_ON)}")
        items = []           # (a line a correction may replace, or None for a shared one; its YAML)
        for r in by_council.get(code, []):
            if id(r) in shared_ids:
                line_id, status = shared_ids[id(r)]
                block = [f"      - shared: {line_id}"]
                if STRENGTH[r["status"]] < STRENGTH[status]:
                    block += [f"        status: {r['status']}", f"        note: {q(r['evidence'])}"]
                if r.get("conflict"):
                    block.append(f"        conflict: {r['conflict']}")
                items.append((None, block))
                continue
            line = line_of(r, r["where"])
            items.append((line, emit(line, "      ")))
        for extra in EXTRA_LINES.get(code, []):
            items.append(({**extra, "read_on": extra.get("read_on", READ_ON)}, emit(extra, "      ")))
        body = with_sent(items, sent.get(code, []), "      ")
        out.append("    lines:" + ("" if body else " []"))
        out += body
    out.append("")
    out.append("# Lines several councils share, held once (imported; see contacts-notes.md, 'Shared lines').")
    out.append("shared_lines:")
    for line in shared:
        out += emit(line, "  ")
    return out


def main(research: Path = RESEARCH, data: Path = DATA, files=FILES) -> int:
    text = data.read_text(encoding="utf-8")
    kept = text.split(MARKER)[0].rstrip("\n").split("\n# Lines several councils share")[0].rstrip("\n")
    try:
        rows = checked_rows(research, files)
        mark_conflicts(rows)
        sent, heads = sent_lines(data)
        kept, done = hand_written(kept, rows, sent)
        names = {}
        if (research / "authorities.csv").exists():       # a council with only a sent entry
            names = {r["gss_code"]: r["name"] for r in read_rows(research, [("authorities.csv", "")])}
        out = imported([r for r in rows if r["gss_code"] not in done],
                       {c: v for c, v in sent.items() if c not in done}, heads, names)
    except BadRow as bad:
        print(f"import stopped, nothing written: {bad}", file=sys.stderr)
        return 1
    new = kept + "\n\n" + "\n".join(out) + "\n"
    if new != text:
        data.write_text(new, encoding="utf-8")
    print(f"{len(rows)} rows -> {len({r['gss_code'] for r in rows})} councils")
    return 0


if __name__ == "__main__":
    sys.exit(main())
