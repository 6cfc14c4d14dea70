"""The Copy button on every prefilled message, with and without a clipboard, and with JavaScript
off; axe on the new pages (/changes/, the entry page) on a phone and a desktop."""
from __future__ import annotations

import pytest

from tests.browser.conftest import axe_violations

COUNCIL = "authorities/hackney/"


def open_first_panel(page):
    page.locator("details.correction > summary").first.click()
    return page.locator("details.correction").first


def test_copy_puts_the_message_on_the_clipboard_and_says_so(browser, base_url):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page = context.new_page()
    page.goto(base_url + COUNCIL)
    panel = open_first_panel(page)
    expected = panel.locator("pre[data-copy-text]").text_content()
    panel.get_by_role("button", name="Copy the message").click()
    status = panel.get_by_role("status")
    status.get_by_text("Copied: paste it into your message.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert page.locator("pre[data-copy-text]").count() == page.locator("button.copy-message").count()  # closed panels too
    context.close()


@pytest.mark.parametrize("clipboard", ["missing", "refusing"])
def test_without_a_clipboard_copy_does_not_throw_and_says_what_happened(browser, base_url, clipboard):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    if clipboard == "missing":
        context.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined});"
                                "document.execCommand = function () { return false; };")
    else:
        context.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: {writeText: function () {"
                                " return Promise.reject(new Error('denied')); }}});"
                                "document.execCommand = function () { throw new Error('no'); };")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base_url + "lead-officers/your-entry/")
    box = page.locator(".send-entry")
    box.get_by_role("button", name="Copy the message").click()
    box.get_by_role("status").get_by_text("the message below is selected", exact=False).wait_for()
    selected = page.evaluate("window.getSelection().toString()")
    assert selected.strip() == box.locator("pre[data-copy-text]").text_content().strip()
    assert errors == []
    context.close()


def test_without_javascript_the_message_is_there_to_select_and_no_button_pretends(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + COUNCIL)
    assert page.locator("pre[data-copy-text]").count() > 0
    assert page.get_by_role("button", name="Copy the message").count() == 0
    page.goto(base_url + "changes/")
    assert page.locator("section.changes-council").count() > 0
    context.close()


@pytest.mark.parametrize("width", [320, 375, 1280])
@pytest.mark.parametrize("url", ["changes/", "lead-officers/your-entry/"])
def test_axe_finds_nothing_on_the_new_pages(browser, base_url, url, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(base_url + url)
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)
    context.close()
