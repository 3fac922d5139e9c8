"""docs/rules.md stays true: a section per rule, and examples that fail and pass as they say."""

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from lifecycle.lint import RULES, Options, Profile, lint_text

DOC = Path(__file__).resolve().parents[3] / "docs" / "rules.md"

HEADING = re.compile(r"^## (BP\d{3}) (\S+)\n\*\*(\w+)\*\* · (.+)$", re.MULTILINE)
EXAMPLE = re.compile(
    r"^(Failing|Fixed)\b[^\n]*\n((?:<!--[^\n]*-->\n)*)```yaml\n(.*?)^```$",
    re.MULTILINE | re.DOTALL,
)
MARKER = re.compile(r"<!-- ([\w-]+): (\S+) -->")


@dataclass(frozen=True)
class Section:
    code: str
    slug: str
    severity: str
    summary: str
    body: str


@dataclass(frozen=True)
class Example:
    code: str
    kind: str  # Failing or Fixed
    text: str
    options: Options


def sections() -> list[Section]:
    text = DOC.read_text(encoding="utf-8")
    headings = list(HEADING.finditer(text))
    found = []
    for heading, following in zip(headings, [*headings[1:], None], strict=True):
        end = following.start() if following else len(text)
        found.append(Section(*heading.groups(), text[heading.end() : end]))
    return found


def examples() -> list[Example]:
    return [
        Example(section.code, kind, text, _options(markers))
        for section in sections()
        for kind, markers, text in EXAMPLE.findall(section.body)
    ]


def _options(markers: str) -> Options:
    settings = dict(MARKER.findall(markers))
    assert set(settings) <= {"profile", "kasten-version"}, f"unknown marker in {markers!r}"
    return Options(
        profile=Profile(settings.get("profile", "kasten")),
        kasten_version=settings.get("kasten-version", "8.5"),
    )


def _cases(kind: str) -> list:
    return [
        pytest.param(example, id=example.code) for example in examples() if example.kind == kind
    ]


def _codes(example: Example) -> list[str]:
    report = lint_text(example.text, f"{example.code}.yaml", example.options)
    return [d.code for d in report.diagnostics]


def test_every_rule_has_one_section_in_code_order():
    assert [section.code for section in sections()] == list(RULES)


@pytest.mark.parametrize("section", sections(), ids=lambda section: section.code)
def test_a_section_names_the_rule_as_the_registry_does(section):
    rule = RULES[section.code]
    assert (section.slug, section.severity, section.summary) == (
        rule.slug,
        str(rule.severity),
        rule.summary,
    )


@pytest.mark.parametrize("section", sections(), ids=lambda section: section.code)
def test_a_section_has_one_failing_and_one_fixed_example(section):
    kinds = [kind for kind, _, _ in EXAMPLE.findall(section.body)]
    assert kinds == ["Failing", "Fixed"]


@pytest.mark.parametrize("example", _cases("Failing"))
def test_the_failing_example_triggers_the_rule(example):
    assert example.code in _codes(example)


@pytest.mark.parametrize("example", _cases("Fixed"))
def test_the_fixed_example_does_not(example):
    assert example.code not in _codes(example)
