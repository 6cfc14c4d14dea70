"""Leaving Care Atlas build code.

This file is the mkdocs-macros adapter: `define_env` registers the few macros hand-written
pages may use (pages opt in with `render_macros: true`). Everything else is in the core
modules, which do not import MkDocs.
"""
from __future__ import annotations

from markupsafe import Markup, escape


def define_env(env):
    from macros.core.state import current_site
    from macros.core.render import PageContext

    def _ctx():
        page = env.page
        url = page.url if page is not None else ""
        return PageContext(current_site(), url)

    @env.macro
    def cite(citation: str, label: str | None = None, evidence: str | None = None,
             reading: bool = False, quiet: bool = False) -> Markup:
        """A link to a paragraph: {{ cite('national-protocol:9.3', evidence='within 4 working weeks') }}.

        The evidence is checked against the paragraph when data/ is loaded (macros/documents/evidence.py).
        quiet=True: small, after the sentence ("Source: National Protocol 9.3"), for care leavers."""
        link = _ctx().cite(citation, label)
        return Markup('<small class="cite-quiet">Source: {}</small>').format(link) if quiet else link

    @env.macro
    def care_leavers(part: str) -> Markup:
        """A block of the care leavers' page drawn from data: 'picker', 'tonight', 'council-tax' or 'help' (the national help lines)."""
        from macros.careleavers.page import block
        page = env.page
        return block(part, current_site(), page.url if page is not None else "")

    @env.macro
    def href(to_url: str) -> str:
        """A relative link to a site URL: {{ href('protocol/#para-9-3') }}."""
        return escape(_ctx().href(to_url))

    @env.macro
    def send_entry() -> Markup:
        """A lead officer's entry in plain words, and how to send it (the corrections channel)."""
        from macros.core.render import render
        page = env.page
        return Markup(render("_send_entry.html", current_site(), page.url if page is not None else ""))

    @env.macro
    def site_publisher() -> Markup:
        """Who runs this copy of the site (`extra: publisher:`), or a plain "not named yet"."""
        from macros.core.render import render
        page = env.page
        return Markup(render("_publisher.html", current_site(), page.url if page is not None else ""))

    @env.macro
    def count(what: str) -> int:
        site = current_site()
        return {"documents": len(site.documents), "terms": len(site.glossary),
                "protocol_paragraphs": sum(1 for p in site.protocol.all_paragraphs() if p.number)}[what]

    @env.macro
    def tell_us(record: str, fields=()) -> Markup:
        """"Is this wrong? Tell us" on a hand-written page, through the channel mkdocs.yml names
        (or a plain "no channel is set" and the message to copy): {{ tell_us('X', [['Field', 'value']]) }}."""
        from macros.core.render import render
        page = env.page
        html = render("_tell_us.html", current_site(), page.url if page is not None else "",
                      record=record, fields=[tuple(f) for f in fields])
        return Markup(html)

