"""Small fixes to every page MkDocs writes, where the theme gives no template block to override.

The theme draws its "Skip to content" link only for pages with a Markdown table of contents, so
generated pages had none: every page now gets one, pointing at the article.
"""
from __future__ import annotations

SKIP = '<a href="#content" class="md-skip">Skip to content</a>'


def add_skip_link(html: str) -> str:
    if 'class="md-skip"' in html or '<div data-md-component="skip">' not in html:
        return html
    html = html.replace('<div data-md-component="skip">', '<div data-md-component="skip">' + SKIP, 1)
    return html.replace('<article class="md-content__inner md-typeset">',
                        '<article class="md-content__inner md-typeset" id="content" tabindex="-1">', 1)
