"""The purged theme CSS (macros/assets/purge_css.py) looks exactly like Material's whole CSS.

Each page is opened twice on the built (purged) site: once as built, once with the theme's
stylesheets answered by Material's original files from the installed package (Playwright
routing; nothing is rebuilt). Every element's computed style, its ::before and ::after, and its
box must be the same in both, at 375 and 1280 px, as loaded and in the states our scripts create
(the menu opened, every <details> opened, the search box opened).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import material
import pytest

from tests.browser.conftest import goto_settled

ORIGINAL = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
THEME_CSS = re.compile(r"/assets/stylesheets/(main|palette)\.[0-9a-f]{8,}\.min\.css$")

PAGES = {
    "home": "",
    "protocol": "protocol/",
    "moving": "moving/?from=lancashire&to=worcestershire",
    "tree outcome": "decisions/unplanned-move/o-receiving-unplanned/?answers=receiving,unplanned"
                    "&from=lancashire&to=worcestershire",
    "council": "authorities/lancashire/",
    "compare": "local-offers/compare/?c=lancashire,surrey",
    "care leavers": "care-leavers/",
    "search": "search/",
    "offline": "offline/",
}
WIDTHS = [375, 1280]
SEARCH_OPENED = {"home", "search"}      # the header's search box is the same on every page

# For every element: what it looks like and where it is. Transitions are switched off first (in
# both runs alike) so an opening menu is measured where it ends, not on its way. Sent back as one
# JSON string: a thousand objects of forty keys cost five times as long to pass over as objects.
SNAPSHOT = """() => {
  const PROPS = ["display", "position", "visibility", "color", "background-color", "background-image",
    "font-size", "font-weight", "font-family", "line-height", "text-decoration-line", "opacity",
    "margin-top", "margin-right", "margin-bottom", "margin-left",
    "padding-top", "padding-right", "padding-bottom", "padding-left",
    "border-top", "border-right", "border-bottom", "border-left", "border-radius",
    "box-shadow", "outline-style", "transform", "z-index", "overflow-x", "overflow-y", "list-style-type"];
  const PSEUDO = ["content", "display", "width", "height", "background-color", "mask-image",
    "-webkit-mask-image", "color", "position"];
  const out = [];
  for (const el of document.querySelectorAll("*")) {
    const s = getComputedStyle(el), r = el.getBoundingClientRect();
    const entry = {el: el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
                       (typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\\s+/).join(".") : ""),
                   box: [r.x, r.y, r.width, r.height].map(v => Math.round(v * 10) / 10).join(",")};
    for (const p of PROPS) entry[p] = s.getPropertyValue(p);
    for (const pseudo of ["::before", "::after"]) {
      const ps = getComputedStyle(el, pseudo);
      if (ps.content === "none" || ps.content === "normal") continue;
      for (const p of PSEUDO) entry[pseudo + p] = ps.getPropertyValue(p);
    }
    out.push(entry);
  }
  return JSON.stringify(out);
}"""

NO_MOTION = "*,*::before,*::after{transition:none!important;animation:none!important;scroll-behavior:auto!important}"


def _snapshot(page) -> list[dict]:
    return json.loads(page.evaluate(SNAPSHOT))


def _open(browser, base_url, path, width, original):
    context = browser.new_context(viewport={"width": width, "height": 900}, service_workers="block")
    page = context.new_page()
    served = []

    def swap(route):
        name = THEME_CSS.search(route.request.url).group(1)
        served.append(name)
        if not original:
            return route.continue_()
        [sheet] = ORIGINAL.glob(f"{name}.*.min.css")
        route.fulfill(status=200, content_type="text/css", body=sheet.read_bytes())

    page.route(THEME_CSS, swap)
    goto_settled(page, base_url + path)             # pages that fetch councils draw them
    page.add_style_tag(content=NO_MOTION)
    assert sorted(served) == ["main", "palette"], f"{path}: theme stylesheets served {served}"
    return context, page


def _states(page, width, search_too):
    """(name, snapshot) for the page as loaded and in the states our scripts create."""
    yield "as loaded", _snapshot(page)
    if width < 1220 and page.get_by_role("button", name="Menu").count():
        # By keyboard, not a click: a pointer left on the button is :hover (opacity .7) in one run
        # and not in the other, as the opening drawer's overlay comes over it or not yet.
        page.get_by_role("button", name="Menu").press("Enter")
        assert page.locator("#__drawer").is_checked(), "the menu did not open"
        yield "menu open", _snapshot(page)
        page.get_by_role("button", name="Menu").press("Enter")      # the overlay covers it now
        page.mouse.move(0, 899)        # off the button: a :hover that lingers or not is a race
    if page.locator("details:not([open])").count():
        page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
        yield "details open", _snapshot(page)
    search = page.get_by_role("button", name="Search")
    if search_too and search.count() and search.first.is_visible():
        search.first.click()
        page.get_by_role("searchbox", name="Search this site").wait_for()
        yield "search open", _snapshot(page)


def _differences(before: list[dict], after: list[dict]) -> list[str]:
    if [e["el"] for e in before] != [e["el"] for e in after]:
        return [f"different elements: {len(before)} with the original CSS, {len(after)} purged"]
    found = []
    for old, new in zip(before, after):
        for key in sorted(set(old) | set(new)):
            if old.get(key) != new.get(key):
                found.append(f"{old['el']} {key}: {old.get(key)!r} (original) != {new.get(key)!r} (purged)")
    return found


def test_the_site_is_served_the_purged_theme_css(built_site):
    for name in ("main", "palette"):
        [built] = (built_site / "assets" / "stylesheets").glob(f"{name}.*.min.css")
        [original] = ORIGINAL.glob(f"{name}.*.min.css")
        assert built.name != original.name, f"{name}: the theme's CSS was not purged (same name)"
        assert built.stat().st_size < original.stat().st_size * 0.6, f"{name}: the purge removed little"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(PAGES))
def test_purged_theme_css_changes_nothing_seen(browser, base_url, name, width):
    path = PAGES[name]
    snapshots = {}
    for original in (True, False):
        context, page = _open(browser, base_url, path, width, original)
        try:
            snapshots[original] = dict(_states(page, width, name in SEARCH_OPENED))
        finally:
            context.close()
    assert list(snapshots[True]) == list(snapshots[False])
    problems = []
    for state in snapshots[True]:
        problems += [f"{state}: {d}" for d in _differences(snapshots[True][state], snapshots[False][state])]
    assert not problems, (f"/{path} at {width}px looks different with the purged theme CSS "
                          f"({len(problems)} differences):\n" + "\n".join(problems[:25]))
