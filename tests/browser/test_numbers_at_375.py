"""Issue 18, item 4, at 375 px: in the care leavers' A to Z every number is a tap target of at least
44 by 44 px, with its opening hours (or "we do not know") under it. One visit, JavaScript off (the
A to Z is the answer without it)."""
from __future__ import annotations


def test_every_number_in_the_a_to_z_is_a_44px_target_with_its_hours(browser, base_url):
    context = browser.new_context(viewport={"width": 375, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "care-leavers/councils/")
    sizes = page.eval_on_selector_all(
        ".cl-lines a.phone",
        """links => links.map(a => { const r = a.getBoundingClientRect();
             const hours = a.parentElement.querySelector('.cl-line__hours');
             return [a.textContent, r.width, r.height, hours ? hours.textContent : null,
                     hours ? hours.getBoundingClientRect().top >= r.bottom - 1 : false]; })""")
    context.close()
    assert len(sizes) > 300
    small = [s for s in sizes if s[1] < 44 or s[2] < 44]
    assert not small, small[:5]
    assert all(s[3] and (s[3].startswith("Open: ") or s[3] == "We do not know when it is open.") for s in sizes)
    assert all(s[4] for s in sizes)          # the hours are under the number, not squeezed beside it
    page_width = 375
    assert all(s[1] <= page_width for s in sizes)
