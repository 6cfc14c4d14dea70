"""A tree diagram drawn at build time as SVG: no script, no CDN, and a text outline beside it.

Layout is deliberately simple: nodes in rows by their depth from the start, edges as straight
lines with the answer's words at their middle.
"""
from __future__ import annotations

import textwrap

from markupsafe import Markup, escape

BOX_W, LINE_H, PAD, GAP_X, GAP_Y = 190, 15, 8, 24, 70


def _lines(text: str, width: int = 26, most: int = 4) -> list[str]:
    lines = textwrap.wrap(text, width) or [""]
    if len(lines) > most:
        lines = lines[:most]
        lines[-1] = lines[-1][: width - 1] + "…"
    return lines


def svg(tree) -> Markup:
    rows: dict[int, list[str]] = {}
    for node_id in tree.nodes:
        if node_id in tree.depth:
            rows.setdefault(tree.depth[node_id], []).append(node_id)
    width = max(len(r) for r in rows.values()) * (BOX_W + GAP_X) + GAP_X
    boxes, y = {}, 20
    for depth in sorted(rows):
        ids = rows[depth]
        heights = [len(_lines(_label(tree.nodes[i]))) * LINE_H + 2 * PAD for i in ids]
        row_h = max(heights)
        row_w = len(ids) * (BOX_W + GAP_X) - GAP_X
        x = (width - row_w) / 2
        for node_id, h in zip(ids, heights):
            boxes[node_id] = (x, y, h)
            x += BOX_W + GAP_X
        y += row_h + GAP_Y
    height = y - GAP_Y + 20
    parts = [Markup('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="100%" '
                    'role="img" aria-labelledby="diagram-title" class="tree-svg">').format(int(width), int(height)),
             Markup('<title id="diagram-title">Diagram of {}</title>').format(tree.title)]
    for node_id, node in tree.nodes.items():
        if node_id not in boxes:
            continue
        x1, y1, h1 = boxes[node_id]
        for answer in node.get("answers", []):
            if answer["next"] not in boxes:
                continue
            x2, y2, _h2 = boxes[answer["next"]]
            ax, ay, bx, by = x1 + BOX_W / 2, y1 + h1, x2 + BOX_W / 2, y2
            parts.append(Markup('<line x1="{:.0f}" y1="{:.0f}" x2="{:.0f}" y2="{:.0f}" class="edge"/>').format(ax, ay, bx, by))
            label = _lines(answer["label"], 22, 1)[0]
            parts.append(Markup('<text x="{:.0f}" y="{:.0f}" class="edge-label" text-anchor="middle">{}</text>').format(
                (ax + bx) / 2, (ay + by) / 2 + 4, label))
    for node_id, (x, y, h) in boxes.items():
        node = tree.nodes[node_id]
        kind = node["type"]
        # No links inside: the picture is one image; the outline beside it holds the links.
        parts.append(Markup('<rect x="{:.0f}" y="{:.0f}" width="{}" height="{}" rx="6" class="{}"/>').format(
            x, y, BOX_W, h, kind))
        for i, line in enumerate(_lines(_label(node))):
            parts.append(Markup('<text x="{:.0f}" y="{:.0f}" class="{}-text">{}</text>').format(
                x + PAD, y + PAD + (i + 1) * LINE_H - 3, kind, line))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def _label(node) -> str:
    return node["text"] if node["type"] == "question" else node["title"]


def outline(tree, href) -> Markup:
    """The tree as nested lists: the diagram's text alternative."""
    shown: set[str] = set()

    def item(node_id: str) -> Markup:
        node = tree.nodes[node_id]
        link = Markup('<a href="{}">{}</a>').format(href(tree.node_url(node_id)), _label(node))
        if node["type"] == "outcome":
            return Markup("Outcome: ") + link
        if node_id in shown:
            return Markup("Question: ") + link + Markup(" (shown above)")
        shown.add(node_id)
        answers = Markup("").join(
            Markup("<li>{} → {}</li>").format(escape(a["label"]), item(a["next"])) for a in node["answers"])
        return Markup("Question: ") + link + Markup("<ul>") + answers + Markup("</ul>")

    return Markup('<ul class="tree-outline"><li>') + item(tree.start) + Markup("</li></ul>")
