"""Offline after one visit (docs/sw.js): pages seen once open without signal and say how old
they are; pages never seen show our "Without signal" page; online, a changed page is fresh."""
from __future__ import annotations

import email.utils
import functools
import json
import http.server
import re
import shutil
import threading
import time
from datetime import datetime
from pathlib import Path

import pytest

from tests.browser.conftest import _QuietHandler, axe_violations

SHOTS = Path(__file__).resolve().parents[2] / "test-results"
TODAY = f"{datetime.now().day} {datetime.now():%B %Y}"     # as the banner writes it, e.g. 1 December 2026


def saved(page, path: str) -> bool:
    """Whether the worker's copy of `path` (a root-relative path) is on the phone."""
    return page.evaluate("""async path => {
        for (const name of await caches.keys())
            if (await (await caches.open(name)).match(location.origin + path, {ignoreSearch: true})) return true;
        return false; }""", path)


def visit_and_wait_until_saved(page, url: str, path: str) -> None:
    page.goto(url)
    wait_until_saved(page, path)


def wait_until_saved(page, path: str) -> None:
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    for _ in range(100):
        if saved(page, path):
            return
        time.sleep(0.1)
    raise AssertionError(f"{path} was never saved")


class _CutHandler(_QuietHandler):
    def handle_one_request(self):
        if self.server.cut:              # the signal is gone: no answer at all
            self.close_connection = True
            self.rfile.readline()
            return
        super().handle_one_request()


class Site:
    """The built site on a server of its own whose network can be cut.

    Playwright's context.set_offline() cuts the page but, with Debian's Chromium, not the
    service worker's own requests: the server stops answering too, as a lost signal would."""
    def __init__(self, folder: Path):
        self.folder = folder
        self.server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(_CutHandler, directory=str(folder)))
        self.server.cut = False
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def cut(self, context) -> None:
        context.set_offline(True)
        self.server.cut = True


@pytest.fixture
def site(built_site):
    served = Site(built_site)
    yield served
    served.server.shutdown()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 320, "height": 700})
    yield context
    context.close()


def test_a_page_seen_once_opens_without_signal_and_says_how_old_it_is(phone, site):
    page = phone.new_page()
    visit_and_wait_until_saved(page, site.url + "authorities/lancashire/", "/authorities/lancashire/")
    site.cut(phone)
    page.goto(site.url + "authorities/lancashire/?from=lancashire")   # the query is not part of the copy
    assert "Lancashire" in page.locator("h1").inner_text()
    notice = page.get_by_role("status").filter(has_text="You are offline")
    notice.wait_for()
    assert notice.inner_text() == (f"You are offline: this is the copy saved on your phone on {TODAY}. "
                                   "Phone numbers may have changed.")
    # In the flow of the page (not over it) and no sideways scrolling at 320 px
    assert page.evaluate("getComputedStyle(document.getElementById('atlas-offline')).position") == "static"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "offline-council-320.png"))


def test_a_reload_without_signal_shows_the_notice_not_the_place_it_was_read(phone, site):
    """m9 of the December review: reloaded offline part way down, the browser put the page back
    where it was read, with the notice (in the flow of the page) above the screen. It opens at its
    top instead; once the reader scrolls, they are left where they go."""
    page = phone.new_page()
    visit_and_wait_until_saved(page, site.url + "authorities/lancashire/", "/authorities/lancashire/")
    page.evaluate("window.scrollTo(0, 400)")
    page.wait_for_function("() => window.scrollY >= 400")
    site.cut(phone)
    page.reload()
    page.get_by_role("status").filter(has_text="You are offline").wait_for()
    page.wait_for_timeout(1200)            # the browser's own scroll comes up to the end of loading
    box = page.evaluate("""() => { const n = document.getElementById('atlas-offline').getBoundingClientRect();
        return {top: n.top, bottom: n.bottom, header: document.querySelector('.md-header').getBoundingClientRect().bottom}; }""")
    assert box["header"] <= box["top"] and box["bottom"] <= 700, box
    page.mouse.move(160, 400)
    page.mouse.wheel(0, 500)
    page.wait_for_function("() => window.scrollY > 0")
    page.wait_for_timeout(300)
    assert page.evaluate("window.scrollY") > 0


def in_view(page, selector: str) -> dict:
    return page.evaluate("""s => { const n = document.querySelector(s).getBoundingClientRect();
        return {top: n.top, bottom: n.bottom, header: document.querySelector('.md-header').getBoundingClientRect().bottom,
                height: innerHeight}; }""", selector)


def test_opened_without_signal_at_a_part_of_the_page_the_notice_is_just_above_that_part(phone, site):
    """m9, second half: a link to a part of a page (#para-9-3) took the reader past the notice at
    its top. The notice now stands just before that part, and both are on the screen."""
    page = phone.new_page()
    visit_and_wait_until_saved(page, site.url + "protocol/", "/protocol/")
    page.goto(site.url + "protocol/#para-9-3")      # the same page: the browser goes to the part
    site.cut(phone)
    linked = phone.new_page()
    linked.goto(site.url + "protocol/#para-9-3")    # a link to the part
    page.reload()                                   # and a reload there
    for opened in (linked, page):
        opened.get_by_role("status").filter(has_text="You are offline").wait_for()
        opened.wait_for_timeout(1200)       # the browser's own scroll comes up to the end of loading
        notice, part = in_view(opened, "#atlas-offline"), in_view(opened, "#para-9-3")
        assert notice["header"] <= notice["top"] and notice["bottom"] <= notice["height"], notice
        assert notice["bottom"] <= part["top"] and part["bottom"] <= part["height"], (notice, part)
        assert opened.evaluate("window.scrollY") > 1000, "still at the part asked for"


def test_online_no_notice_is_shown(phone, site):
    page = phone.new_page()
    visit_and_wait_until_saved(page, site.url + "glossary/", "/glossary/")
    page.reload()                       # now served through the worker, from the network
    page.wait_for_load_state("load")
    assert page.locator("#atlas-offline").count() == 0


def test_the_care_leavers_guide_is_kept_without_being_opened(phone, site):
    page = phone.new_page()
    visit_and_wait_until_saved(page, site.url + "about/", "/about/")
    assert saved(page, "/offline/")
    assert saved(page, "/care-leavers/")             # after one visit to any page
    assert not saved(page, "/protocol/")             # not the whole site
    assert not saved(page, "/assets/care-leavers.js")   # nor the guide's picker: it needs the network
    site.cut(phone)
    page.goto(site.url + "care-leavers/")
    assert "care" in page.locator("h1").inner_text().lower()
    page.get_by_role("status").filter(has_text="You are offline").wait_for()


def test_a_page_never_seen_shows_what_is_saved_instead(phone, site):
    page = phone.new_page()
    visit_and_wait_until_saved(page, site.url + "authorities/lancashire/", "/authorities/lancashire/")
    site.cut(phone)
    page.goto(site.url + "decisions/unplanned-move/")        # never opened, two folders deep
    assert page.locator("h1").inner_text() == "Without signal"
    saved_list = page.locator("#atlas-saved")
    saved_list.get_by_role("link", name="Lancashire", exact=False).first.wait_for()
    assert f"(saved {TODAY})" in saved_list.inner_text()
    # the page's own links and styles still resolve from two folders down
    assert page.evaluate("getComputedStyle(document.body).fontFamily") != ""
    href = saved_list.get_by_role("link").first.get_attribute("href")
    assert href.startswith(site.url)
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)


def test_an_outcome_opened_once_keeps_both_councils_contacts_and_no_query_string(phone, site):
    page = phone.new_page()
    outcome = "decisions/unplanned-move/o-receiving-unplanned/"
    # A shared link, opened once on a phone that never saw the site: both councils are named
    link = site.url + outcome + "?answers=receiving,unplanned&from=lancashire&to=worcestershire"
    visit_and_wait_until_saved(page, link, "/" + outcome)
    for slug in ("lancashire", "worcestershire"):
        wait_until_saved(page, f"/data/councils/{slug}.json")
    site.cut(phone)
    page.goto(link)
    page.get_by_role("status").filter(has_text="You are offline").wait_for()
    cards = page.evaluate("""Promise.all(['lancashire', 'worcestershire'].map(s =>
        fetch('../../../data/councils/' + s + '.json').then(r => r.json())))""")
    assert [c["slug"] for c in cards] == ["lancashire", "worcestershire"]
    keys = page.evaluate("""async () => { const out = [];
        for (const name of await caches.keys())
            for (const r of await (await caches.open(name)).keys()) out.push(r.url);
        return out; }""")
    # nothing typed is kept: the one query string kept is ours, a script's or stylesheet's version (M2)
    typed = [k for k in keys if "?" in k and not re.search(r"/assets/[a-z0-9-]+\.(js|css)\?v=[0-9a-f]{12}$", k)]
    assert keys and not typed, keys
    assert any(re.search(r"/assets/cards\.js\?v=", k) for k in keys)


@pytest.fixture
def own_site(built_site, tmp_path):
    """A copy of the site, so a test may change a page on disk."""
    served = Site(shutil.copytree(built_site, tmp_path / "site"))
    yield served
    served.server.shutdown()


def test_online_a_changed_page_is_fetched_fresh_not_taken_from_the_copy(phone, own_site):
    copy, url = own_site.folder, own_site.url
    page = phone.new_page()
    visit_and_wait_until_saved(page, url + "care-leavers/", "/care-leavers/")
    page.reload()
    assert page.evaluate("!!navigator.serviceWorker.controller")        # the worker answers now
    html = copy / "care-leavers" / "index.html"
    html.write_text(html.read_text(encoding="utf-8").replace("</h1>", " 0300 123 4567</h1>", 1), encoding="utf-8")
    page.reload()
    assert "0300 123 4567" in page.locator("h1").inner_text()
    page.goto(url + "care-leavers/")
    assert "0300 123 4567" in page.locator("h1").inner_text()
    # and the copy on the phone is the new one too
    own_site.cut(phone)
    page.goto(url + "care-leavers/")
    assert "0300 123 4567" in page.locator("h1").inner_text()


# --- flaky networks and deploys (issue 20: M1 to M3 of the reliability review) ------------------

class _FlakyHandler(_CutHandler):
    """`hang`: accept and never answer (a captive portal, one bar); `fail`: paths whose requests
    get no answer at all (one request failing while the page loads)."""

    def do_GET(self):
        if self.server.hang:
            time.sleep(self.server.hang)
            self.close_connection = True
            return
        if any(part in self.path for part in self.server.fail):
            self.close_connection = True
            return
        super().do_GET()


class FlakySite(Site):
    def __init__(self, folder: Path):
        self.folder = folder
        self.server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(_FlakyHandler, directory=str(folder)))
        self.server.cut, self.server.hang, self.server.fail = False, 0, ()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def flaky_site(built_site, tmp_path):
    served = FlakySite(shutil.copytree(built_site, tmp_path / "site"))
    yield served
    served.server.hang = 0
    served.server.shutdown()


OUTCOME = "decisions/unplanned-move/o-receiving-unplanned/"
LINK = OUTCOME + "?answers=receiving,unplanned&from=lancashire&to=worcestershire"


def _open_outcome_once(page, site) -> None:
    visit_and_wait_until_saved(page, site.url + LINK, "/" + OUTCOME)
    for slug in ("lancashire", "worcestershire"):
        wait_until_saved(page, f"/data/councils/{slug}.json")


def _record(page) -> str:
    return page.locator("[data-record-text]").text_content()     # in a closed <details>: the text, shown or not


def test_a_council_card_from_the_phones_copy_says_so_with_its_date(phone, flaky_site):
    """M1: the page from the network, Lancashire's card request fails: the saved card is shown,
    marked as saved, in the box and in the record; never as if current."""
    page = phone.new_page()
    _open_outcome_once(page, flaky_site)
    card = flaky_site.folder / "data" / "councils" / "lancashire.json"
    card.write_text(card.read_text(encoding="utf-8").replace("0300 123 6722", "0300 999 0002"), encoding="utf-8")
    flaky_site.server.fail = ("/data/councils/lancashire.json",)
    page.goto(flaky_site.url + LINK)
    glance = page.locator(".glance")
    notice = glance.locator(".atlas-saved-card")
    notice.wait_for()
    assert page.evaluate("document.documentElement.hasAttribute('data-atlas-saved')") is False   # page: network
    assert notice.inner_text() == f"No signal for Lancashire’s numbers: these were saved on this phone on {TODAY}: it may have changed."
    assert glance.locator(".atlas-saved-card").count() == 1          # Worcestershire's card came from the network
    record = _record(page)
    assert "0300 123 6722 (" in record and "0300 999 0002" not in record
    assert f"saved on this phone on {TODAY}: it may have changed" in record
    SHOTS.mkdir(exist_ok=True)
    glance.screenshot(path=str(SHOTS / "offline-card-saved.png"))


def test_an_old_card_meeting_a_new_script_never_shows_undefined(phone, flaky_site):
    """M2: cards kept before `note`, `says` and `plain` existed, read by today's cards.js, offline."""
    for slug in ("lancashire", "worcestershire"):
        path = flaky_site.folder / "data" / "councils" / f"{slug}.json"
        card = json.loads(path.read_text(encoding="utf-8"))
        for line in card["lines"]:
            for key in ("name", "note", "says", "plain", "out_of_hours"):
                line.pop(key, None)
        path.write_text(json.dumps(card), encoding="utf-8")
    page = phone.new_page()
    _open_outcome_once(page, flaky_site)
    flaky_site.cut(phone)
    page.goto(flaky_site.url + LINK)
    page.get_by_role("status").filter(has_text="You are offline").wait_for()
    page.locator(".glance .glance__council").first.wait_for()
    shown = page.locator(".glance").inner_text() + _record(page)
    assert "undefined" not in shown
    assert "0300 123 6722" in shown


def test_a_connection_that_never_answers_shows_the_saved_copy_within_seconds(phone, flaky_site):
    """M3: the server accepts and never answers: the copy, with its notice, after the worker's wait."""
    page = phone.new_page()
    _open_outcome_once(page, flaky_site)
    flaky_site.server.hang = 60
    started = time.monotonic()
    # Not waiting for "load": a file never kept (none is needed to read the page) may still be waited for.
    page.goto(flaky_site.url + LINK, wait_until="commit", timeout=30_000)
    page.get_by_role("status").filter(has_text="You are offline").wait_for(timeout=30_000)
    page.locator(".glance .glance__council").first.wait_for(timeout=30_000)   # the cards too, from the copy
    assert time.monotonic() - started < 20
    assert "0300 123 6722" in page.locator(".glance").inner_text()


# --- the date a copy says, and old theme files (issue 20: L10, L11) -----------------------------

class _ThreeDaysOldHandler(_CutHandler):
    """A site whose answers were made three days ago, as the browser's HTTP cache would hand
    them over (keepPage fetches with force-cache): its Date header says so."""
    def date_time_string(self, timestamp=None):
        return email.utils.formatdate(time.time() - 3 * 86400, usegmt=True)


def test_a_copy_says_when_it_left_the_site_not_when_it_was_stored(phone, built_site):
    """L10: the copy is stamped with the site's Date, so it never looks younger than it is."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_ThreeDaysOldHandler, directory=str(built_site)))
    server.cut = False
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        page = phone.new_page()
        visit_and_wait_until_saved(page, url + "glossary/", "/glossary/")
        phone.set_offline(True)
        server.cut = True
        page.goto(url + "glossary/")
        notice = page.get_by_role("status").filter(has_text="You are offline")
        notice.wait_for()
        then = datetime.fromtimestamp(time.time() - 3 * 86400)
        assert f"saved on your phone on {then.day} {then:%B %Y}." in notice.inner_text()
    finally:
        server.shutdown()


def _theme_files(page) -> list[str]:
    return page.evaluate("""async () => {
        const cache = await caches.open((await caches.keys()).find(n => n.startsWith('atlas-offline-')));
        return (await cache.keys()).map(r => new URL(r.url).pathname).filter(p => /\\/main\\.[0-9a-f]+\\.min\\.css$/.test(p)); }""")


def test_a_theme_file_no_saved_page_names_is_dropped_after_a_deploy(phone, own_site):
    """L11: after a deploy that changed the theme's CSS, the old hashed file leaves the phone once
    every saved page has been seen again (until then an old page offline still finds its CSS)."""
    copy, url = own_site.folder, own_site.url
    old = next((copy / "assets" / "stylesheets").glob("main.*.min.css")).name
    new = "main.0123456789abcdef.min.css"
    page = phone.new_page()
    visit_and_wait_until_saved(page, url + "glossary/", "/glossary/")
    for _ in range(50):                   # the worker keeps the CSS the page loaded (or install did)
        if _theme_files(page) == [f"/assets/stylesheets/{old}"]:
            break
        time.sleep(0.1)
    assert _theme_files(page) == [f"/assets/stylesheets/{old}"]
    # The deploy: a new theme file, every page naming it, the old one gone from the site.
    (copy / "assets" / "stylesheets" / old).rename(copy / "assets" / "stylesheets" / new)
    for html in copy.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        if old in text:
            html.write_text(text.replace(old, new), encoding="utf-8")
    for path in ("glossary/", "offline/", "care-leavers/"):      # every page the phone has saved
        page.goto(url + path)
        page.wait_for_load_state("load")
        time.sleep(0.3)                   # the worker keeps the page after it is shown
    for _ in range(50):
        if _theme_files(page) == [f"/assets/stylesheets/{new}"]:
            break
        time.sleep(0.1)
    assert _theme_files(page) == [f"/assets/stylesheets/{new}"]


def test_a_page_saved_before_a_deploy_runs_its_own_scripts_offline(phone, own_site):
    """M2 (probe E): the outcome saved under one build; a deploy changes cards.js (every page
    names the new version) and a page seen online keeps it; offline, the old outcome runs the
    cards.js it was built with, never the new one."""
    import hashlib
    copy, url = own_site.folder, own_site.url
    page = phone.new_page()
    _open_outcome_once(page, own_site)
    cards = copy / "assets" / "cards.js"
    old = "?v=" + hashlib.sha256(cards.read_bytes()).hexdigest()[:12]
    cards.write_text('window.__cardsBuild = "new";\n' + cards.read_text(encoding="utf-8"), encoding="utf-8")
    new = "?v=" + hashlib.sha256(cards.read_bytes()).hexdigest()[:12]
    for html in copy.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        if "cards.js" + old in text:
            html.write_text(text.replace("cards.js" + old, "cards.js" + new), encoding="utf-8")
    page.goto(url + "moving/?from=surrey&to=kent")           # the new cards.js reaches the phone
    assert page.evaluate("window.__cardsBuild") == "new"
    wait_until_saved(page, "/assets/cards.js")
    own_site.cut(phone)
    page.goto(url + LINK)
    page.get_by_role("status").filter(has_text="You are offline").wait_for()
    page.locator(".glance .glance__council").first.wait_for()
    assert page.evaluate("window.__cardsBuild") is None           # the old page's own script
    assert re.search(r"cards\.js\?v=[0-9a-f]+", page.content()).group(0) == "cards.js" + old
    assert "undefined" not in page.locator(".glance").inner_text()


# --- files our scripts load themselves, across a deploy (issue 20, item 7) ----------------------

def _short(path: Path) -> str:
    import hashlib
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def _deploy(site: Path, rel: str, text: str) -> None:
    """A new build of one file, named as the build names it: every page and script that named
    `name?v=<old hash>` names the new hash, and a script so changed is itself a new build."""
    path = site / rel
    name = rel.rsplit("/", 1)[-1]
    old = f"{name}?v={_short(path)}"
    path.write_text(text, encoding="utf-8")
    new = f"{name}?v={_short(path)}"
    for other in [*site.rglob("*.html"), *(site / "assets").glob("*.js")]:
        was = other.read_text(encoding="utf-8")
        if old in was and other.suffix == ".js":
            _deploy(site, other.relative_to(site).as_posix(), was.replace(old, new))
        elif old in was:
            other.write_text(was.replace(old, new), encoding="utf-8")


def _kept(page) -> list[str]:
    return page.evaluate("""async () => {
        const cache = await caches.open((await caches.keys()).find(n => n.startsWith('atlas-offline-')));
        return (await cache.keys()).map(r => { const u = new URL(r.url); return u.pathname + u.search; }); }""")


LIBRARY = "assets/vendor/accessible-autocomplete/accessible-autocomplete.min.js"
BUILDS = "[window.__libraryBuild || null, globalThis.__rankBuild || null, globalThis.__pagefindBuild || null]"


def _search(page, words: str) -> None:
    page.get_by_role("button", name="Search").click()
    page.get_by_role("searchbox", name="Search this site").fill(words)
    page.wait_for_function("q => { const r = document.querySelector('[data-search-results]');"
                           " return r && r.dataset.query === q && r.querySelector('a'); }", arg=words)


def test_a_page_saved_before_a_deploy_loads_its_own_library_and_search_offline(phone, own_site):
    """Item 7: what our scripts load themselves (the type-ahead library, search-rank.js, Pagefind)
    is named by its content too. The planner, saved with its pickers and a search, under one
    build; a deploy changes all three, and a page seen online loads the new ones; offline, the
    old planner runs its own. Once every saved page has been seen again, the old ones are gone."""
    copy, url = own_site.folder, own_site.url
    page = phone.new_page()
    visit_and_wait_until_saved(page, url + "moving/", "/moving/")
    page.reload()                         # now through the worker, which keeps what the page loads
    page.get_by_role("combobox").first.wait_for()
    _search(page, "pathway plan")
    old_bundle = next((copy / "pagefind").iterdir()).name
    old_kept = _kept(page)
    assert any(k.startswith(f"/{LIBRARY}?v=") for k in old_kept), old_kept
    assert any(k.startswith("/assets/search-rank.js?v=") for k in old_kept), old_kept
    assert f"/pagefind/{old_bundle}/pagefind.js" in old_kept, old_kept
    # The deploy: each file changed, as the build would name it.
    library = copy / LIBRARY
    _deploy(copy, LIBRARY, 'window.__libraryBuild = "new";\n' + library.read_text(encoding="utf-8"))
    rank = copy / "assets" / "search-rank.js"
    _deploy(copy, "assets/search-rank.js", 'globalThis.__rankBuild = "new";\n' + rank.read_text(encoding="utf-8"))
    new_bundle = "0123456789ab"
    shutil.copytree(copy / "pagefind" / old_bundle, copy / "pagefind" / new_bundle)
    shutil.rmtree(copy / "pagefind" / old_bundle)
    entry = copy / "pagefind" / new_bundle / "pagefind.js"
    entry.write_text('globalThis.__pagefindBuild = "new";\n' + entry.read_text(encoding="utf-8"), encoding="utf-8")
    search = copy / "assets" / "search.js"
    _deploy(copy, "assets/search.js", search.read_text(encoding="utf-8").replace(f"pagefind/{old_bundle}/", f"pagefind/{new_bundle}/"))
    # Online, another page with a picker and the search: the new files reach the phone.
    page.goto(url + "local-offers/mine/")
    page.get_by_role("combobox").first.wait_for()
    _search(page, "pathway plan")
    assert page.evaluate(BUILDS) == ["new", "new", "new"]
    # Without signal, the old planner: its own library and search, never the new ones.
    own_site.cut(phone)
    page.goto(url + "moving/")
    page.get_by_role("status").filter(has_text="You are offline").wait_for()
    page.get_by_role("combobox").first.wait_for()
    _search(page, "pathway plan")
    assert page.evaluate(BUILDS) == [None, None, None]
    # Back online, every saved page seen again: only the new build's files are left.
    phone.set_offline(False)
    own_site.server.cut = False
    for path in ("moving/", "local-offers/mine/", "offline/", "care-leavers/"):
        page.goto(url + path)
        page.wait_for_load_state("load")
        time.sleep(0.3)                   # the worker keeps the page after it is shown
    names = (f"/{LIBRARY}", "/assets/search-rank.js", "/assets/search.js", "/assets/typeahead.js")

    def old_files(kept):
        return [k for k in kept if k in old_kept and (f"/pagefind/{old_bundle}/" in k or k.split("?")[0] in names)]
    for _ in range(50):
        kept = _kept(page)
        if not old_files(kept):
            break
        time.sleep(0.1)
    assert not old_files(kept), kept
    assert f"/pagefind/{new_bundle}/pagefind.js" in kept, kept
    for name in names:
        assert len([k for k in kept if k.split("?")[0] == name]) == 1, (name, kept)
