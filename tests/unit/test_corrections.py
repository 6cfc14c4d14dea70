"""Corrections go only where the host says, and name the record and its fields; who runs the site
is said where the host names it, and plainly not named where it does not."""
from __future__ import annotations

import copy
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from macros.core.corrections import (FORMS, Channel, Publisher, channel_from_setting, correction, entry_message,
                                     offer_correction, publisher_from_setting, setting_advice)
from tests.support import real_site


@pytest.mark.parametrize("value,kind", [("", "none"), (None, "none"), ("team@example.org", "email"),
                                        ("mailto:team@example.org", "email"),
                                        ("https://forms.example.org/atlas", "form"),
                                        ({"github": "example/atlas"}, "github"),
                                        ({"gitlab": "group/sub/project"}, "gitlab")])
def test_a_mailbox_a_form_or_a_repository_is_a_channel(value, kind):
    channel, problem = channel_from_setting(value)
    assert problem is None and channel.kind == kind


@pytest.mark.parametrize("value", ["http://forms.example.org", "javascript:alert(1)", "someone", 42,
                                   "https://forms.example.org@evil.example/", "https://10.0.0.1/form",
                                   {"github": "example"}, {"github": "a/b/c"}, {"bitbucket": "a/b"},
                                   {"github": "a/b", "gitlab": "c/d"}, {"github": "x/<script>"}])
def test_anything_else_stops_the_build(value):
    channel, problem = channel_from_setting(value)
    assert channel.kind == "none" and "extra.corrections" in problem


def test_with_no_channel_there_is_no_link_but_the_text_to_copy():
    c = correction(Channel("none"), "Lancashire: leaving care team line", [("Phone", "0300 123 6720")],
                   "/authorities/lancashire/", "Lancashire")
    assert c.href is None
    assert "What it is about: Lancashire: leaving care team line" in c.body and "- Phone: 0300 123 6720" in c.body
    assert "Council: Lancashire" in c.body and "Where the right version is published:" in c.body


def test_an_email_channel_opens_a_message_naming_the_record():
    c = correction(Channel("email", "team@example.org"), "Derby & co <x>", [("Phone", "01332 640000")], "/authorities/derby/")
    parts = urlsplit(c.href)
    assert parts.scheme == "mailto" and parts.path == "team@example.org"
    query = {k: unquote(v) for k, v in (p.split("=", 1) for p in parts.query.split("&"))}
    assert query["subject"] == "Correction: Derby & co <x>"
    assert "- Phone: 01332 640000" in query["body"]


def test_a_form_channel_carries_subject_and_body_as_parameters():
    c = correction(Channel("form", "https://forms.example.org/atlas?id=1"), "Derby", [], "/authorities/derby/")
    query = parse_qs(urlsplit(c.href).query)
    assert query["id"] == ["1"] and query["subject"] == ["Correction: Derby"]


def test_a_github_channel_opens_the_right_form_with_its_fields_filled_by_id():
    c = correction(Channel("github", "example/atlas"), "Derby: Leaving care team, Care Leavers Team",
                   [("Phone", "01332 640000")], "/authorities/derby/", "Derby")
    parts = urlsplit(c.href)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "github.com", "/example/atlas/issues/new")
    query = parse_qs(parts.query)
    assert query["template"] == ["correction.yml"]
    assert query["title"] == ["Correction: Derby: Leaving care team, Care Leavers Team"]
    assert query["council"] == ["Derby"] and query["page"] == ["/authorities/derby/"]
    assert query["shown"] == ["- Phone: 01332 640000"]
    assert set(query) - {"template", "title"} <= {f.id for f in FORMS["correction"].fields}


def test_an_offer_item_opens_the_local_offer_form_and_an_entry_the_lead_officers_form():
    c = offer_correction(Channel("github", "example/atlas"), "Derby", "Setting up home allowance",
                         [("Value", "£2,000")], "/authorities/derby/")
    query = parse_qs(urlsplit(c.href).query)
    assert query["template"] == ["local-offer-item.yml"] and query["entitlement"] == ["Setting up home allowance"]
    e = entry_message(Channel("github", "example/atlas"))
    assert parse_qs(urlsplit(e.href).query)["template"] == ["lead-officer-entry.yml"]


def test_a_gitlab_channel_puts_the_message_in_a_new_issue():
    c = correction(Channel("gitlab", "group/atlas"), "Derby", [("Phone", "01332 640000")], "/authorities/derby/")
    parts = urlsplit(c.href)
    assert parts.netloc == "gitlab.com" and parts.path == "/group/atlas/-/issues/new"
    query = parse_qs(parts.query)
    assert query["issue[title]"] == ["Correction: Derby"] and "- Phone: 01332 640000" in query["issue[description]"][0]


@pytest.mark.parametrize("value,expected", [
    ("", Publisher()), ("Example Trust", Publisher("Example Trust")),
    ({"name": "Example Trust", "address": "atlas@example.org"}, Publisher("Example Trust", "atlas@example.org")),
    ({"name": "Example Trust", "address": "https://example.org/contact"}, Publisher("Example Trust", "https://example.org/contact"))])
def test_a_publisher_is_a_name_and_an_address(value, expected):
    assert publisher_from_setting(value) == (expected, None)


@pytest.mark.parametrize("value", [{"address": "a@example.org"}, {"name": "X", "address": "http://x.org"},
                                   {"name": "X", "address": "https://x.org@evil.example/"},
                                   {"name": "X", "phone": "1"}, {"name": "<b>X</b>"}, ["X"]])
def test_a_publisher_without_a_name_or_with_a_bad_address_stops_the_build(value):
    publisher, problem = publisher_from_setting(value)
    assert publisher == Publisher() and problem.startswith("extra.publisher")


def test_make_check_says_what_to_set_until_both_are_set():
    advice = setting_advice(Channel("none"), Publisher())
    assert len(advice) == 2 and "extra: corrections:" in advice[0] and "extra: publisher:" in advice[1]
    assert setting_advice(Channel("github", "a/b"), Publisher("X")) == []


def test_council_pages_offer_a_correction_for_each_line_and_name_the_channel():
    from macros.directory.pages import directory_pages
    site = copy.copy(real_site())
    page = directory_pages(site)["authorities/hackney.md"][0]
    assert page.count("Is this wrong? How to report it") >= 3  # each line, and the council itself
    assert "Tell us" not in page                              # no channel: nothing promises we will hear
    assert "No way to send a correction is set up" in page and "mailto:corrections" not in page
    assert "What it is about: Hackney: Leaving care team" in page
    assert page.count("The publisher is not named on this copy of the site yet") == page.count('class="correction"')
    site.corrections = Channel("email", "corrections@example.org")
    site.publisher = Publisher("Example Trust", "atlas@example.org")
    page = directory_pages(site)["authorities/hackney.md"][0]
    assert "No way to send a correction is set up" not in page
    assert page.count("Is this wrong? Tell us") >= 3
    assert 'href="mailto:corrections@example.org?subject=Correction%3A%20Hackney' in page
    assert page.count('This site is run by Example Trust: <a href="mailto:atlas@example.org">') == page.count('class="correction"')
    assert page.count("data-copy-text") == page.count('class="correction"')


def test_a_lead_officers_entry_goes_by_the_same_channel_in_plain_words():
    from macros.core.render import render
    site = copy.copy(real_site())
    html = render("_send_entry.html", site, "lead-officers/your-entry/")
    assert "No way to send details is set up" in html and "href=" not in html
    assert "Role people should ask for:" in html and "authority:" not in html and "data-copy-text" in html
    site.corrections = Channel("email", "directory@example.org")
    html = render("_send_entry.html", site, "lead-officers/your-entry/")
    assert 'href="mailto:directory@example.org?subject=Lead%20officer%20entry' in html
    assert "No way to send details is set up" not in html and "account" not in html
    site.corrections = Channel("github", "example/atlas")
    html = render("_send_entry.html", site, "lead-officers/your-entry/")
    assert 'href="https://github.com/example/atlas/issues/new?template=lead-officer-entry.yml' in html
    assert "You need a GitHub account to send it, and what you send there is public" in html
