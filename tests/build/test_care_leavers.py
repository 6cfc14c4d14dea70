"""The care leavers' page: their three questions, a picker without job titles, numbers without
JavaScript, and homelessness law with its statutes."""
from __future__ import annotations

import json
import re

from macros.careleavers import words
from macros.core.dates import human_date
from tests.build.test_plain_english import article_html
from tests.support import real_site

JARGON = ("responsible authority", "receiving authority", "lead officer", "public line")


def test_the_three_questions_come_first_and_each_is_a_section(built_site):
    article = article_html(built_site, "care-leavers")
    nav = re.search(r'<nav class="cl-questions".*?</nav>', article, re.S).group(0)
    assert article.index(nav) < article.index("<h2")            # the questions are the first thing
    for anchor, question in [("who-helps-me-now", "Who helps me now?"), ("what-can-i-get", "What can I get?"),
                             ("who-do-i-call", "Who do I call?"), ("nowhere-to-stay-tonight", "Nowhere to stay tonight?")]:
        assert f'href="#{anchor}">{question}</a>' in nav
        assert f'<h2 id="{anchor}">{question}</h2>' in article


def test_what_can_i_get_leads_to_what_applies_to_me_and_council_tax(built_site):
    article = article_html(built_site, "care-leavers")
    section = article.split('id="what-can-i-get"', 1)[1].split('id="who-do-i-call"', 1)[0]
    assert 'href="../local-offers/mine/"' in section
    assert "We pay your Council Tax up to the age of 25" in section          # Lancashire's letter, from the offers data
    assert "Local Government Finance Act 1992 s13A(1)(c)" in section        # the law's note, from entitlements.yaml
    assert 'href="../local-offers/council-tax-exemption/"' in section


def test_the_picker_asks_plainly_and_its_words_have_no_job_titles(built_site):
    article = article_html(built_site, "care-leavers")
    picker = re.search(r"<div class=\"cl-call\".*?</div>", article, re.S).group(0)
    assert '<label for="call-from">Where were you in care?</label>' in picker
    assert '<label for="call-to">Where do you live now?</label>' in picker
    assert 'method="get"' in picker and picker.count("data-typeahead ") + picker.count("data-typeahead>") == 2
    assert "Preston" in picker.split('id="call-to"')[0]      # towns in "Where were you in care?" too (issue 19, m4)
    assert '<option value="lancashire">Lancashire</option>' in picker
    assert '<option value="district-wychavon">Wychavon (Worcestershire)</option>' in picker
    script_words = json.loads(re.search(r'<script type="application/json" id="call-words">(.*?)</script>',
                                        article, re.S).group(1))
    labels = re.sub(r"<select.*?</select>", "", picker, flags=re.S)     # council names are not labels
    for text in (labels, json.dumps(script_words, ensure_ascii=False)):
        for word in JARGON:
            assert word not in text.lower(), word
    assert script_words["status"]["unverified"].startswith("Not checked")   # unverified stays unverified
    assert 'src="../assets/care-leavers.js?v=' in article


def test_without_javascript_the_a_to_z_has_both_councils_numbers(built_site):
    page = (built_site / "care-leavers" / "index.html").read_text(encoding="utf-8")
    assert 'href="councils/"' in page                                     # reached without the form
    listing = article_html(built_site, "care-leavers/councils")
    lancashire = re.search(r'<section class="cl-council" id="lancashire".*?</section>', listing, re.S).group(0)
    assert 'href="tel:+443001236722"' in lancashire and "Out of hours emergency line" in lancashire
    # Lancashire's out-of-hours number has three sources (one unverified): shown once, by the surest
    assert lancashire.count('href="tel:+443001236722"') == 1 and words.STATUS_WORDS["published"] in lancashire
    # its front door and switchboard share 0300 123 6720: one line to ring, the one that says what
    # to ask for (as atlasCards.askOnce does with JavaScript on)
    assert lancashire.count('href="tel:+443001236720"') == 1
    worcestershire = re.search(r'<section class="cl-council" id="worcestershire".*?</section>', listing, re.S).group(0)
    assert 'href="tel:+441905765765"' in worcestershire
    assert 'href="tel:+441905768020"' in worcestershire            # its out-of-hours line (December's research)
    liverpool = re.search(r'<section class="cl-council" id="liverpool".*?</section>', listing, re.S).group(0)
    assert words.NO_OUT_OF_HOURS.format(name="Liverpool") in liverpool   # a front door, no out-of-hours line
    assert 'Wychavon: <a href="#worcestershire">Worcestershire</a>' in listing
    for word in JARGON:
        assert word not in listing.lower(), word
    # A council with no number says so and links its website.
    site = real_site()
    none = next(a for a in sorted(site.authorities.values(), key=lambda a: a.name) if a.entry is None)
    block = re.search(rf'<section class="cl-council" id="{none.slug}".*?</section>', listing, re.S).group(0)
    assert words.NONE.format(name=none.name) in block and f'href="{none.website}"' in block


def test_nowhere_to_stay_tonight_gives_each_fact_its_statute(built_site):
    article = article_html(built_site, "care-leavers")
    section = article.split('id="nowhere-to-stay-tonight"', 1)[1]
    site = real_site()
    assert len(site.homelessness) >= 4
    for fact in site.homelessness:
        item = re.search(rf'<li id="law-{fact.id}">.*?</li>', section, re.S).group(0)
        assert f'href="{fact.source["url"]}"' in item
        # Issue 17: each fact says its legal status and when it was checked; a fact of law names its
        # provision on legislation.gov.uk, guidance the page we read it on.
        assert f'<strong class="law-status">{fact.legal_status}.</strong>' in item
        assert f"Checked {human_date(fact.as_of)}" in item
        if fact.law in ("law-now", "passed-not-started"):
            assert fact.source["url"].startswith("https://www.legislation.gov.uk/")
            assert ("(we have not yet checked these words on legislation.gov.uk)" in item) == (fact.status == "unverified")
        else:
            assert ("(we have not yet checked these words in the guidance itself)" in item) == (fact.status == "unverified")
    assert {f.law for f in site.homelessness} >= {"law-now", "passed-not-started", "recommendation"}
    for statute in ("Housing Act 1996, section 188(1)", "Housing Act 1996, section 189B",
                    "Homelessness (Priority Need for Accommodation) (England) Order 2002, article 4(1)",
                    "Homelessness (Priority Need for Accommodation) (England) Order 2002, article 5(1)"):
        assert statute in section
    assert "data-tonight" in section


def test_the_protocol_s_promises_are_said_as_a_2004_agreement_and_nothing_is_added(built_site):
    """Accuracy review 2026-12, M2 and L4."""
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article_html(built_site, "care-leavers")))
    assert "back: you do not" not in text                # no source says who repays what
    assert "Every council has a local offer" not in text
    hurry = text.split("If you moved in a hurry", 1)[1].split("If you are planning a move", 1)[0]
    assert "2004" in hurry and "National Protocol" in hurry
    assert "does not say whether you would ever have to pay anything back" in hurry
    assert "Every council that looks after children must publish its local offer" in text
