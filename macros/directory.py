"""Councils, districts and the lead-officer directory.

A council is keyed by its GSS code. A district resolves to its county, because in two-tier
areas the county holds the leaving-care duty. The directory holds at most one role-based entry
per council; a council without one is shown as a visible gap, never hidden or guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import phonenumbers

from .documents import slug
from .problems import Problem, field_path
from .yamlfile import YamlFile

TYPES = {"CTY": "County council", "UA": "Unitary authority", "MD": "Metropolitan district",
         "LBO": "London borough", "CC": "City of London"}
REVIEW_AFTER_DAYS = 365
EMAIL = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")


@dataclass
class Phone:
    shown: str        # in the usual grouping: 0300 123 6720
    tel: str          # for tel: links: +443001236720


@dataclass
class Entry:
    authority: str
    role: str
    kind: str               # lead-officer | public-line
    team: str | None
    phone: Phone | None
    phone_note: str | None
    out_of_hours: Phone | None
    other_phones: list[tuple[str, Phone]]
    email: str | None
    address: list[str]
    web_page: str | None
    status: str
    as_of: date
    note: str | None
    sources: list[dict]

    def due_for_review(self, today: date) -> bool:
        return (today - self.as_of).days > REVIEW_AFTER_DAYS

    def age_in_months(self, today: date) -> int:
        return (today.year - self.as_of.year) * 12 + today.month - self.as_of.month


@dataclass
class District:
    code: str
    name: str
    official_name: str
    county: str
    website: str


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

    @property
    def url(self) -> str:
        return f"authorities/{self.slug}/"

    @property
    def type_name(self) -> str:
        return TYPES[self.type]


def parse_phone(number: str) -> Phone | None:
    try:
        parsed = phonenumbers.parse(number, "GB")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed) or parsed.country_code != 44:
        return None
    return Phone(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL),
                 phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))


def build_authorities(yf: YamlFile) -> tuple[dict[str, Authority], list[Problem]]:
    problems, out, slugs = [], {}, {}
    for i, raw in enumerate(yf.data["authorities"]):
        path = ("authorities", i)
        if raw["code"] in out:
            problems.append(Problem(yf.path, yf.line_of(path + ("code",)), field_path(path + ("code",)),
                                    f"{raw['code']} is listed twice"))
            continue
        authority = Authority(raw["code"], slug(raw["name"]), raw["dfe_code"], raw["name"], raw["official_name"],
                              raw["type"], raw["region"], raw["region_code"], raw["registry_code"], raw["website"])
        if authority.slug in slugs:
            problems.append(Problem(yf.path, yf.line_of(path + ("name",)), field_path(path + ("name",)),
                                    f"{raw['name']!r} makes the same page address as {slugs[authority.slug]!r}"))
        slugs[authority.slug] = raw["name"]
        out[authority.code] = authority
    return out, problems


def build_districts(yf: YamlFile, authorities: dict[str, Authority]) -> tuple[dict[str, District], list[Problem]]:
    problems, out = [], {}
    for i, raw in enumerate(yf.data["districts"]):
        path = ("districts", i)
        district = District(raw["code"], raw["name"], raw["official_name"], raw["county"], raw["website"])
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
        else:
            county.districts.append(district)
            out[district.code] = district
    return out, problems


def build_directory(yf: YamlFile, authorities: dict[str, Authority], today: date) -> list[Problem]:
    problems = []

    def problem(path, message):
        problems.append(Problem(yf.path, yf.line_of(path), field_path(path), message))

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

        def phone(key_path, number):
            parsed = parse_phone(number)
            if parsed is None:
                problem(key_path, f"{number!r} is not a valid UK phone number")
            return parsed

        phones = {key: phone(path + (key,), raw[key]) for key in ("phone", "out_of_hours") if key in raw}
        others = [(o["label"], phone(path + ("other_phones", j, "number"), o["number"]))
                  for j, o in enumerate(raw.get("other_phones", []))]
        if "email" in raw and not EMAIL.match(raw["email"]):
            problem(path + ("email",), f"{raw['email']!r} is not an email address")
        as_of = date.fromisoformat(raw["as_of"])
        if as_of > today:
            problem(path + ("as_of",), f"{raw['as_of']} is in the future: give the date the details were true")
        if not any(k in raw for k in ("phone", "email", "address", "web_page")):
            problem(path, "an entry needs at least one way to get in touch: phone, email, address or web_page")
        authority.entry = Entry(raw["authority"], raw["role"], raw["kind"], raw.get("team"), phones.get("phone"),
                                raw.get("phone_note"), phones.get("out_of_hours"), others, raw.get("email"),
                                raw.get("address", []), raw.get("web_page"), raw["status"], as_of,
                                raw.get("note"), raw["sources"])
    return problems
