"""Corrections go only where the host says, and name the record and its fields."""
from __future__ import annotations

import copy
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from macros.core.corrections import Channel, channel_from_setting, correction
from tests.support import real_site


@pytest.mark.parametrize("value,kind", [("", "none"), (None, "none"), ("team@example.org", "email"),
                                        ("mailto:team@example.org", "email"),
                                        ("https://forms.example.org/atlas", "form")])
def test_a_mailbox_or_an_https_form_is_a_channel(value, kind):
    channel, problem = channel_from_setting(value)
    assert problem is None and channel.kind == kind


@pytest.mark.parametrize("value", ["http://forms.example.org", "javascript:alert(1)", "someone", 42])
def test_anything_else_stops_the_build(value):
    channel, problem = channel_from_setting(value)
    assert channel.kind == "none" and "extra.corrections" in problem


def test_with_no_channel_there_is_no_link_but_the_text_to_copy():
    c = correction(Channel("none"), "Lancashire: leaving care team line", [("Phone", "0300 123 6720")], "/authorities/lancashire/")
    assert c.href is None
    assert "Record: Lancashire: leaving care team line" in c.body and "- Phone: 0300 123 6720" in c.body


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


def test_council_pages_offer_a_correction_for_each_line_and_name_the_channel():

    from macros.directory.pages import directory_pages
    site = copy.copy(real_site())
    page = directory_pages(site)["authorities/hackney.md"][0]
    assert page.count("Is this wrong? How to report it") >= 3  # each line, and the council itself
    assert "Tell us" not in page                              # no channel: nothing promises we will hear
    assert "No way to send a correction is set up" in page and "mailto:corrections" not in page
    assert "Record: Hackney: Leaving care team" in page
    site.corrections = Channel("email", "corrections@example.org")
    page = directory_pages(site)["authorities/hackney.md"][0]
    assert "No way to send a correction is set up" not in page
    assert page.count("Is this wrong? Tell us") >= 3
    assert 'href="mailto:corrections@example.org?subject=Correction%3A%20Hackney' in page


def test_a_lead_officers_entry_goes_by_the_same_channel_in_plain_words():

    from macros.core.render import render
    site = copy.copy(real_site())
    html = render("_send_entry.html", site, "lead-officers/your-entry/")
    assert "No way to send details is set up" in html and "href=" not in html
    assert "Leaving care team: name, phone, team email" in html and "authority:" not in html
    site.corrections = Channel("email", "directory@example.org")
    html = render("_send_entry.html", site, "lead-officers/your-entry/")
    assert 'href="mailto:directory@example.org?subject=Lead%20officer%20entry' in html
    assert "No way to send details is set up" not in html
