"""Councils, districts and the lead-officer directory.

A council is keyed by its GSS code. A district resolves to its county, because in two-tier
areas the county holds the leaving-care duty. The directory holds at most one role-based entry
per council; a council without one is shown as a visible gap, never hidden or guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from macros.directory.contact_lines import Line, best_kind, line_from, ordered, parse_phone, period_end, refused_kind  # noqa: F401
from macros.documents.document import slug
from macros.core.addresses import Place, place_of
from macros.core.problems import Problem, field_path
from macros.core.yamlfile import YamlFile

TYPES = {"CTY": "County council", "UA": "Unitary authority", "MD": "Metropolitan district",
         "LBO": "London borough", "CC": "City of London"}
EMAIL = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")


@dataclass
class RunBy:
    name: str               # the children's trust or company that runs the service
    url: str | None         # its site, only where a source gives it
    source: dict
    read_on: date


_SURE = {"confirmed": 0, "published": 1, "unverified": 2}     # lower is surer


def _key(line) -> tuple:
    return (line.kind, tuple(p.tel for p in line.phones), line.email,
            None if line.phones or line.email else (line.web_page, line.printed_number, line.team))


@dataclass
class Entry:
    authority: str
    kind: str               # lead-officer | public-line
    role: str | None
    note: str | None
    run_by: RunBy | None
    lines: list[Line]       # team first, out of hours second (contact_lines.KINDS)

    @property
    def best_kind(self) -> str | None:
        return best_kind(self.lines)

    def due_lines(self, today: date) -> list[Line]:
        return [line for line in self.lines if line.due_for_review(today)]

    @property
    def distinct_lines(self) -> list[Line]:
        """One line per number, for the lists people ring from (cards, the care leavers' A to Z):
        where several sources give the same kind of line and the same number, the one we are surest
        of (then the one read last) stands for them all, so nobody is shown one number three times.
        The council's own page still lists every source (`lines`)."""
        best: dict[tuple, Line] = {}
        for line in self.lines:
            key = _key(line)
            held = best.get(key)
            if held is None or (_SURE[line.status], held.read_on) < (_SURE[held.status], line.read_on):
                best[key] = line
        kept = [line for line in self.lines if best.get(_key(line)) is line]
        # A switchboard that only repeats a team's number, with nothing to ask for, adds nothing to
        # ring. (Across other kinds
        # a number stays under each: a front door that is also the out-of-hours line says both.)
        teams = {p.tel for line in kept if line.kind != "council-switchboard" for p in line.phones}
        return [line for line in kept if not (line.kind == "council-switchboard" and line.phones and not line.ask_for
                                              and all(p.tel in teams for p in line.phones))]


@dataclass
class District:
    code: str
    name: str
    official_name: str
    county: str
    website: str
    place: Place | None = None      # where its name (and so its key) is written

    @property
    def key(self) -> str:
        """How a district is named in URLs and data beside councils (`to=district-worcester`)."""
        return f"district-{slug(self.name)}"


@dataclass
class OfferPage:
    """One of the council's own local offer pages, as the research found it."""
    url: str
    title: str
    status: str
    date: str            # the date the page states, or "undated"
    read: str            # the day it was read
    evidence: str | None
    caveat: str | None   # why the page is doubtful (ours)

    @property
    def linkable(self) -> bool:
        return self.url.startswith("https://")


@dataclass
class Authority:
    code: str
    slug: str
    dfe_code: str
    name: str
    official_name: str
    type: str
    region: str
    region_code: str
    registry_code: str
    website: str
    districts: list[District] = field(default_factory=list)
    entry: Entry | None = None
    place: Place | None = None      # where its name (and so its slug) is written
    # None: not searched; []: searched and none found
    local_offer_pages: list[OfferPage] | None = None

    @property
    def offer_page(self) -> OfferPage | None:
        """The page to show first: the council's own best page, else a third party's."""
        return self.local_offer_pages[0] if self.local_offer_pages else None

    @property
    def url(self) -> str:
        return f"authorities/{self.slug}/"

    @property
    def type_name(self) -> str:
        return TYPES[self.type]


def build_authorities(yf: YamlFile) -> tuple[dict[str, Authority], list[Problem]]:
    problems, out, slugs = [], {}, {}
    for i, raw in enumerate(yf.data["authorities"]):
        path = ("authorities", i)
        if raw["code"] in out:
            problems.append(Problem(yf.path, yf.line_of(path + ("code",)), field_path(path + ("code",)),
                                    f"{raw['code']} is listed twice"))
            continue
        authority = Authority(raw["code"], slug(raw["name"]), raw["dfe_code"], raw["name"], raw["official_name"],
                              raw["type"], raw["region"], raw["region_code"], raw["registry_code"], raw["website"],
                              place=place_of(yf, path + ("name",)))
        if "local_offer_pages" in raw:
            authority.local_offer_pages = [OfferPage(p["url"], p["title"], p["status"], p["date"], p["read"],
                                                     p.get("evidence"), p.get("caveat"))
                                           for p in raw["local_offer_pages"]]
        if authority.slug in slugs:
            problems.append(Problem(yf.path, yf.line_of(path + ("name",)), field_path(path + ("name",)),
                                    f"{raw['name']!r} makes the same page address as {slugs[authority.slug]!r}"))
        slugs[authority.slug] = raw["name"]
        out[authority.code] = authority
    return out, problems


def build_districts(yf: YamlFile, authorities: dict[str, Authority]) -> tuple[dict[str, District], list[Problem]]:
    problems, out, keys = [], {}, {}
    for i, raw in enumerate(yf.data["districts"]):
        path = ("districts", i)
        district = District(raw["code"], raw["name"], raw["official_name"], raw["county"], raw["website"],
                            place_of(yf, path + ("name",)))
        county = authorities.get(district.county)
        if raw["code"] in out or raw["code"] in authorities:
            problems.append(Problem(yf.path, yf.line_of(path + ("code",)), field_path(path + ("code",)),
                                    f"{raw['code']} is listed twice"))
        elif county is None:
            problems.append(Problem(yf.path, yf.line_of(path + ("county",)), field_path(path + ("county",)),
                                    f"no council with code {district.county} in data/authorities.yaml"))
        elif county.type != "CTY":
            problems.append(Problem(yf.path, yf.line_of(path + ("county",)), field_path(path + ("county",)),
                                    f"{county.name} is not a county council, so it has no districts"))
        elif district.key in keys:      # one card and one page per key: the second would replace the first
            problems.append(Problem(yf.path, yf.line_of(path + ("name",)), field_path(path + ("name",)),
                                    f"{raw['name']!r} makes the same address ({district.key}) as the district at "
                                    f"{keys[district.key].place}: each district needs its own name"))
        else:
            keys[district.key] = district
            county.districts.append(district)
            out[district.code] = district
    return out, problems


STRENGTH = {"unverified": 0, "published": 1, "confirmed": 2}


def _check_line(raw: dict, path: tuple, problem, today: date) -> Line:
    """Check one line's numbers, source and dates; return it modelled (problems go to `problem`)."""
    phones = []
    for j, item in enumerate(raw.get("phones", [])):
        number, label = (item["number"], item["label"]) if isinstance(item, dict) else (item, None)
        where = path + ("phones", j) + (("number",) if isinstance(item, dict) else ())
        if refused_kind(number):
            problem(where, f"{number!r} is {refused_kind(number)}")
            continue
        parsed = parse_phone(number)
        if parsed is None:
            problem(where, f"{number!r} is not a valid UK phone number (if the page prints it incomplete, "
                           "put it under printed_number)")
            continue
        parsed.label = label
        phones.append(parsed)
    printed = raw.get("printed_number")
    if printed is not None:
        if refused_kind(printed):
            problem(path + ("printed_number",), f"{printed!r} is {refused_kind(printed)}")
        elif parse_phone(printed) is not None:
            problem(path + ("printed_number",), f"{printed!r} is a valid UK number: list it under phones")
    if "email" in raw and not EMAIL.match(raw["email"]):
        problem(path + ("email",), f"{raw['email']!r} is not an email address")
    if not any(k in raw for k in ("phones", "printed_number", "email", "web_page")):
        problem(path, "a line needs a way to get in touch: phones, email or web_page")
    if not any(k in raw["source"] for k in ("url", "cites", "file")):
        problem(path + ("source",), "say where the line was read: a url, a file or cites")
    read_on = date.fromisoformat(raw["read_on"])
    if read_on > today:
        problem(path + ("read_on",), f"{raw['read_on']} is in the future: give the day the source was read")
    if "source_date" in raw:
        try:
            start = date(*([int(x) for x in raw["source_date"].split("-")] + [1, 1])[:3])
            if period_end(raw["source_date"]) and start > read_on:
                problem(path + ("source_date",), f"{raw['source_date']} is after the day it was read ({raw['read_on']})")
        except ValueError:
            problem(path + ("source_date",), f"{raw['source_date']!r} is not a real date")
    return line_from(raw, phones, read_on)


def build_directory(yf: YamlFile, authorities: dict[str, Authority], today: date) -> list[Problem]:
    problems = []

    def problem(path, message):
        problems.append(Problem(yf.path, yf.line_of(path), field_path(path), message))

    shared: dict[str, tuple[Line, tuple]] = {}
    users: dict[str, list[Authority]] = {}
    for i, raw in enumerate(yf.data.get("shared_lines", [])):
        path = ("shared_lines", i)
        if raw["id"] in shared:
            problem(path + ("id",), f"{raw['id']} is used twice: one id per shared line")
            continue
        # Checked once, where it is written; each council gets its own copy to carry its status.
        shared[raw["id"]] = (_check_line(raw, path, problem, today), path)
        users[raw["id"]] = []

    first_line: dict[str, int] = {}
    for i, raw in enumerate(yf.data["entries"]):
        path = ("entries", i)
        authority = authorities.get(raw["authority"])
        if authority is None:
            problem(path + ("authority",), f"no council with code {raw['authority']} in data/authorities.yaml")
            continue
        if raw["authority"] in first_line:
            problem(path + ("authority",), f"{authority.name} already has an entry (line "
                                           f"{first_line[raw['authority']]}): one entry per council")
            continue
        first_line[raw["authority"]] = yf.line_of(path + ("authority",))
        lines, groups = [], {}
        for j, line_raw in enumerate(raw["lines"]):
            lpath = path + ("lines", j)
            if "shared" not in line_raw:
                lines.append(_check_line(line_raw, lpath, problem, today))
                if line_raw.get("conflict"):
                    groups.setdefault(line_raw["conflict"], []).append(lines[-1])
                continue
            if line_raw["shared"] not in shared:
                problem(lpath + ("shared",), f"no shared line with id {line_raw['shared']} under shared_lines")
                continue
            held = shared[line_raw["shared"]][0]
            line = replace(held, conflicts=[], shared_with=[])
            if "status" in line_raw:
                if STRENGTH[line_raw["status"]] > STRENGTH[held.status]:
                    problem(lpath + ("status",), f"{line_raw['status']} is stronger than the shared line's "
                                                f"{held.status}: a council's status may only be weaker")
                line.status = line_raw["status"]
            line.note, line.shared_id = line_raw.get("note"), line_raw["shared"]
            users[line_raw["shared"]].append(authority)
            lines.append(line)
            if line_raw.get("conflict"):
                groups.setdefault(line_raw["conflict"], []).append(line)
        for name, group in groups.items():
            if len(group) < 2:
                problem(path + ("lines",), f"conflict {name!r} marks one line only: mark every line whose sources disagree")
            for line in group:
                line.conflicts = [other for other in group if other is not line]
        run_by = None
        if "run_by" in raw:
            rb = raw["run_by"]
            if not any(k in rb["source"] for k in ("url", "cites", "file")):
                problem(path + ("run_by", "source"), "say where this was read: a url, a file or cites")
            run_by = RunBy(rb["name"], rb.get("url"), rb["source"], date.fromisoformat(rb["read_on"]))
        if not lines and run_by is None:
            problem(path + ("lines",), "an entry needs at least one line (or who runs the service)")
        authority.entry = Entry(raw["authority"], raw["kind"], raw.get("role"), raw.get("note"), run_by, ordered(lines))
    for line_id, councils in users.items():
        if not councils:
            problem(shared[line_id][1] + ("id",), f"shared line {line_id} is not used by any entry")
        for a in councils:
            for line in a.entry.lines:
                if line.shared_id == line_id:
                    line.shared_with = sorted(c.name for c in councils if c is not a)
    return problems
