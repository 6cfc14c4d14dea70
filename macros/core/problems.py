"""Problems found in data/: collected, never raised one at a time.

Every problem names the file, the line, the field and what is wrong, so a person editing
YAML can go straight to it. The build reports all of them at once and stops.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str       # path relative to the project, e.g. data/glossary.yaml
    line: int       # 1-based; 0 when the whole file is at fault
    field: str      # dotted path, e.g. sections[2].paragraphs[0].number
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field or '(file)'}: {self.message}"


class DataError(Exception):
    """Raised once, after loading, when any problem was found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        lines = [str(p) for p in self.problems]
        lines.append(f"{count} problem{'s' if count != 1 else ''} in data/: nothing was built.")
        return "\n".join(lines)


def field_path(path) -> str:
    """('sections', 2, 'title') -> 'sections[2].title'"""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out
