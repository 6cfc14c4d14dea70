"""Shared by the research imports: read every row of several CSV files, each with the day it was read.

A row carries `read` (the day its file was gathered) and `where` (sources/research/<file>:<line>),
so a row the import cannot read is refused with its file and line (BadRow).
"""
from __future__ import annotations

import csv
from pathlib import Path


class BadRow(Exception):
    """A research row the import cannot read: its file and line, and what is wrong."""


def read_rows(research: Path, files) -> list[dict]:
    rows = []
    for name, read in files:
        with open(Path(research) / name, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            for row in reader:
                row["read"], row["where"] = read, f"sources/research/{name}:{reader.line_num}"
                rows.append(row)
    return rows
