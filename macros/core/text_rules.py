"""Rules for every string in data/: plain text only.

Data is shown as text, never as markup. Markup in data is refused at load time, and the
renderer escapes everything anyway, so a slip in one layer is caught by the other.
"""
from __future__ import annotations

import html
import re
import unicodedata

import nh3

from macros.core.problems import Problem, field_path
from macros.core.yamlfile import YamlFile

# nh3 (the Rust ammonia sanitiser) decides what is markup: `<b>`, `</p>`, `<!-- -->` are;
# "age < 25" and "Tom & Jerry" are not.
_MARKDOWN = re.compile(r"\*\*[^*]+\*\*|\[[^\]]+\]\([^)]+\)|\[[^\]]+\]\[[^\]]*\]|^\s*\[[^\]]+\]:\s", re.M)
# `&lt;` in data is shown as the five characters `&lt;`, but MkDocs' theme un-escapes page titles
# (striptags), which would turn it back into `<`: plain text writes the character itself.
# A reference is whatever a browser would decode (html.unescape), so "AT&T; Tom & Jerry" is text.
_CHARACTER_REFERENCE = re.compile(r"&#?[0-9A-Za-z]+;?")
# Invisible and direction-changing characters can make a name look like another (a right-to-left
# override shows "Lancashire\u202eelif.exe" reversed), hide words from search and from the
# evidence check: refused. Tabs and line breaks are ordinary text.
_INVISIBLE = re.compile("[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e"
                        "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]")
# The longest word in data/ is a 208-character web address: a word ten times longer than a line
# is an accident (or an attack on the layout), and no page can wrap it sensibly.
LONGEST_WORD = 500
_LONG_WORD = re.compile(r"\S{%d,}" % (LONGEST_WORD + 1))
# The longest text in data/ is a few hundred words; a 2 MB "paragraph" is a pasting accident.
LONGEST_TEXT = 10_000
# Beyond the list above, by Unicode category (issue 20, L4): format characters (Cf: the tag block
# U+E0000 to U+E007F, joiners), line and paragraph separators (Zl, Zp), controls, private-use,
# unassigned and surrogate code points; and the blank "letters" and the invisible joiner that are
# not format characters. Tab and line breaks stay ordinary text.
_INVISIBLE_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Co", "Cn", "Cs"}
_BLANK_LETTERS = {"\u034f", "\u115f", "\u1160", "\u3164", "\uffa0", "\u2800"}


def _invisible(text: str) -> int | None:
    """The index of the first invisible character, or None."""
    hidden = _INVISIBLE.search(text)
    if hidden:
        return hidden.start()
    for i, char in enumerate(text):
        if char in _BLANK_LETTERS or (char not in "\t\n\r" and unicodedata.category(char) in _INVISIBLE_CATEGORIES):
            return i
    return None


# Names people pick from a list or compare by eye: a letter from another script ("Lаncashire" with
# a Cyrillic а) makes one council look like another. Every English council and team is written in
# Latin letters.
NAME_FIELDS = {("data/authorities.yaml", "name"), ("data/authorities.yaml", "official_name"),
               ("data/districts.yaml", "name"), ("data/districts.yaml", "official_name"),
               ("data/lead-officers.yaml", "team"), ("data/lead-officers.yaml", "name")}


def look_alike(text: str) -> str | None:
    for i, char in enumerate(text):
        if char.isalpha() and not unicodedata.name(char, "").startswith("LATIN"):
            return (f"the letter {char!r} at character {i + 1} is {unicodedata.name(char, 'not a Latin letter')}: "
                    "a name in another script's look-alike letters looks like another council's; type it again")
    return None


def strings(data, path=()):
    if isinstance(data, dict):
        for key, value in data.items():
            yield from strings(value, path + (key,))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from strings(item, path + (i,))
    elif isinstance(data, str):
        yield path, data


# The open data (data/*.csv) is opened in spreadsheets, which run a cell that starts with =, @, or
# + or - before a formula ("=HYPERLINK(…)", "-cmd|…"). "+44 …" and "-5" are text.
_FORMULA = re.compile(r"^\s*(=|@|[+-]\s*[^\d\s])")

# What an HTML parser would start a tag on, even unclosed ("x <img src=x onerror=…" is not HTML to
# nh3, but MkDocs' theme prints page titles unescaped in the menu): "<" then a letter, /, ! or ?.
_TAG_START = re.compile(r"<[A-Za-z/!?]")


def find_markup(text: str) -> str | None:
    if nh3.is_html(text) or _TAG_START.search(text):
        return "HTML is not allowed in data: write plain text (it is shown exactly as written)"
    if _MARKDOWN.search(text):
        return "Markdown is not allowed in data: write plain text"
    reference = next((m for m in _CHARACTER_REFERENCE.finditer(text)
                      if html.unescape(m.group(0)) != m.group(0)), None)
    if reference:
        return (f"HTML character reference {reference.group(0)!r} is not allowed in data: "
                "write the character itself (plain text is shown exactly as written)")
    hidden = _invisible(text)
    if hidden is not None:
        char = text[hidden]
        name = unicodedata.name(char, "a control or unassigned character")
        return (f"invisible or direction-changing character U+{ord(char):04X} ({name}) at character "
                f"{hidden + 1}: it can hide or reorder text; delete it")
    if _FORMULA.match(text):
        return ("starts like a spreadsheet formula (=, @, or + or - then a letter): the open-data CSV "
                "files would run it in a spreadsheet; start with a word")
    if _LONG_WORD.search(text):
        return (f"a word longer than {LONGEST_WORD} characters (no space in it): no page can wrap it; "
                "check for a pasting mistake")
    if len(text) > LONGEST_TEXT:
        return (f"{len(text):,} characters: no text in data is longer than {LONGEST_TEXT:,}; "
                "check for a pasting mistake")
    return None


def check(yf: YamlFile) -> list[Problem]:
    problems = []
    for path, text in strings(yf.data):
        message = find_markup(text)
        if not message and (yf.path, str(path[-1]) if path else "") in NAME_FIELDS:
            message = look_alike(text)
        if message:
            problems.append(Problem(yf.path, yf.line_of(path), field_path(path), message))
    return problems
