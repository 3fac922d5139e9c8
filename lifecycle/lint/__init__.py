"""The blueprint linter: coded rules over blueprints, bindings, policies and workloads."""

from lifecycle.lint.engine import lint_files, lint_text
from lifecycle.lint.findings import Diagnostic, FileReport, Severity, summarize
from lifecycle.lint.options import DEFAULT_KASTEN_VERSION, Options, Profile
from lifecycle.lint.rules import RULES

__all__ = [
    "DEFAULT_KASTEN_VERSION",
    "RULES",
    "Diagnostic",
    "FileReport",
    "Options",
    "Profile",
    "Severity",
    "lint_files",
    "lint_text",
    "summarize",
]
