"""Read one YAML file strictly, keeping the line of every value.

ruamel.yaml (YAML 1.2) is used instead of PyYAML because PyYAML reads YAML 1.1 (`NO` becomes
false, `0123` octal) and silently keeps the last of two duplicate keys. Here duplicate keys are
problems, dates stay strings (checked later by our own rules) and a `%YAML 1.1` directive is
refused.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from macros.core.problems import Problem


class _StrictConstructor(RoundTripConstructor):
    """Timestamps stay text: a date is checked by the schema, not guessed by the parser."""


_StrictConstructor.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda self, node: self.construct_scalar(node).__str__()
)


@dataclass
class YamlFile:
    path: str                      # as shown in messages: data/…
    data: object                   # plain dicts, lists, str, int, float, bool, None
    lines: dict = field(default_factory=dict)   # path tuple -> 1-based line

    def line_of(self, path) -> int:
        """The line of the value at `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


def _plain(node, path, lines):
    """Copy ruamel's round-trip nodes into plain Python, recording each value's line."""
    if isinstance(node, CommentedMap):
        out = {}
        for key in node:
            line, _col = node.lc.key(key)
            lines[path + (str(key),)] = line + 1
            out[str(key)] = _plain(node[key], path + (str(key),), lines)
        return out
    if isinstance(node, CommentedSeq):
        out = []
        for i, item in enumerate(node):
            line, _col = node.lc.item(i)
            lines[path + (i,)] = line + 1
            out.append(_plain(item, path + (i,), lines))
        return out
    if isinstance(node, str):
        return str(node)      # drop ruamel's scalar-string subclasses
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return node


def read_yaml(abs_path: Path, shown_path: str) -> tuple[YamlFile | None, list[Problem]]:
    """Parse one file. Returns (file, []) or (None, [problem])."""
    try:
        text = abs_path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        return None, [Problem(shown_path, 1, "", f"not UTF-8 text ({err.reason})")]
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("%YAML") and not line.split()[1:2] == ["1.2"]:
            return None, [Problem(shown_path, number, "",
                                  "only YAML 1.2 is read here: remove the %YAML directive")]
    yaml = YAML(typ="rt")
    yaml.Constructor = _StrictConstructor
    yaml.allow_duplicate_keys = False
    try:
        node = yaml.load(text)
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        what = (err.problem or err.context or "not valid YAML").strip()
        if "duplicate key" in what or "found duplicate key" in str(err):
            key = _duplicate_key_name(err)
            return None, [Problem(shown_path, line, key, "duplicate key: each key may appear once")]
        return None, [Problem(shown_path, line, "", f"YAML syntax error: {what}")]
    except YAMLError as err:      # unmarked parser errors are rare; still no traceback
        return None, [Problem(shown_path, 1, "", f"YAML error: {err}")]
    lines: dict = {(): 1}
    return YamlFile(shown_path, _plain(node, (), lines), lines), []


def _duplicate_key_name(err: MarkedYAMLError) -> str:
    # ruamel says: found duplicate key "title" with value "…" (original value: "…")
    text = str(err.problem or "")
    start = text.find('"')
    end = text.find('"', start + 1)
    return text[start + 1:end] if start >= 0 and end > start else ""
