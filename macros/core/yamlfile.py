"""Read one YAML file strictly, keeping the line of every value.

ruamel.yaml (YAML 1.2) is used instead of PyYAML because PyYAML reads YAML 1.1 (`NO` becomes
false, `0123` octal) and silently keeps the last of two duplicate keys. Here duplicate keys are
problems, dates stay strings (checked later by our own rules) and a `%YAML 1.1` directive is
refused.

Data files are plain: anchors, aliases, merge keys (`<<`) and tags (`!!python/...`, `!!set`) are
refused as the composer meets them (before an alias is expanded or a tag constructed), so an
alias bomb costs a few lines' reading, not gigabytes. Nesting and size are bounded; numbers are finite;
every failure to read (a dangling link, bad bytes, ruamel's own errors) is a problem with a line.
"""
from __future__ import annotations

import copy
import functools
import hashlib

import math
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.composer import Composer
from ruamel.yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from ruamel.yaml.nodes import MappingNode

from macros.core.problems import Problem, field_path


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
    text_digest: str = ""          # of the text it was parsed from: what checks of it may be kept by

    def line_of(self, path) -> int:
        """The line of the value at `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


MAX_DEPTH = 40              # the deepest real file (a tree) nests 9; 3,000 once crashed the build
MAX_BYTES = 2_000_000       # the largest real file is under 100 kB


class _Refused(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line, self.message = line, message


class _PlainComposer(Composer):
    """ruamel's composer, refusing what data files never need as it meets it: before an alias is
    expanded, a tag constructed, or the nesting grows deep enough to exhaust Python's stack."""

    depth = 0

    def compose_node(self, parent, index):
        event = self.parser.peek_event()
        line = event.start_mark.line + 1 if event.start_mark else 1
        if isinstance(event, AliasEvent):
            raise _Refused(line, f"an alias (*{event.anchor}) is not allowed in data files: write the value out")
        if getattr(event, "anchor", None):
            raise _Refused(line, f"an anchor (&{event.anchor}) is not allowed in data files: write each value out")
        if getattr(event, "tag", None):
            raise _Refused(line, f"a tag ({event.tag}) is not allowed in data files: write plain text, numbers and lists")
        if (isinstance(parent, MappingNode) and index is None and isinstance(event, ScalarEvent)
                and event.value == "<<" and event.style is None):
            raise _Refused(line, "a merge key (<<) is not allowed in data files: write each field out")
        if isinstance(event, CollectionStartEvent):
            if self.depth >= MAX_DEPTH:
                raise _Refused(line, f"nested more than {MAX_DEPTH} levels deep: data files are never this deep")
            self.depth += 1
            try:
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1
        return super().compose_node(parent, index)


def _plain(node, path, lines, problems, shown_path):
    """Copy ruamel's round-trip nodes into plain Python, recording each value's line."""
    def line_of(getter, key, fallback):
        try:
            return getter(key)[0] + 1
        except (KeyError, TypeError, IndexError, AttributeError):
            return fallback       # ruamel keeps no line for some nodes: the parent's line, never a crash
    here = lines.get(path, 1)
    if isinstance(node, CommentedMap):
        out = {}
        for key in node:
            lines[path + (str(key),)] = line_of(node.lc.key, key, here)
            out[str(key)] = _plain(node[key], path + (str(key),), lines, problems, shown_path)
        return out
    if isinstance(node, CommentedSeq):
        out = []
        for i, item in enumerate(node):
            lines[path + (i,)] = line_of(node.lc.item, i, here)
            out.append(_plain(item, path + (i,), lines, problems, shown_path))
        return out
    if isinstance(node, str):
        if any("\ud800" <= ch <= "\udfff" for ch in node):
            problems.append(Problem(shown_path, here, field_path(path),
                                    "holds a lone surrogate escape (\\uD800 to \\uDFFF): not a character"))
            return ""
        return str(node)      # drop ruamel's scalar-string subclasses
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        if not math.isfinite(node):
            problems.append(Problem(shown_path, here, field_path(path),
                                    f"{node} is not a number a page can show: write the figure, or leave it out"))
            return 0.0
        return float(node)
    return node


def read_yaml(abs_path: Path, shown_path: str) -> tuple[YamlFile | None, list[Problem]]:
    """Parse one file. Returns (file, []) or (None, [problems]); never raises."""
    try:
        raw = abs_path.read_bytes()
    except OSError as err:        # a dangling link, a folder, no permission
        return None, [Problem(shown_path, 0, "", f"cannot be read: {err.strerror or err}")]
    if len(raw) > MAX_BYTES:
        return None, [Problem(shown_path, 0, "", f"{len(raw):,} bytes: a data file is never over "
                                                 f"{MAX_BYTES:,} bytes (split it)")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[:err.start].count(b"\n") + 1
        return None, [Problem(shown_path, line, "", f"not UTF-8 text ({err.reason} at byte {err.start})")]
    return copy.deepcopy(_parse(text, shown_path))


@functools.lru_cache(maxsize=1024)
def _parse(text: str, shown_path: str) -> tuple[YamlFile | None, list[Problem]]:
    """The parse of one file's text, kept for the life of the process: ruamel's round-trip parser
    is most of a load's time, and a test run or `make serve` reads the same unchanged files again
    and again. Keyed by the text itself, so an edited file is parsed afresh; read_yaml hands out
    copies, so nothing a caller does reaches the kept one."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("%YAML") and not line.split()[1:2] == ["1.2"]:
            return None, [Problem(shown_path, number, "",
                                  "only YAML 1.2 is read here: remove the %YAML directive")]
    yaml = YAML(typ="rt")
    yaml.Constructor = _StrictConstructor
    yaml.Composer = _PlainComposer
    yaml.allow_duplicate_keys = False
    try:
        node = yaml.load(text)
        lines: dict = {(): 1}
        problems: list[Problem] = []
        data = _plain(node, (), lines, problems, shown_path)
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        what = (err.problem or err.context or "not valid YAML").strip()
        if "duplicate key" in what or "found duplicate key" in str(err):
            key = _duplicate_key_name(err)
            return None, [Problem(shown_path, line, _duplicate_key_path(text, key, line),
                                  "duplicate key: each key may appear once")]
        return None, [Problem(shown_path, line, "", f"YAML syntax error: {what}")]
    except YAMLError as err:      # unmarked parser errors are rare; still no traceback
        return None, [Problem(shown_path, 1, "", f"YAML error: {err}")]
    except _Refused as refused:
        return None, [Problem(shown_path, refused.line, "", refused.message)]
    except RecursionError:
        return None, [Problem(shown_path, 1, "", "nested too deeply to read")]
    except Exception as err:      # noqa: BLE001 -- whatever ruamel raises, the build reports it, never a traceback
        return None, [Problem(shown_path, 1, "", f"cannot be read as YAML ({type(err).__name__}: {err})")]
    if problems:
        return None, problems
    return YamlFile(shown_path, data, lines, hashlib.sha256(text.encode('utf-8')).hexdigest()), []


def _duplicate_key_path(text: str, key: str, line: int) -> str:
    """The full field of a duplicate key (entries[0].lines[1].phones, not phones): the file read
    once more with duplicates allowed; the key's first use nearest above the line ruamel reported."""
    yaml = YAML(typ="rt")
    yaml.Composer = _PlainComposer
    yaml.allow_duplicate_keys = True
    try:
        lines: dict = {(): 1}
        _plain(yaml.load(text), (), lines, [], "")
    except Exception:             # noqa: BLE001 -- only a better name is at stake: keep the bare key
        return key
    found = [(at, path) for path, at in lines.items() if path and path[-1] == key and at <= line]
    return field_path(max(found, key=lambda f: f[0])[1]) if found else key


def _duplicate_key_name(err: MarkedYAMLError) -> str:
    # ruamel says: found duplicate key "title" with value "…" (original value: "…")
    text = str(err.problem or "")
    start = text.find('"')
    end = text.find('"', start + 1)
    return text[start + 1:end] if start >= 0 and end > start else ""
