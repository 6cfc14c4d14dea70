"""Theme CSS purge (macros/assets/purge_css.py): only rules that can match the site are kept."""
from __future__ import annotations

import hashlib
import re

import pytest

from macros.assets.purge_css import Corpus, main, purge, purge_site


def corpus(names=(), script="", values=()) -> Corpus:
    c = Corpus(names=set(names), values=set(values))
    c.add_script(script)
    return c


def test_an_unused_class_rule_goes_and_a_used_one_stays():
    out = purge(".used{color:red}.unused{color:blue}#gone{color:green}#here{top:0}", corpus({"used", "here"}))
    assert out == ".used{color:red}#here{top:0}"


def test_a_selector_list_keeps_only_the_selectors_that_can_match():
    out = purge(".a .b,.a .gone,p.b>.c,div{margin:0}", corpus({"a", "b", "c"}))
    assert out == ".a .b,p.b>.c,div{margin:0}"


def test_element_attribute_and_pseudo_selectors_stay():
    css = "body{margin:0}[hidden]{display:none}a:hover{color:red}input:checked~label{top:0}"
    assert purge(css, corpus()) == css


def test_a_media_block_is_purged_inside_and_dropped_when_empty():
    css = "@media screen{.a{top:0}.gone{top:1px}}@media print{.gone{top:0}}@supports (display:grid){.gone{x:y}}"
    assert purge(css, corpus({"a"})) == "@media screen{.a{top:0}}"


def test_nested_groups_are_purged_recursively():
    css = "@supports (x:y){@media screen{.gone{top:0}}@media print{.a{top:0}}}"
    assert purge(css, corpus({"a"})) == "@supports (x:y){@media print{.a{top:0}}}"


def test_font_face_keyframes_and_root_stay_whole():
    css = ("@font-face{font-family:x;src:url(x.woff2)}@keyframes spin{0%{top:0}to{top:1px}}"
           ":root{--md-x:1px}:root>*{--md-y:red}html{--z:0}")
    assert purge(css, corpus()) == css


def test_a_class_only_named_in_a_script_string_stays():
    c = corpus(script='notice.className = "admonition warning";')
    assert purge(".admonition{a:b}.warning{a:b}.note{a:b}", c) == ".admonition{a:b}.warning{a:b}"


def test_a_class_a_script_builds_from_a_prefix_stays():
    c = corpus(script='el.classList.add("tree-" + kind);')
    assert purge(".tree-outcome{a:b}.other{a:b}", c) == ".tree-outcome{a:b}"


def test_not_never_requires_its_class_but_is_needs_one_alternative():
    c = corpus({"a"})
    assert purge(".a:not(.gone){x:y}", c) == ".a:not(.gone){x:y}"
    assert purge(".a :is(.gone,p){x:y}", c) == ".a :is(.gone,p){x:y}"
    assert purge(".a :is(.gone,.lost){x:y}.a:has(.gone){x:y}", c) == ""


def test_an_exact_attribute_value_nowhere_on_the_site_goes():
    c = corpus(values={"indigo"}, script='x.setAttribute("dir", "rtl")')
    css = ("[data-c=indigo]{a:b}[data-c=red]{a:b}[data-c=\"pink\"]{a:b}[dir=rtl] .x{a:b}"
           "[data-c^=red]{a:b}[data-c=red i]{a:b}")
    assert purge(css, c) == "[data-c=indigo]{a:b}[dir=rtl] .x{a:b}[data-c^=red]{a:b}[data-c=red i]{a:b}"


def test_bad_css_stops_the_purge_rather_than_losing_rules():
    with pytest.raises(ValueError):
        purge(".a{x:y}}", corpus({"a"}))


@pytest.fixture
def site(tmp_path):
    (tmp_path / "assets" / "stylesheets").mkdir(parents=True)
    (tmp_path / "assets" / "javascripts").mkdir()
    (tmp_path / "sub").mkdir()
    (tmp_path / "assets" / "stylesheets" / "main.0123abcd.min.css").write_text(
        ".used{a:b}.scripted{a:b}.bundled{a:b}.inline{a:b}.gone{a:b}")
    (tmp_path / "assets" / "stylesheets" / "main.0123abcd.min.css.map").write_text("{}")
    (tmp_path / "assets" / "atlas.css").write_text(".gone{a:b}")
    (tmp_path / "assets" / "ours.js").write_text('b.className = "scripted";')
    # The theme's bundle names every class, but no page loads it.
    (tmp_path / "assets" / "javascripts" / "bundle.1234abcd.min.js").write_text('"bundled gone"')
    link = '<link rel="stylesheet" href="{}assets/stylesheets/main.0123abcd.min.css">'
    (tmp_path / "index.html").write_text(link.format("") + '<p class="used">'
                                         '<script>document.body.classList.add("inline")</script>')
    (tmp_path / "sub" / "index.html").write_text(link.format("../"))
    return tmp_path


def test_the_site_gets_a_renamed_purged_sheet_and_relinked_pages(site):
    assert main([str(site)]) == 0
    sheets = sorted(p.name for p in (site / "assets" / "stylesheets").iterdir())
    assert len(sheets) == 1 and sheets[0] != "main.0123abcd.min.css"   # old file and its map gone
    new = (site / "assets" / "stylesheets" / sheets[0]).read_text()
    assert new == ".used{a:b}.scripted{a:b}.inline{a:b}"
    # The new name carries the new content's hash, so docs/sw.js can keep it forever.
    assert re.fullmatch(r"main\.[0-9a-f]{8}\.min\.css", sheets[0])
    assert sheets[0] == f"main.{hashlib.sha256(new.encode()).hexdigest()[:8]}.min.css"
    assert f'href="assets/stylesheets/{sheets[0]}"' in (site / "index.html").read_text()
    assert f'href="../assets/stylesheets/{sheets[0]}"' in (site / "sub" / "index.html").read_text()
    assert (site / "assets" / "atlas.css").read_text() == ".gone{a:b}"      # ours: never touched


def test_a_second_run_changes_nothing(site):
    first = purge_site(site)
    pages = (site / "index.html").read_text()
    second = purge_site(site)
    assert [new for _, new, _, _ in second] == [old for old, _, _, _ in second] == [n for _, n, _, _ in first]
    assert (site / "index.html").read_text() == pages


def test_main_says_how_to_use_it(tmp_path, capsys):
    assert main([str(tmp_path / "missing")]) == 2
    assert "usage" in capsys.readouterr().err


def test_an_attribute_value_in_another_case_on_a_page_stays():
    assert purge("[type=checkbox]{a:b}", corpus(values={"Checkbox"})) == "[type=checkbox]{a:b}"
