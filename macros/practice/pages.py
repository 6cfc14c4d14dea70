"""Pages of the practice tools: /tools/, /tools/timescales/ (and, below, letters and housing)."""
from __future__ import annotations

from macros.core.addresses import Addresses, Place
from macros.documents import citations
from macros.core.render import PageContext, page_source, render
from macros.core.render import script_json
from macros.practice.council import council_lines
from macros.practice.rules import interval_words, offset_words


def rule_when(rule) -> str:
    """The rule in words, for the table shown with or without JavaScript."""
    if rule.kind == "date":
        return offset_words(rule.at)
    if rule.kind == "visits":
        return f"at least every {interval_words(rule.every)}, from age {rule.ages['from']} to {rule.ages['to']}"
    return f"at least every {interval_words(rule.every)}"


def cite_json(citation: str, site, ctx) -> dict:
    target = citations.resolve(citation, site.documents)
    return {"c": citation, "label": citations.label(target, site.documents), "url": ctx.href(target.url)}


def timescales_json(site, ctx) -> dict:
    councils = {}
    for slug, ts in sorted(site.tools.timescales.items()):
        authority = next(a for a in site.authorities.values() if a.slug == slug)
        councils[slug] = {"name": authority.name, "title": ts.title,
                          "rules": [{**r.as_json(), "cites": [cite_json(c, site, ctx) for c in r.cites]}
                                    for r in ts.rules]}
    return {"councils": councils}


def practice_pages(site) -> dict[str, tuple[str, bool]]:
    pages = Addresses()
    pages["tools/index.md"] = (page_source(
        "Practice tools", render("tools_index.html", site, "tools/", tools=site.tools)), True)
    url = "tools/timescales/"
    ctx = PageContext(site, url)
    councils = [(next(a for a in site.authorities.values() if a.slug == slug), ts)
                for slug, ts in sorted(site.tools.timescales.items())]
    pages["tools/timescales/index.md"] = (page_source(
        "Timescales calculator",
        render("tools_timescales.html", site, url, councils=councils, rule_when=rule_when,
               data=script_json(timescales_json(site, ctx))),
        description="The dates that follow from a council's leaving care practice guidance, worked out in your browser."), True)
    letters = sorted(site.tools.letters.values(), key=lambda letter: letter.title)
    if letters:
        pages["tools/letters/index.md"] = (page_source(
            "Letters", render("tools_letters.html", site, "tools/letters/", letters=letters)), True)
    for letter in letters:
        pages.add(f"{letter.url.rstrip('/')}.md", (page_source(
            letter.title, render("tools_letter.html", site, letter.url, letter=letter,
                                 council=council_lines(site.authorities, letter.council),
                                 help_lines=site.help_lines),
            description=letter.purpose), False), Place(letter.file, 1, "id"))
    for slug, h in sorted(site.tools.housing.items()):
        council = next(a for a in site.authorities.values() if a.slug == slug)
        pages.add(f"{h.url.rstrip('/')}.md", (page_source(
            h.title, render("tools_housing.html", site, h.url, h=h, council=council),
            description=f"{council.name}'s joint housing protocol for care leavers: commitments and measures."), False),
                  Place(h.file, 1, "council"))
    return pages
