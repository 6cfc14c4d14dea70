"""Render pages to HTML with a Jinja environment that escapes everything.

mkdocs-macros has no autoescape, so data never goes through it: the generated pages are made
here, with autoescape on and strict undefined, and handed to MkDocs as finished HTML.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from macros.core.safe_out import json_text
from macros.documents import citations
from macros.core import corrections
from macros.documents import evidence, references
from macros.documents.glossary import TermLinker
from macros.core.dates import human_date
from macros.core import legal_status
from macros.core.links import relative

TEMPLATES = Path(__file__).parent.parent / "templates"

AUDIENCES = {"practitioners": "Practitioners", "lead-officers": "Lead officers",
             "care-leavers": "Care leavers", "councils": "Councils"}


@lru_cache(maxsize=None)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=False, extensions=["jinja2.ext.do"])
    env.filters["human_date"] = human_date
    env.filters["legal_status"] = legal_status.words
    env.globals["AUDIENCES"] = AUDIENCES
    from macros.offers import display          # local offers' words (value, ages, provenance)
    display.register(env)
    return env


class PageContext:
    """What a template needs to know about the page it is drawing: where it is, to link out."""

    def __init__(self, site, url: str):
        self.site = site
        self.url = url
        self.linker = TermLinker(site.glossary, self.href)

    def href(self, to_url: str) -> str:
        return relative(self.url, to_url)

    def cite(self, citation: str, label: str | None = None) -> Markup:
        target = citations.resolve(citation, self.site.documents)
        text = label or citations.label(target, self.site.documents)
        return Markup('<a class="cite" href="{}">{}</a>').format(self.href(target.url), text)


    def quotes(self, item) -> list:
        """The source's own words behind a line of ours (its `evidence`), as the source writes them."""
        if not isinstance(item, dict) or not item.get("cites"):
            return []
        found = (evidence.locate(p, item["cites"], self.site.documents) for p in evidence.phrases(item.get("evidence")))
        return [q for q in found if q is not None]

    def correction(self, record: str, fields, council: str = "") -> "corrections.Correction":
        """"Is this wrong? Tell us" for one record, through the channel mkdocs.yml names."""
        return corrections.correction(self.site.corrections, record, list(fields), "/" + self.url, council)

    def offer_correction(self, council: str, entitlement: str, fields) -> "corrections.Correction":
        """"Is this wrong?" for one local offer item: the local offer form, prefilled."""
        return corrections.offer_correction(self.site.corrections, council, entitlement, list(fields), "/" + self.url)

    def offer_message(self) -> "corrections.Correction":
        """A new local offer item, by the site's corrections channel (the offer form, empty)."""
        return corrections.message(self.site.corrections, "offer", "[your council]", {"page": "/" + self.url})

    def entry_message(self, council: str = "") -> "corrections.Correction":
        """A lead officer's entry, in plain words, by the site's corrections channel."""
        return corrections.entry_message(self.site.corrections, council)

    def says(self, quotes) -> str:
        """Who is speaking in a quote: "The National Protocol says"."""
        names = []
        for q in quotes:
            name = self.site.documents[citations.parse(q.citation)[0]].short_title
            if name not in names:
                names.append(name)
        return "The " + " and the ".join(names) + (" say" if len(names) > 1 else " says")


def render(template: str, site, url: str, **values) -> str:
    ctx = PageContext(site, url)
    if "doc" in values:       # a document's own cross-references ("see paragraph 6.2") become links
        ctx.linker.references = references.finder(values["doc"], site.documents, ctx.href)
    return environment().get_template(template).render(ctx=ctx, site=site, **values)


def page_source(title: str, html: str, *, search: bool = True, description: str | None = None) -> str:
    """A Markdown file for MkDocs holding finished HTML (front matter in JSON, which is YAML)."""
    meta = {"title": title}
    if description:
        # The theme prints the description into <meta content="…"> without escaping it.
        meta["description"] = str(escape(description))
    if not search:
        meta["search"] = {"exclude": True}
    front = "\n".join(f"{key}: {json_text(value)}" for key, value in meta.items())
    return f"---\n{front}\n---\n\n{html.strip()}\n"


def script_json(value) -> Markup:
    """JSON safe inside <script>: no '<', '>' or '&' that could end the element."""
    text = json_text(value, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
