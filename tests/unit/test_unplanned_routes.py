"""The unplanned-move tree says what the protocol says (review 2026-11: H1, M2-M5, M11, L7, L12,
L24, R2-R4, R9). Each test holds one finding, so a later edit that brings it back fails."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.support import real_site


ROOT = Path(__file__).resolve().parents[2]
TREE = real_site().trees["unplanned-move"]
NODES = TREE.nodes
OUTCOMES = dict(TREE.outcomes())
RECEIVING = [n for n in OUTCOMES if n.startswith("o-receiving-")]
UNPLANNED = ["o-receiving-unplanned", "o-responsible-unplanned"]
ALREADY_LIVING = ["o-receiving-already-living", "o-responsible-already-living"]


def lines(node, keys=("steps", "who_pays", "record", "notes")):
    for key in keys:
        yield from node.get(key, [])


def cites(line, number):
    return f"national-protocol:{number}" in line["cites"]


def answer(question, answer_id):
    return next(a for a in NODES[question]["answers"] if a["id"] == answer_id)


@pytest.mark.parametrize("node_id", [n for n, o in OUTCOMES.items()
                                     if any("charg" in w["text"].lower() for w in o.get("who_pays", []))])
def test_h1_a_charge_is_negotiated_and_agreed_where_charging_is_mentioned(node_id):
    pays = OUTCOMES[node_id]["who_pays"]
    assert any(cites(w, "7") and "by agreement" in w["text"] for w in pays)
    assert any(cites(w, "8.8") and "nil cost" in w["text"] and "negotiate" in w["text"] for w in pays)
    # no line gives a bare "may charge" without the negotiation
    assert not any(re.search(r"\bmay charge\b", w["text"]) for w in pays)


@pytest.mark.parametrize("node_id", list(OUTCOMES))
def test_l7_every_refund_of_costs_keeps_immediate(node_id):
    node = OUTCOMES[node_id]
    texts = [node["summary"]] + [line["text"] for line in lines(node)]
    for text in texts:
        if "reasonable costs" in text:
            assert "immediate reasonable costs" in text, text


@pytest.mark.parametrize("node_id", RECEIVING)
def test_m2_receiving_outcomes_state_the_utmost_and_minimum_standard(node_id):
    assert any(cites(line, "8.1") and "utmost" in line["text"] and "minimum standard" in line["text"]
               for line in lines(OUTCOMES[node_id]))


@pytest.mark.parametrize("node_id", list(OUTCOMES))
def test_m2_discretion_is_only_for_young_people_from_other_authorities(node_id):
    for line in lines(OUTCOMES[node_id]):
        if cites(line, "8.9") and "cannot" in line["text"]:
            assert "for young people from other authorities" in line["text"], line["text"]


def test_m2_receiving_unplanned_has_comparable_services_and_quick_response():
    node = OUTCOMES["o-receiving-unplanned"]
    assert any(cites(line, "8.7") for line in lines(node))
    assert any(cites(line, "5.3") and "respond quickly" in line["text"] for line in lines(node))


def test_m3_m4_responsible_unplanned_notifies_acts_promptly_and_keeps_delivering():
    node = OUTCOMES["o-responsible-unplanned"]
    assert any(cites(s, "5.2") and "has moved" in s["text"] for s in node["steps"])
    assert any(cites(s, "8.11") and s["who"] == "both" and "promptly" in s["text"] for s in node["steps"])
    assert any(cites(s, "8.1") and s["who"] == "responsible authority" and "directly" in s["text"]
               for s in node["steps"])
    assert any(cites(n, "4.2") and "core duties" in n["text"] for n in node["notes"])


def test_m5_the_6_3_count_start_is_our_reading():
    node = OUTCOMES["o-dispute"]
    (deadline,) = node["deadlines"]
    assert "our reading" in deadline["from"]
    assert any(n.get("reading") and cites(n, "6.3") and "does not say when" in n["text"] for n in node["notes"])


@pytest.mark.parametrize("node_id", UNPLANNED)
def test_9_3_count_start_is_our_reading(node_id):
    assert "our reading" in OUTCOMES[node_id]["deadlines"][0]["from"]


@pytest.mark.parametrize("question", ["q-receiving-situation", "q-responsible-situation"])
def test_m11_r3_already_living_has_its_own_route_without_a_deadline(question):
    target = answer(question, "already-living")["next"]
    assert target in ALREADY_LIVING
    node = OUTCOMES[target]
    assert not node.get("deadlines")
    assert not any(s.get("deadline") for s in node["steps"])
    assert any(n.get("reading") and "sets no deadline" in n["text"] for n in node["notes"])


def test_l12_the_receiving_authority_is_not_the_one_who_refers_a_complaint():
    node = OUTCOMES["o-complaint"]
    assert not any(s["who"] == "receiving authority" for s in node["steps"])
    assert any(n.get("reading") and "directly" in n["text"] for n in node["notes"])


def test_l19_a_local_protocol_both_accept_can_apply_in_place():
    assert "in place of this one" in TREE.covers and "may add to" not in TREE.covers


@pytest.mark.parametrize("node_id", UNPLANNED + ["o-receiving-planned"])
def test_l24_the_young_person_is_involved_and_kept_informed(node_id):
    assert any(cites(s, "8.2") and "informed at all times" in s["text"] for s in OUTCOMES[node_id]["steps"])


def test_r2_a_planned_move_without_help_notifies_and_plans():
    node = OUTCOMES[answer("q-responsible-situation", "planned-direct")["next"]]
    for number in ("5.2", "8.2", "8.10", "8.1"):
        assert any(cites(s, number) for s in node["steps"]), number
    assert not node.get("deadlines")


@pytest.mark.parametrize("question", ["q-receiving-situation", "q-responsible-situation"])
def test_r4_other_disagreements_go_to_the_lead_officers_with_no_deadline(question):
    node = OUTCOMES[answer(question, "other-disagreement")["next"]]
    assert node is not OUTCOMES["o-dispute"]
    assert any(cites(s, "5.1") for s in node["steps"])
    assert not node.get("deadlines")
    assert any(n.get("reading") and "sets no deadline" in n["text"] for n in node["notes"])


@pytest.mark.parametrize("node_id", UNPLANNED)
def test_r9_silence_on_a_young_person_who_does_not_intend_to_stay_is_said(node_id):
    assert any(n.get("reading") and "does not intend to stay" in n["text"] and "silent" in n["text"]
               for n in OUTCOMES[node_id]["notes"])


def test_every_reading_says_so_in_its_words():
    for node in OUTCOMES.values():
        for line in list(lines(node)) + node.get("deadlines", []):
            if line.get("reading"):
                assert line["text"].startswith("Our reading:"), line["text"]


# Accuracy review 2026-12 (issue 17): routing gaps R1, R2, R3, R8 and finding L1.

def test_r1_a_notice_with_no_request_has_its_own_answer_and_no_reply_deadline():
    notified = answer("q-receiving-situation", "notified")
    assert notified["next"] == "o-receiving-notified"
    node = OUTCOMES["o-receiving-notified"]
    assert not node.get("deadlines")                       # 9.1's 4 weeks are for requests only
    assert any(cites(line, "5.3") for line in lines(node)) and any(cites(line, "8.1") for line in lines(node))
    assert any(line.get("reading") and cites(line, "9.1") and "request" in line["text"] for line in node["notes"])
    assert any(j["outcome"] == "o-receiving-notified" for j in TREE.journeys)


def test_r2_no_information_after_an_unplanned_move_has_a_route():
    other = answer("q-receiving-situation", "other-disagreement")
    assert "has not sent information or agreed a review" in other["label"]
    assert any(cites(n, "9.3") and "as much information as possible immediately" in n["text"]
               for n in OUTCOMES["o-disagreement"]["notes"])


def test_r3_the_review_count_needs_a_day_the_young_person_presented():
    notes = OUTCOMES["o-responsible-unplanned"]["notes"]
    assert any(n.get("reading") and cites(n, "5.2") and "cannot be counted" in n["text"] for n in notes)


def test_r8_the_tree_says_the_protocol_was_for_england():
    assert "England" in TREE.covers and "Wales" in TREE.covers


def test_l1_every_receiving_outcome_keeps_the_right_to_decide_what_it_offers():
    for node_id in ("o-receiving-unplanned", "o-receiving-planned", "o-receiving-notified"):
        assert any(cites(n, "8.9") and "which services you can, and cannot" in n["text"]
                   for n in OUTCOMES[node_id]["notes"]), node_id
