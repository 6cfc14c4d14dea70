"""Small core functions: links, dates, glossary linking, escaping, the content policy."""
from __future__ import annotations

import pytest

from macros.core.csp import add_policy
from macros.documents.document import number_anchor
from macros.documents.glossary import Term, TermLinker
from macros.core.links import relative
from macros.core.render import human_date
from tests.support import real_site


@pytest.mark.parametrize("from_url,to_url,expected", [
    ("documents/lassl-2004-20/", "protocol/#para-9-3", "../../protocol/#para-9-3"),
    ("", "glossary/", "glossary/"),
    ("protocol/", "protocol/#para-1-1", "./#para-1-1"),
    ("protocol/", "#para-1-1", "#para-1-1"),
    ("protocol/", "", "../"),
    ("", "", "./"),
    ("authorities/", "data/authorities.csv", "../data/authorities.csv"),
])
def test_relative_links(from_url, to_url, expected):
    assert relative(from_url, to_url) == expected


@pytest.mark.parametrize("number,anchor", [("9.3", "para-9-3"), ("10.2", "para-10-2"),
                                           ("2.5.1", "para-2-5-1"), ("7", "para-7")])
def test_paragraph_anchors_use_hyphens(number, anchor):
    assert number_anchor("para", number) == anchor


@pytest.mark.parametrize("value,shown", [("2004-07-28", "28 July 2004"), ("2004-07", "July 2004"),
                                         ("2019", "2019"), ("undated", "Undated")])
def test_dates_are_shown_in_words(value, shown):
    assert human_date(value) == shown


def _linker():
    terms = [Term("relevant-child", "relevant care leaver", ["relevant child"], "Aged 16 or 17.", {}, []),
             Term("former-relevant", "former relevant", [], "Aged 18 or over.", {}, []),
             Term("responsible-authority", "responsible authority", [], 'The "home" council <b>.', {}, [])]
    return TermLinker(terms, lambda url: "../" + url)


def test_the_first_use_of_a_term_in_a_section_links_to_its_entry():
    linker = _linker()
    html = str(linker("The responsible authority pays. The responsible authority decides."))
    assert html.count('<a class="term"') == 1
    assert 'href="../glossary/#responsible-authority"' in html
    # the definition is escaped inside the title attribute
    assert 'title="The &#34;home&#34; council &lt;b&gt;."' in html
    linker.new_section()
    assert '<a class="term"' in str(linker("the responsible authority"))


def test_longer_terms_win_and_plurals_match():
    html = str(_linker()("former relevant care leavers and relevant care leavers"))
    assert ">former relevant</a>" in html and ">relevant care leavers</a>" in html
    assert "relevant-child" in html


def test_terms_inside_other_words_are_not_linked():
    assert '<a' not in str(_linker()("irresponsible authority-wide"))


def test_text_around_terms_is_escaped():
    html = str(_linker()("<script>alert(1)</script> responsible authority"))
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_every_inline_script_is_allowed_by_its_hash_and_nothing_else():
    page = ('<html><head><title>x</title></head><body><script>var a=1;</script>'
            '<script id="__config" type="application/json">{"a":1}</script>'
            '<script src="assets/x.js"></script></body></html>')
    out = add_policy(page)
    policy = out.split('content="')[1].split('"')[0]
    assert "default-src 'self'" in policy
    assert policy.count("'sha256-") == 1                 # the JSON block and the file need no hash
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert out.index("Content-Security-Policy") < out.index("<title>")


def test_cross_references_in_a_document_become_links_and_acts_do_not():
    from macros.documents.references import finder
    site = real_site()
    protocol = site.documents["national-protocol"]
    find = finder(protocol, site.documents, lambda url: "/" + url)
    spans = find("the cost of negotiated services (see paragraphs 6.2 and 8.9).")
    assert [(s[2], s[3]) for s in spans] == [("/protocol/#para-6-2", "National Protocol 6.2"),
                                              ("/protocol/#para-8-9", "National Protocol 8.9")]
    assert find('"relevant" (Section 23A), and paragraph 99.9') == []
    lassl = finder(site.documents["lassl-2004-20"], site.documents, lambda url: "/" + url)
    assert lassl("can be found in Section 5 of the Protocol.")[0][2] == "/protocol/#section-5"


def test_every_page_gets_a_skip_link_to_its_article():
    from macros.core.html_fixes import add_skip_link
    page = '<div data-md-component="skip">\n</div><article class="md-content__inner md-typeset"><h1>x</h1>'
    out = add_skip_link(page)
    assert '<a href="#content" class="md-skip">Skip to content</a>' in out and 'id="content"' in out
    already = '<div data-md-component="skip"><a href="#x" class="md-skip">Skip</a></div>'
    assert add_skip_link(already) == already
