"""Rules for every string in data/: plain text only.

Data is shown as text, never as markup. Markup in data is refused at load time, and the
renderer escapes everything anyway, so a slip in one layer is caught by the other.
"""
from __future__ import annotations

import re

import nh3

from .problems import Problem, field_path
from .yamlfile import YamlFile

# nh3 (the Rust ammonia sanitiser) decides what is markup: `<b>`, `</p>`, `<!-- -->` are;
# "age < 25" and "Tom & Jerry" are not.
_MARKDOWN = re.compile(r"\*\*[^*]+\*\*|\[[^\]]+\]\([^)]+\)")


def strings(data, path=()):
    if isinstance(data, dict):
        for key, value in data.items():
            yield from strings(value, path + (key,))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from strings(item, path + (i,))
    elif isinstance(data, str):
        yield path, data


def find_markup(text: str) -> str | None:
    if nh3.is_html(text):
        return "HTML is not allowed in data: write plain text (it is shown exactly as written)"
    if _MARKDOWN.search(text):
        return "Markdown is not allowed in data: write plain text"
    return None


def check(yf: YamlFile) -> list[Problem]:
    problems = []
    for path, text in strings(yf.data):
        message = find_markup(text)
        if message:
            problems.append(Problem(yf.path, yf.line_of(path), field_path(path), message))
    return problems
