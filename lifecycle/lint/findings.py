"""What the linter reports: findings located by file offsets, and diagnostics located by lines."""

import enum
from dataclasses import dataclass

from lifecycle.yamlpos import LineIndex


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Finding:
    """A rule's verdict on a span of a file: `start` and `end` are character offsets."""

    code: str
    severity: Severity
    message: str
    hint: str
    start: int
    end: int
    object: str = ""
    location: str = ""


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A finding as people read it: 1-based lines and columns, the end exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int
    severity: Severity
    code: str
    slug: str
    message: str
    hint: str
    object: str
    location: str

    def as_dict(self) -> dict:
        return {
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "severity": str(self.severity),
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
            "object": self.object,
            "location": self.location,
        }


@dataclass(frozen=True, slots=True)
class FileReport:
    path: str
    diagnostics: list[Diagnostic]

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity is severity)


def locate(findings: list[Finding], text: str, slugs: dict[str, str]) -> list[Diagnostic]:
    """Diagnostics in file order, each finding's offsets turned into lines and columns."""
    if not findings:
        return []
    lines = LineIndex(text)
    diagnostics = []
    for f in sorted(findings, key=lambda f: (f.start, f.code, f.end)):
        line, column = lines.line_column(f.start)
        end_line, end_column = lines.line_column(max(f.end, f.start))
        diagnostics.append(
            Diagnostic(
                line,
                column,
                end_line,
                end_column,
                f.severity,
                f.code,
                slugs[f.code],
                f.message,
                f.hint,
                f.object,
                f.location,
            )
        )
    return diagnostics


def summarize(reports: list[FileReport]) -> dict[str, int]:
    return {
        "errors": sum(r.count(Severity.ERROR) for r in reports),
        "warnings": sum(r.count(Severity.WARNING) for r in reports),
        "infos": sum(r.count(Severity.INFO) for r in reports),
    }
