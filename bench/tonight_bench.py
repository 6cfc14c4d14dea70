"""Issue 19's figures (measurements, not tests), for a built site given on the command line:

- cumulative layout shift (CLS) on the first question pages, opened cold at 4x CPU and a slow
  network (400 kbit/s, 400 ms), read with a PerformanceObserver on `layout-shift` entries
  (those without recent input), added before the page's own scripts;
- what is on the first screen (375x800) of the two unplanned-move outcomes once the councils
  are in: the top of each thing a practitioner needs, in CSS px from the top of the page;
- the Friday case of bench/browser_bench.py (taps and machine time).

    .venv/bin/python -m bench.tonight_bench site/        (or any built site folder)
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from bench.browser_bench import PHONE, _context, _until, friday, in_browser

QUESTIONS = ["decisions/unplanned-move/q-receiving-situation/?answers=receiving",
             "decisions/unplanned-move/q-responsible-situation/?answers=responsible"]
OUTCOMES = {
    "receiving": "decisions/unplanned-move/o-receiving-unplanned/?answers=receiving,unplanned"
                 "&start=2026-12-04&from=lancashire&to=district-worcester",
    "responsible": "decisions/unplanned-move/o-responsible-unplanned/?answers=responsible,unplanned"
                   "&start=2026-12-04&from=derbyshire&to=sheffield",
}

CLS_OBSERVER = """
window.__cls = 0;
new PerformanceObserver(list => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
}).observe({type: 'layout-shift', buffered: true});
"""

# The top (px from the top of the page) of the first element whose text matches, or null.
FIND = """([selector, pattern]) => {
  const re = new RegExp(pattern);
  for (const el of document.querySelectorAll(selector)) {
    if (re.test(el.textContent) && el.getClientRects().length) return Math.round(el.getBoundingClientRect().top + window.scrollY);
  }
  return null;
}"""

WANTED = {
    "deadline date": ("strong, .glance__date", r"20\d\d"),
    "who pays": ("dt", r"Who pays"),
    "first number": ("a[href^='tel:']", r"\d"),
    "nowhere to stay tonight": ("h2, h3, dt, summary", r"[Nn]owhere to stay tonight"),
    "if they have closed": ("h2, h3, dt, summary", r"cannot reach them"),
    "copy for case notes": ("button", r"Copy"),
}


def cls(browser, base: str, url: str) -> float:
    context, page = _context(browser, cpu=4, slow_network=True)
    page.add_init_script(CLS_OBSERVER)
    page.goto(base + url, wait_until="load")
    _until(page, "() => !!document.querySelector('[data-pair-pick] input, [data-pair-pick] select')")
    page.wait_for_timeout(3000)
    value = page.evaluate("() => window.__cls")
    context.close()
    return round(value, 3)


def first_screen(browser, base: str, url: str) -> dict:
    context, page = _context(browser)
    page.goto(base + url, wait_until="load")
    _until(page, "() => (document.querySelector('[data-glance-contacts]')?.textContent || '').includes('authority')")
    page.wait_for_timeout(500)
    out = {name: page.evaluate(FIND, [sel, pat]) for name, (sel, pat) in WANTED.items()}
    out["on the first screen"] = [name for name, y in out.items() if y is not None and y < PHONE["height"]]
    out["page height"] = page.evaluate("() => document.documentElement.scrollHeight")
    context.close()
    return out


def measure(site: Path) -> dict:
    return in_browser(site, lambda browser, server, base: {
        "cls_4x_cpu_slow_network": {u: cls(browser, base, u) for u in QUESTIONS},
        "first_screen_375x800": {k: first_screen(browser, base, u) for k, u in OUTCOMES.items()},
        "friday": friday(browser, base)})


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1] if len(sys.argv) > 1 else "site")), indent=1))
