"""Open data written safe to open: CSV cells that a spreadsheet would run are neutralised, and
JSON is strict (no NaN or Infinity, which no JSON parser accepts).

A cell starting with = + - @, a tab or a carriage return is read as a formula by spreadsheets
("-2+3+cmd|' /C calc'!A0", "+1+HYPERLINK(…)"); OWASP's advice is to prefix such a cell with a
single quote on the way out, in every column, whatever the data checks already refused.
"""
from __future__ import annotations

import csv
import io
import json

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_text(header: list[str], rows: list[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([safe_cell(h) for h in header])
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return out.getvalue()


def json_text(value, **options) -> str:
    """json.dumps that refuses NaN and Infinity (ValueError) instead of writing invalid JSON."""
    return json.dumps(value, allow_nan=False, **options)
