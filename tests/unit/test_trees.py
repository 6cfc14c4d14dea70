"""Decision trees: broken graphs fail with file and line; every journey is a test."""
from __future__ import annotations

from pathlib import Path

import pytest

from macros.core.site import load_site
from tests.support import expect_problem, real_site, tiny_data, tiny_tree

T = "data/trees/tiny.yaml"
ROOT = Path(__file__).resolve().parents[2]




def test_the_tiny_tree_is_valid(tmp_path):
    site = load_site(tiny_tree(tiny_data(tmp_path)))
    tree = site.trees["tiny"]
    assert tree.follow(["receiving", "no"])[1] == "o-unplanned"
    assert tree.parents["o-planned"] == ["q-planned"]


BROKEN = [
    ("dangling-next", "next: o-planned}", "next: o-plannned}",
     (18, "nodes.q-planned.answers[0].next", "no node 'o-plannned'")),
    ("unreachable-node", "next: o-responsible}", "next: o-unplanned}",
     (20, "nodes.o-responsible", "cannot be reached from the start")),
    ("cycle", "next: o-unplanned}", "next: q-side}",
     (19, "nodes.q-planned.answers[1].next", "leads back to the start")),
    ("cycle-between-questions", "      - {id: no, label: No, next: o-unplanned}",
     "      - {id: no, label: No, next: q-planned}",
     (19, "nodes.q-planned.answers[1].next", "leads back to an earlier question")),
    ("missing-citation", "cites: [\"national-protocol:9.1\"], reading: true}\n    deadlines:",
     "cites: [], reading: true}\n    deadlines:",
     (32, "nodes.o-planned.steps[0].cites", "empty list")),
    ("dangling-citation", "text: Interview., cites: [\"national-protocol:9.3\"]",
     "text: Interview., cites: [\"national-protocol:9.9\"]",
     (41, "nodes.o-unplanned.steps[0].cites[0]", "has no paragraph or section 9.9")),
    ("unknown-deadline", "deadline: reply,", "deadline: answer,",
     (32, "nodes.o-planned.steps[0].deadline", "no deadline 'answer'")),
    ("duplicate-answer-id", "{id: no, label: No", "{id: yes-planned, label: No",
     (19, "nodes.q-planned.answers[1].id", "used twice")),
    ("journey-off-the-tree", "answers: [receiving, no]", "answers: [receiving, maybe]",
     (46, "journeys[2].answers", "q-planned has no answer 'maybe'")),
    ("journey-wrong-outcome", "answers: [receiving, no], outcome: o-unplanned", "answers: [receiving, no], outcome: o-planned",
     (46, "journeys[2].outcome", "lead to 'o-unplanned', not 'o-planned'")),
    ("outcome-without-journey", "  - {name: unplanned, answers: [receiving, no], outcome: o-unplanned}\n", "",
     (43, "journeys", "no journey reaches the outcome 'o-unplanned'")),
    ("question-id-for-outcome", "  o-responsible:\n", "  q-responsible:\n",
     (21, "nodes.q-responsible.type", "question ids start q-")),
    ("one-answer-question", "      - {id: responsible, label: Responsible, next: o-responsible}\n", "",
     (11, "nodes.q-side.answers", "too few items: give at least 2")),
]


@pytest.mark.parametrize("case", BROKEN, ids=[c[0] for c in BROKEN])
def test_a_broken_tree_fails_with_file_line_and_field(tmp_path, case):
    _id, old, new, (line, field, words) = case
    root = tiny_tree(tiny_data(tmp_path))
    expect_problem(root, (T, old, new), T, line, field, words)


# The real trees' worked journeys, each a test of its own.
SITE = real_site()
JOURNEYS = [(tree.id, j) for tree in SITE.trees.values() for j in tree.journeys]


@pytest.mark.parametrize("tree_id,journey", JOURNEYS, ids=[f"{t}: {j['name']}" for t, j in JOURNEYS])
def test_journey(tree_id, journey):
    tree = SITE.trees[tree_id]
    _taken, end = tree.follow(journey["answers"])
    assert end == journey["outcome"]
    assert tree.nodes[end]["type"] == "outcome"


def test_the_three_trees_exist_and_journeys_reach_every_outcome():
    assert set(SITE.trees) == {"unplanned-move", "step-down", "charging"}
    for tree in SITE.trees.values():
        reached = {j["outcome"] for j in tree.journeys}
        assert reached == {k for k, _ in tree.outcomes()}, tree.id


def test_every_outcome_cites_and_every_step_says_who():
    for tree in SITE.trees.values():
        for node_id, node in tree.outcomes():
            assert node["cites"], (tree.id, node_id)
            assert all(step["who"] and step["cites"] for step in node["steps"])
