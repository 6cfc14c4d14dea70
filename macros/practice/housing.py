"""A council's joint housing protocol for care leavers: its commitments and measures, each a
line of ours with the paragraph's own words as evidence, and the source's status kept beside them."""
from __future__ import annotations

from dataclasses import dataclass

from macros.core.problems import Problem, field_path
from macros.core.yamlfile import YamlFile
from macros.practice.evidence_check import missing_evidence


@dataclass
class Housing:
    council: str
    title: str
    document: str
    status: str
    commitments: list[dict]
    measures: list[dict]
    measures_note: str | None
    file: str

    @property
    def url(self) -> str:
        return f"tools/{self.council}-housing/"


def build_housing(yf: YamlFile, documents: dict, council_slugs: set) -> tuple[Housing, list[Problem]]:
    data = yf.data
    problems: list[Problem] = []
    for key in ("commitments", "measures"):
        for i, line in enumerate(data[key]):
            for message in missing_evidence(line["evidence"], line["cites"], documents):
                problems.append(Problem(yf.path, yf.line_of((key, i, "evidence")), field_path((key, i, "evidence")), message))
    if council_slugs and data["council"] not in council_slugs:
        problems.append(Problem(yf.path, yf.line_of(("council",)), "council",
                                f"no council {data['council']!r} in data/authorities.yaml"))
    if not yf.path.endswith(f"/{data['council']}.yaml"):
        problems.append(Problem(yf.path, yf.line_of(("council",)), "council",
                                f"the council {data['council']!r} must match the file name ({data['council']}.yaml)"))
    if data["document"] not in documents:
        problems.append(Problem(yf.path, yf.line_of(("document",)), "document",
                                f"no document {data['document']!r} in data/documents/"))
    return Housing(data["council"], data["title"], data["document"], data["status"], data["commitments"],
                   data["measures"], data.get("measures_note"), yf.path), problems
