"""The spread of one entitlement's values against its national floor, drawn at build time (SVG).

Drawn like the coverage chart (macros/directory/pages.py): one horizontal bar per distinct value,
its length the number of councils giving it; a value under the floor is flagged in words as well
as by its fill, so colour is never the only signal. The table beside it has the same figures.
"""
from __future__ import annotations

from collections import Counter

from markupsafe import Markup

from macros.offers.display import value_text


def spread_chart(ent, rows) -> Markup:
    counts = Counter(r["number"] for r in rows)
    values = sorted(counts)
    floor = ent.floor["value"] if ent.floor and ent.floor["strength"] != "up-to" and ent.floor.get("compare", True) else None
    bar_h, gap, label_w, bar_w = 22, 8, 120, 300
    most = max(counts.values())
    height = len(values) * (bar_h + gap) + 10
    title = (f"How many councils give each value of {ent.name.lower()}"
             + (f", against the national floor of {_shown(ent, floor)}" if floor is not None else "")
             + ": the table below gives every council's value")
    parts = [Markup('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="100%" role="img" '
                    'aria-labelledby="spread-title" class="coverage-svg spread-svg"><title id="spread-title">{}'
                    '</title>').format(label_w + bar_w + 200, height, title)]
    for i, value in enumerate(values):
        y = 5 + i * (bar_h + gap)
        width = bar_w * counts[value] / most
        below = floor is not None and value < floor
        n = counts[value]
        words = f"{n} {'council' if n == 1 else 'councils'}" + (", below the floor" if below else "")
        parts.append(Markup('<text x="{}" y="{}" class="label" text-anchor="end">{}</text>').format(
            label_w - 8, y + bar_h - 6, _shown(ent, value)))
        parts.append(Markup('<rect x="{}" y="{}" width="{:.1f}" height="{}" class="{}"/>').format(
            label_w, y, max(width, 2), bar_h, "below" if below else "done"))
        parts.append(Markup('<text x="{:.1f}" y="{}" class="figure">{}</text>').format(
            label_w + width + 6, y + bar_h - 6, words))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def _shown(ent, value) -> str:
    class _V:
        pass
    v = _V()
    v.value, v.unit = value, ent.kind
    return value_text(v)
