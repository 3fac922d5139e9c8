"""Lint reports written out: compiler-style text lines, JSON, and SARIF 2.1.0 for code scanning."""

from collections.abc import Sequence
from urllib.parse import quote

from lifecycle.lint.findings import Diagnostic, FileReport, Severity, summarize
from lifecycle.lint.rules import RULES

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
TOOL_NAME = "Blueprint Studio lint"

# SARIF has no "info" level; "note" is its name for a finding that is not a problem.
SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def as_text(reports: Sequence[FileReport]) -> str:
    """`path:line:column: severity code message`, one line per diagnostic, its hint indented."""
    lines = []
    for report in reports:
        for d in report.diagnostics:
            lines.append(f"{report.path}:{d.line}:{d.column}: {d.severity} {d.code} {d.message}")
            if d.hint:
                lines.append(f"    hint: {d.hint}")
    return "".join(f"{line}\n" for line in lines)


def as_json(reports: Sequence[FileReport]) -> dict:
    """Every file with its diagnostics, and the counts over all of them."""
    return {
        "files": [
            {"path": r.path, "diagnostics": [d.as_dict() for d in r.diagnostics]} for r in reports
        ],
        "summary": summarize(list(reports)),
    }


def as_sarif(reports: Sequence[FileReport]) -> dict:
    """One SARIF run: every rule of the registry, and a result per diagnostic."""
    index = {code: position for position, code in enumerate(RULES)}
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                # Our columns count characters; SARIF's default would count UTF-16 code units.
                "columnKind": "unicodeCodePoints",
                "tool": {
                    "driver": {
                        "name": TOOL_NAME,
                        "rules": [
                            {
                                "id": rule.code,
                                "name": rule.slug,
                                "shortDescription": {"text": rule.summary},
                                "defaultConfiguration": {"level": SARIF_LEVELS[rule.severity]},
                            }
                            for rule in RULES.values()
                        ],
                    }
                },
                "results": [
                    _result(report.path, d, index.get(d.code))
                    for report in reports
                    for d in report.diagnostics
                ],
            }
        ],
    }


def _result(path: str, d: Diagnostic, rule_index: int | None) -> dict:
    result = {
        "ruleId": d.code,
        "level": SARIF_LEVELS[d.severity],
        "message": {"text": f"{d.message} (hint: {d.hint})" if d.hint else d.message},
        "locations": [
            {
                "physicalLocation": {
                    # A URI reference: spaces and `<stdin>`'s brackets must be percent-encoded.
                    "artifactLocation": {"uri": quote(path)},
                    "region": {
                        "startLine": d.line,
                        "startColumn": d.column,
                        "endLine": d.end_line,
                        "endColumn": d.end_column,
                    },
                }
            }
        ],
        "properties": {"slug": d.slug, "object": d.object, "location": d.location},
    }
    if rule_index is not None:
        result["ruleIndex"] = rule_index
    return result
