"""Decision trees: routing only, checked as a graph when loaded.

Checks what a schema cannot: every `next` exists, every node is reachable, no cycles, every
path ends in an outcome, deadlines named by steps exist, and every worked journey follows real
answers to the outcome it names, with the journeys together reaching every outcome.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from macros.core.addresses import place_of
from macros.core.problems import Problem, field_path
from macros.core.yamlfile import YamlFile


@dataclass
class Tree:
    id: str
    title: str
    for_whom: str
    covers: str
    have_to_hand: list[str]
    start: str
    nodes: dict[str, dict]          # node id -> node as in the data (plus nothing else)
    journeys: list[dict]
    tables: list[dict]
    between_councils: bool
    file: str
    parents: dict[str, list[str]] = field(default_factory=dict)
    depth: dict[str, int] = field(default_factory=dict)
    places: dict = field(default_factory=dict)     # id and node ids -> Place, for page addresses

    @property
    def url(self) -> str:
        return f"decisions/{self.id}/"

    def node_url(self, node_id: str) -> str:
        return f"decisions/{self.id}/{node_id}/"

    def own_council(self, node_id: str) -> str | None:
        """Which of the two councils is the practitioner's own on this page ("from" or "to"), once
        they have said which council they work for; None before that, or in a tree that never asks."""
        role = {"receiving": "to", "responsible": "from"}
        start = self.nodes[self.start]
        return next((role[a["id"]] for a in start.get("answers", [])
                     if a["next"] == node_id and a["id"] in role), None) if self.between_councils else None

    @property
    def remembers(self) -> bool:
        """Whether a page of this tree offers to remember the practitioner's own council."""
        return any(self.own_council(a["next"]) for a in self.nodes[self.start].get("answers", []))

    def questions(self):
        return [(k, n) for k, n in self.nodes.items() if n["type"] == "question"]

    def outcomes(self):
        return [(k, n) for k, n in self.nodes.items() if n["type"] == "outcome"]

    def follow(self, answers: list[str]) -> tuple[list[tuple[str, dict]], str]:
        """Replay answer ids from the start: ([(question id, answer)], node reached).

        Raises ValueError naming the first answer that does not fit."""
        node_id, taken = self.start, []
        for answer_id in answers:
            node = self.nodes[node_id]
            if node["type"] != "question":
                raise ValueError(f"{node_id} is an outcome, but answers remain ({answer_id!r}…)")
            match = next((a for a in node["answers"] if a["id"] == answer_id), None)
            if match is None:
                options = ", ".join(a["id"] for a in node["answers"])
                raise ValueError(f"{node_id} has no answer {answer_id!r} (answers: {options})")
            taken.append((node_id, match))
            node_id = match["next"]
        return taken, node_id


def build_tree(yf: YamlFile) -> tuple[Tree, list[Problem]]:
    data = yf.data
    problems: list[Problem] = []

    def problem(path, message):
        problems.append(Problem(yf.path, yf.line_of(path), field_path(path), message))

    tree = Tree(data["id"], data["title"], data["for"], data["covers"], data["have_to_hand"],
                data["start"], data["nodes"], data["journeys"], data.get("tables", []),
                bool(data.get("between_councils")), yf.path)
    tree.places = {"": place_of(yf, ("id",)), **{n: place_of(yf, ("nodes", n)) for n in data["nodes"]}}
    if not yf.path.endswith(f"/{tree.id}.yaml"):
        problem(("id",), f"the id {tree.id!r} must match the file name ({tree.id}.yaml)")
    nodes = tree.nodes
    if tree.start not in nodes:
        problem(("start",), f"no node {tree.start!r} in nodes")
        return tree, problems
    if nodes[tree.start]["type"] != "question":
        problem(("start",), "the tree must start with a question")

    for node_id, node in nodes.items():
        kind_ok = node_id.startswith("q-") == (node["type"] == "question")
        if not kind_ok:
            problem(("nodes", node_id, "type"), "question ids start q-, outcome ids start o-")
        if node["type"] == "question":
            seen: dict[str, int] = {}
            for i, answer in enumerate(node["answers"]):
                path = ("nodes", node_id, "answers", i)
                if answer["id"] in seen:
                    problem(path + ("id",), f"answer id {answer['id']!r} is used twice in this question")
                seen[answer["id"]] = i
                if answer["next"] not in nodes:
                    problem(path + ("next",), f"no node {answer['next']!r} in this tree")
                elif answer["next"] == tree.start:
                    problem(path + ("next",), "an answer leads back to the start: trees may not loop")
                else:
                    tree.parents.setdefault(answer["next"], []).append(node_id)
        else:
            deadline_ids = {d["id"] for d in node.get("deadlines", [])}
            for i, step in enumerate(node["steps"]):
                if "deadline" in step and step["deadline"] not in deadline_ids:
                    problem(("nodes", node_id, "steps", i, "deadline"),
                            f"no deadline {step['deadline']!r} in this outcome's deadlines")
            for i, number in enumerate(node.get("do_now", [])):
                if number > len(node["steps"]):
                    problem(("nodes", node_id, "do_now", i),
                            f"no step {number}: this outcome has {len(node['steps'])} steps")

    # Loops, found by depth-first search from the start: an answer leading to a question still
    # being explored (GREY) leads back to an earlier question.
    tree.depth[tree.start] = 0
    WHITE, GREY, BLACK = 0, 1, 2
    colour = {n: WHITE for n in nodes}
    looped = False

    # An explicit stack, not recursion: a chain of 1,200 questions must be a message, not a RecursionError.
    if tree.start in nodes:
        colour[tree.start] = GREY
        stack = [(tree.start, iter(enumerate(nodes[tree.start].get("answers", []))))]
        while stack:
            node_id, answers = stack[-1]
            for i, answer in answers:
                nxt = answer["next"]
                if nxt not in nodes:
                    continue
                if colour[nxt] == GREY:
                    looped = True
                    problem(("nodes", node_id, "answers", i, "next"),
                            f"{nxt!r} leads back to an earlier question: trees may not loop")
                elif colour[nxt] == WHITE:
                    colour[nxt] = GREY
                    stack.append((nxt, iter(enumerate(nodes[nxt].get("answers", [])))))
                    break
            else:
                colour[node_id] = BLACK
                stack.pop()
    for node_id in nodes:
        if colour[node_id] == WHITE:
            problem(("nodes", node_id), "no answer leads here: the node cannot be reached from the start")
    if not looped:
        # Each node's row in the diagram: its longest path from the start.
        for node_id in _in_order(tree.start, nodes):
            for answer in nodes[node_id].get("answers", []):
                if answer["next"] in nodes:
                    tree.depth[answer["next"]] = max(tree.depth.get(answer["next"], 0), tree.depth[node_id] + 1)
    # Every path ends in an outcome: with no loops, a question whose answers all lead to
    # existing nodes always ends in one, so broken `next`s (reported above) are the only gap.

    for t, table in enumerate(data.get("tables", [])):
        for r, row in enumerate(table["rows"]):
            if len(row["cells"]) != len(table["columns"]):
                problem(("tables", t, "rows", r, "cells"),
                        f"{len(row['cells'])} cells for {len(table['columns'])} columns")

    reached = set()
    for i, journey in enumerate(tree.journeys):
        path = ("journeys", i)
        try:
            _taken, end = tree.follow(journey["answers"])
        except (ValueError, KeyError) as err:
            problem(path + ("answers",), f"the journey does not follow the tree: {err}")
            continue
        if end != journey["outcome"]:
            problem(path + ("outcome",), f"these answers lead to {end!r}, not {journey['outcome']!r}")
        else:
            reached.add(end)
    for node_id, _node in tree.outcomes():
        if node_id not in reached:
            problem(("journeys",), f"no journey reaches the outcome {node_id!r}: add a worked example")
    return tree, problems


def _in_order(start: str, nodes: dict) -> list[str]:
    """Reachable nodes, each after every node that leads to it (a topological order)."""
    order, seen = [], {start}
    stack = [(start, iter(nodes[start].get("answers", [])))]     # iteration: see the loop check
    while stack:
        node_id, answers = stack[-1]
        for answer in answers:
            if answer["next"] in nodes and answer["next"] not in seen:
                seen.add(answer["next"])
                stack.append((answer["next"], iter(nodes[answer["next"]].get("answers", []))))
                break
        else:
            order.append(node_id)
            stack.pop()
    return order[::-1]


def check_housing_facts(yf: YamlFile, fact_ids: set[str]) -> list[Problem]:
    """Every fact an outcome's "Nowhere to stay tonight" names is in data/homelessness.yaml."""
    problems = []
    for node_id, node in yf.data["nodes"].items():
        for i, fact in enumerate(node.get("tonight", {}).get("housing", {}).get("facts", [])):
            if fact not in fact_ids:
                path = ("nodes", node_id, "tonight", "housing", "facts", i)
                problems.append(Problem(yf.path, yf.line_of(path), field_path(path),
                                        f"no fact {fact!r} in data/homelessness.yaml"))
    return problems

