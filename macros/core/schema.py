"""Check a parsed YAML file against its JSON Schema (macros/schemas/), reporting every error.

jsonschema's own messages are turned into short sentences a data editor can act on; the field
path and the line come from the file's line map.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import best_match
from referencing import Registry, Resource

from macros.core.dates import partial_date_problem
from macros.core.problems import Problem, field_path
from macros.core.web_address import FORMATS as WEB_FORMATS
from macros.core.yamlfile import YamlFile

SCHEMA_DIR = Path(__file__).parent.parent / "schemas"


@lru_cache(maxsize=None)
def _registry() -> Registry:
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema["$id"], Resource.from_contents(schema)))
    return Registry().with_resources(resources)


_FORMATS = FormatChecker()
for _name, _check in Draft202012Validator.FORMAT_CHECKER.checkers.items():
    _FORMATS.checkers[_name] = _check
# A source's date (documents, offers): YYYY, YYYY-MM or YYYY-MM-DD, real and not in the future.
# (A value not in that form is the pattern's to report, once.)
_FORMATS.checks("source-date")(lambda value: not isinstance(value, str) or not re.fullmatch(r"[0-9]{4}(-[0-9]{2}){0,2}", value)
                               or partial_date_problem(value) is None)
for _name, _why in WEB_FORMATS.items():
    _FORMATS.checks(_name)(lambda value, why=_why: not isinstance(value, str) or why(value) is None)


@lru_cache(maxsize=None)
def validator(kind: str) -> Draft202012Validator:
    schema = _registry().contents(f"{kind}.schema.json")
    return Draft202012Validator(schema, registry=_registry(), format_checker=_FORMATS)


_TYPE_WORDS = {"string": "text", "array": "a list", "object": "a mapping (key: value)",
               "integer": "a whole number", "number": "a number", "boolean": "true or false",
               "null": "empty"}


def _describe(value) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "nothing" if value is None else type(value).__name__


def _sentence(error) -> tuple[tuple, str]:
    """(path to blame, message) for one jsonschema error."""
    path = tuple(error.absolute_path)
    kind = error.validator
    if kind == "required":
        missing = error.message.split("'")[1]
        return path + (missing,), "missing: this field is required"
    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(allowed))
        return path + (extra[0],), f"unknown field (allowed here: {', '.join(allowed)})"
    if kind == "type":
        wanted = error.validator_value
        wanted = [wanted] if isinstance(wanted, str) else wanted
        words = " or ".join(_TYPE_WORDS.get(w, w) for w in wanted)
        hint = " (put it in quotes)" if "string" in wanted and not isinstance(error.instance, (dict, list)) else ""
        return path, f"wrong type: expected {words}, found {_describe(error.instance)}{hint}"
    if kind == "enum":
        options = ", ".join(str(v) for v in error.validator_value)
        return path, f"{error.instance!r} is not one of: {options}"
    if kind == "format" and error.validator_value == "date":
        return path, f"{error.instance!r} is not a real date (YYYY-MM-DD)"
    if kind == "minimum":
        return path, f"{error.instance!r} is less than {error.validator_value}: amounts and ages are never negative"
    if kind == "format" and error.validator_value in WEB_FORMATS:
        return path, f"{error.instance!r}: {WEB_FORMATS[error.validator_value](error.instance)}"
    if kind == "format" and error.validator_value == "source-date":
        return path, partial_date_problem(error.instance)
    if kind in ("minLength", "pattern") and error.schema.get("description"):
        return path, f"{error.instance!r}: {error.schema['description']}"
    if kind == "minLength" or (kind == "pattern" and error.validator_value == "\\S"):
        return path, "empty: write the text or remove the field"
    if kind == "pattern":
        return path, f"{error.instance!r} is not in the expected form ({error.validator_value})"
    if kind == "minItems":
        if not error.instance:
            return path, "empty list: give at least one item"
        return path, f"too few items: give at least {error.validator_value}"
    if kind == "uniqueItems":
        return path, "the same item is listed twice"
    if kind in ("oneOf", "anyOf") and error.context:
        return _one_of(error, path)
    return path, error.message


def _one_of(error, path) -> tuple[tuple, str]:
    """Explain a value that fits none of several shapes, by the shape it was meant to be."""
    branches: dict[int, list] = {}
    for sub in error.context:
        branches.setdefault(sub.schema_path[0], []).append(sub)
    instance = error.instance
    if isinstance(instance, dict):
        # The branch whose required keys are all present is the one the author meant.
        meant = [errs for errs in branches.values()
                 if not any(e.validator == "required" or (e.validator == "type" and not e.relative_path)
                            for e in errs)]
        if len(meant) == 1:
            deepest = max(meant[0], key=lambda e: len(e.absolute_path))
            return _sentence(deepest)
        allowed = sorted({key for option in error.validator_value
                          for key in option.get("properties", {})})
        unknown = sorted(set(instance) - set(allowed))
        if unknown:
            return path + (unknown[0],), f"unknown field (allowed here: {', '.join(allowed)})"
    types = [option.get("type") for option in error.validator_value if "type" in option]
    if types and all(e.validator in ("type", "$ref") for errs in branches.values() for e in errs[:1]):
        words = " or ".join(_TYPE_WORDS.get(t, t) for t in types)
        return path, f"wrong type: expected {words}, found {_describe(instance)}"
    return _sentence(best_match(error.context))


def check(kind: str, yf: YamlFile) -> list[Problem]:
    problems = []
    for error in validator(kind).iter_errors(yf.data):
        path, message = _sentence(error)
        problems.append(Problem(yf.path, yf.line_of(path), field_path(path), message))
    return problems
