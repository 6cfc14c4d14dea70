"""Pages of the decision trees: an index, a start page per tree, one page per node."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from markupsafe import Markup

from macros.core.addresses import Addresses
from macros.documents import citations
from macros.trees import diagram
from macros.trees.deadlines import add_working_days, bank_holidays, working_days
from macros.core.render import PageContext, page_source, render, script_json


def tree_json(tree) -> dict:
    """What the browser needs to list answers and rebuild them from the URL."""
    nodes = {}
    for node_id, node in tree.nodes.items():
        if node["type"] == "question":
            nodes[node_id] = {"q": node["text"],
                              "a": [{"id": a["id"], "label": a["label"], "next": a["next"]} for a in node["answers"]]}
        else:
            nodes[node_id] = {"o": node["title"]}
    return {"id": tree.id, "title": tree.title, "start": tree.start, "nodes": nodes}


# Fields a practitioner may add to the decision record in the browser (never sent or kept).
RECORD_FIELDS = [
    {"id": "case-ref", "label": "Case reference", "hint": None, "between_councils": False},
    {"id": "presented", "label": "When the young person presented or was referred",
     "hint": "Date and time, e.g. Friday 4 December 2026, 3.15pm", "between_councils": True},
    {"id": "contacted", "label": "Who was contacted, and when", "hint": None, "between_councils": True},
    {"id": "money", "label": "Emergency financial assistance paid", "hint": "Amount and what it was for",
     "between_councils": True},
]


def record_fields(tree) -> list[dict]:
    return [f for f in RECORD_FIELDS if tree.between_councils or not f["between_councils"]]


def holiday_list(today: date) -> tuple[list[int], list[str]]:
    """This year's and next year's bank holidays in words, for people counting by hand."""
    from macros.trees.deadlines import bank_holidays
    years = [today.year, today.year + 1]
    days = bank_holidays(years[0], years[1])
    return years, [f"{d.strftime('%A')} {d.day} {d.strftime('%B %Y')} ({name})" for d, name in days.items()]


def count_from_label(deadlines: dict) -> str:
    starts = {d["from"] for d in deadlines.values()}
    # Each "from" already names its day ("the day the young person presented ...").
    return starts.pop() if len(starts) == 1 else "the day the count starts (see each deadline)"


def holidays_json(today: date) -> Markup:
    """The bank holidays the browser needs, from last year to three years ahead."""
    return script_json([d.isoformat() for d in bank_holidays(today.year - 1, today.year + 3)])


DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
START_DAYS = 10      # the no-JavaScript table: deadlines for this many start days from the build


def long_date(d: date) -> str:
    """GOV.UK style, as docs/assets/deadlines.js writes it: 'Wednesday 6 January 2027'."""
    return f"{DAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"


def short_date(d: date) -> str:
    """For the top of an outcome, where the date comes first: 'Wed 6 Jan 2027'."""
    return f"{DAYS[d.weekday()][:3]} {d.day} {MONTHS[d.month - 1][:3]} {d.year}"


def built_dates(days: int, today: date, closed: dict) -> dict:
    """Counted on the day the site is built, for readers without JavaScript (who are told so):
    the date from the build day, and a table for the next START_DAYS start days."""
    starts = [today + timedelta(days=i) for i in range(START_DAYS)]
    return {"due": long_date(add_working_days(today, days, closed)),
            "due_short": short_date(add_working_days(today, days, closed)),
            "table": [(long_date(s), long_date(add_working_days(s, days, closed))) for s in starts]}


def deadline_rule(d: dict, days: int) -> str:
    if "working_weeks" in d:
        weeks = d["working_weeks"]
        return f"{weeks} working week{'s' if weeks != 1 else ''} ({days} working days, our reading) from {d['from']}"
    return f"{days} working day{'s' if days != 1 else ''} from {d['from']}"


@dataclass
class Source:
    doc: object
    number: str
    title: str | None
    url: str
    paragraphs: list


def sources_for(node: dict, site) -> list[Source]:
    """Every paragraph the outcome cites anywhere, in order of first citation."""
    seen, out = set(), []
    for _path, citation in citations.find_cites(node):
        if citation in seen:
            continue
        seen.add(citation)
        target = citations.resolve(citation, site.documents)
        doc = site.documents[target.doc_id]
        if target.kind == "paragraph":
            paragraphs = [p for p in doc.all_paragraphs() if p.number == target.number]
        else:
            section = next(s for s in doc.all_sections() if s.number == target.number)
            paragraphs = section.paragraphs
        out.append(Source(doc, target.number, target.title, target.url, paragraphs))
    return out


def record_text(tree, node: dict, deadlines: dict, site) -> str:
    """The decision record as plain text (the version shown without JavaScript)."""
    def cites(items):
        return ", ".join(citations.label(citations.resolve(c, site.documents), site.documents) for c in items)

    lines = [f"Decision record: {tree.title}", f"Outcome: {node['title']}", node["summary"], ""]
    lines += ["Answers: not listed (JavaScript is off; note your answers here).", "", "What to do:"]
    for i, step in enumerate(node["steps"], start=1):
        when = f" ({step['when']})" if step.get("when") else ""
        by = f" By: {deadlines[step['deadline']]['rule']}." if step.get("deadline") else ""
        lines.append(f"{i}. {step['who'].capitalize()}{when}: {step['text']}{by} [{cites(step['cites'])}]")
    if deadlines:
        lines += ["", "Deadlines (Monday to Friday, not bank holidays in England and Wales):"]
        lines += [f"- {d['label']}: {d['rule']}; {d['built']['due']} if counted from {long_date(site.today)}"
                  f" (the day this page was made) [{cites(d['cites'])}]" for d in deadlines.values()]
    for heading, key in (("Who pays", "who_pays"), ("What is recorded", "record"), ("Also note", "notes")):
        if node.get(key):
            lines += ["", f"{heading}:"] + [f"- {item['text']} [{cites(item['cites'])}]" for item in node[key]]
    lines += ["", f"Paragraphs cited: {cites(node['cites'])}",
              "Source: Leaving Care Atlas, our plain-English reading of the paragraphs cited."]
    return "\n".join(lines)


def do_now(node: dict) -> list[dict]:
    """The steps the box at the top leads with: the outcome's own choice, or its first three."""
    return [node["steps"][n - 1] for n in node.get("do_now", [1, 2, 3]) if n <= len(node["steps"])]


def housing_facts(node: dict, site) -> list:
    """The homelessness facts an outcome's "Nowhere to stay tonight" names, in its order."""
    wanted = node.get("tonight", {}).get("housing", {}).get("facts", [])
    by_id = {f.id: f for f in site.homelessness}
    return [by_id[i] for i in wanted if i in by_id]


def tree_pages(site) -> dict[str, tuple[str, bool]]:
    """{src path: (markdown, in nav)} for every tree page."""
    holidays = holidays_json(site.today)
    closed = bank_holidays(site.today.year, site.today.year + 2)
    years, holiday_days = holiday_list(site.today)
    pages = Addresses()
    trees = sorted(site.trees.values(), key=lambda t: t.title)
    pages["decisions/index.md"] = (page_source(
        "Decisions", render("trees_index.html", site, "decisions/", trees=trees)), True)
    for tree in trees:
        data = script_json(tree_json(tree))
        ctx = PageContext(site, tree.url)
        start = render("tree_start.html", site, tree.url, tree=tree,
                       diagram=diagram.svg(tree), outline=diagram.outline(tree, ctx.href))
        pages.add(f"decisions/{tree.id}/index.md", (page_source(tree.title, start, description=tree.covers), True),
                  tree.places.get(""))
        for node_id, node in tree.nodes.items():
            url = tree.node_url(node_id)
            parents = tree.parents.get(node_id, [])
            back = tree.node_url(parents[0]) if len(parents) == 1 else tree.url
            if node["type"] == "question":
                html = render("tree_question.html", site, url, tree=tree, node=node, node_id=node_id,
                              back_url=back, data=data)
                source = page_source(f"{node['text']} – {tree.title}", html, search=False)
            else:
                deadlines = {}
                for d in node.get("deadlines", []):
                    days = working_days(working_weeks=d.get("working_weeks"), working_days=d.get("working_days"))
                    deadlines[d["id"]] = {**d, "days": days, "rule": deadline_rule(d, days),
                                          "built": built_dates(days, site.today, closed)}
                html = render("tree_outcome.html", site, url, tree=tree, node=node, node_id=node_id,
                              back_url=back, data=data, deadlines=deadlines, holidays=holidays,
                              sources=sources_for(node, site),
                              record_text=record_text(tree, node, deadlines, site),
                              record_fields=record_fields(tree), holiday_years=years, holiday_list=holiday_days,
                              count_from=count_from_label(deadlines) if deadlines else "",
                              do_now=do_now(node), housing=housing_facts(node, site),
                              built_on=long_date(site.today))
                source = page_source(f"{node['title']} – {tree.title}", html, description=node["summary"])
            pages.add(f"decisions/{tree.id}/{node_id}.md", (source, False), tree.places.get(node_id))
    return pages
