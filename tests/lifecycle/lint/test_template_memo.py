"""Analysing a string action by action gives what parsing it whole gives, or parses it whole."""

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from lifecycle.gotemplate import TemplateSyntaxError
from lifecycle.lint.template_memo import TemplateMemo, _analyse
from tests.conftest import example_files


def absolute(analysed):
    if isinstance(analysed, TemplateSyntaxError):
        return ("error", analysed.message, analysed.offset)
    return [
        (r.root, r.path, offset + r.start, offset + r.end, r.rooted, r.printed, r.consumers)
        for offset, r in analysed
    ]


def strings(node):
    if isinstance(node, yaml.ScalarNode):
        if "{{" in node.value:
            yield node.value
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from strings(key)
            yield from strings(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from strings(item)


EXAMPLE_STRINGS = sorted(
    {s for path in example_files() for s in strings(yaml.compose(path.read_text()))}
)
FRAGMENTS = (
    "{{ .Phases.p.Output.k }}", "{{ index .Object.metadata.labels \"a\" }}", "{{ if .A }}",
    "{{ end }}", "{{ $x := .A }}", "{{ $x }}", "{{ $.B }}", "{{/* c */}}", "{{- .C -}}",
    "{{ \"}}\" }}", "{{ `{{` }}", "{{ toYaml .D }}", "{{", "}}", "{{ range .E }}{{ . }}{{ end }}",
    "echo $HOME ", "\n", "x", "{{ .F | toString }}", "{{ else }}", "{{ (index .G 0).h }}",
)  # fmt: skip


@pytest.mark.parametrize("text", EXAMPLE_STRINGS)
def test_the_real_blueprints_strings_analyse_the_same_either_way(text):
    for kubectl in (False, True):
        assert absolute(TemplateMemo().analyse(text, kubectl)) == absolute(_analyse(text, kubectl))


@settings(max_examples=300, derandomize=True, database=None, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=12).map("".join))
def test_any_string_analyses_the_same_either_way(text):
    memo = TemplateMemo()
    memo.analyse("{{ .Phases.p.Output.k }}{{ if .A }}", False)  # actions memoised already
    assert absolute(memo.analyse(text, False)) == absolute(_analyse(text, False))
