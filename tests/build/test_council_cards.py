"""One card per council and district (data/councils/<slug>.json, macros/directory/cards.py): the
only per-council files the planner, the tree outcomes and the care leavers' page fetch."""
from __future__ import annotations

import json
import re
from pathlib import Path

from macros.directory.contact_lines import parse_phone
from tests.support import real_site

ROOT = Path(__file__).resolve().parents[2]
SITE = real_site()
INCOMPLETE = ("0300 555 137", "023 8254 545")      # Hampshire, Southampton (test_directory_pages.py)


def cards(built_site) -> dict[str, dict]:
    return {f.stem: json.loads(f.read_text(encoding="utf-8")) for f in (built_site / "data" / "councils").glob("*.json")}


def test_one_card_set_one_card_per_council_and_district(built_site):
    found = cards(built_site)
    assert set(found) == {a.slug for a in SITE.authorities.values()} | {d.key for d in SITE.districts.values()}
    assert not (built_site / "data" / "planner").exists()          # the planner's old second set
    for slug, card in found.items():
        assert card["slug"] == slug
        if "county" in card:                                        # a district resolves to its county
            assert "lines" not in card and "lines" in found[card["county"]]


def test_every_line_keeps_its_kind_status_source_and_date_in_the_entrys_order(built_site):
    found = cards(built_site)
    for a in SITE.authorities.values():
        card = found[a.slug]
        assert card["page"] == a.url and card["website"] == a.website
        if not a.entry:
            assert card["lines"] == [] and "kind" not in card       # "No lead officer registered yet"
            continue
        assert card["kind"] == a.entry.kind
        assert [(x["kind"], x["team"], x["status"], x["source"], x["read_on"], x["source_date"]) for x in card["lines"]] \
            == [(li.kind, li.team, li.status, li.source_text(), li.read_on.isoformat(), li.source_date) for li in a.entry.distinct_lines]
        for x, li in zip(card["lines"], a.entry.distinct_lines):
            assert x["incomplete"] == li.incomplete and x["due"] == li.due_for_review(SITE.today)
            assert all(parse_phone(tel) for _label, _shown, tel in x["phones"]), (a.slug, x["phones"])


def test_an_incomplete_number_is_never_in_a_card(built_site):
    text = "".join(f.read_text(encoding="utf-8") for f in (built_site / "data" / "councils").glob("*.json"))
    flagged = [c for c in cards(built_site).values() if any(x.get("incomplete") for x in c.get("lines", []))]
    assert {c["name"] for c in flagged} >= {"Hampshire", "Southampton"}
    for printed in INCOMPLETE:
        digits = printed.replace(" ", "")
        # whole numbers only: Hampshire's full duty manager line 0300 555 1373 begins with the same digits
        found = [f for f in (printed, digits, "+44" + digits[1:]) if re.search(re.escape(f) + r"(?![0-9 ]*[0-9])", text)]
        assert not found, found
