"""Small fixes to every page MkDocs writes, where the theme gives no template block to override.

The theme draws its "Skip to content" link only for pages with a Markdown table of contents, so
generated pages had none: every page now gets one, pointing at the article.

The theme's two checkboxes (the drawer's and search's) carry autocomplete="off" so a browser does
not tick them again when the reader comes Back to the page (the menu would be open). HTML allows
autocomplete on no checkbox: they now take it from an empty form of their own (form="...") with
autocomplete="off", which browsers honour the same way (docs-dev/valid-html.md).
"""
from __future__ import annotations

SKIP = '<a href="#content" class="md-skip">Skip to content</a>'


def add_skip_link(html: str) -> str:
    if 'class="md-skip"' in html or '<div data-md-component="skip">' not in html:
        return html
    html = html.replace('<div data-md-component="skip">', '<div data-md-component="skip">' + SKIP, 1)
    return html.replace('<article class="md-content__inner md-typeset">',
                        '<article class="md-content__inner md-typeset" id="content" tabindex="-1">', 1)


TOGGLES_FORM = '<form id="__toggles" autocomplete="off" hidden></form>'
THEME_TOGGLES = ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
                 '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">')


def valid_toggles(html: str) -> str:
    if THEME_TOGGLES[0] not in html:
        return html
    html = html.replace(THEME_TOGGLES[0], TOGGLES_FORM + THEME_TOGGLES[0], 1)
    for toggle in THEME_TOGGLES:
        html = html.replace(toggle, toggle.replace('autocomplete="off"', 'form="__toggles"'), 1)
    return html
