"""The real-world blueprints lint without errors: an error on one of them is a wrong rule."""

import pytest

from lifecycle.lint import Options, Profile, Severity, lint_text
from tests.conftest import example_files


@pytest.mark.parametrize("profile", list(Profile))
@pytest.mark.parametrize("path", example_files(), ids=lambda path: path.name)
def test_an_example_blueprint_has_no_errors(path, profile):
    report = lint_text(path.read_text(encoding="utf-8"), path.name, Options(profile=profile))
    errors = [
        f"{d.line}:{d.column} {d.code} {d.message}"
        for d in report.diagnostics
        if d.severity is Severity.ERROR
    ]
    assert errors == []
