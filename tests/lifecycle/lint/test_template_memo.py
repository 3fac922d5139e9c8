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
    "{{- with .H }}", "{{ else if .I }}", "{{ else with .J }}", "{{ end -}}", "{{ if }}",
    "{{ range .K -}}", "{{ else -}}", "{{ .L.m | quote }}", "{{ break }}", "{{if(.N)}}",
    "{{- else if not .O -}}", "{{ with $.P }}", "{{ end x }}",
)  # fmt: skip


@pytest.mark.parametrize("text", EXAMPLE_STRINGS)
def test_the_real_blueprints_strings_analyse_the_same_either_way(text):
    for kubectl in (False, True):
        assert absolute(TemplateMemo().analyse(text, kubectl)) == absolute(_analyse(text, kubectl))


@settings(max_examples=1500, derandomize=True, database=None, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=12).map("".join))
def test_any_string_analyses_the_same_either_way(text):
    memo = TemplateMemo()
    memo.analyse("{{ .Phases.p.Output.k }}{{ if .A }}", False)  # actions memoised already
    assert absolute(memo.analyse(text, False)) == absolute(_analyse(text, False))


PIPES = st.sampled_from([".A", ".B.c", 'index .D "e"', ".F | toString", "not .G", "eq .H 1"])
LEAVES = st.one_of(
    st.sampled_from(["x", "\n", " $HOME "]),
    PIPES.map(lambda pipe: "{{ " + pipe + " }}"),
    PIPES.map(lambda pipe: "{{- " + pipe + " -}}"),
)


def _blocks(children):
    body = st.lists(children, max_size=3).map("".join)
    branch = st.tuples(st.sampled_from(["if", "range", "with"]), PIPES, body)
    chain = st.lists(st.tuples(PIPES, body), max_size=2)
    return st.tuples(branch, chain, st.one_of(st.none(), body)).map(_render_block)


def _render_block(parts) -> str:
    (keyword, pipe, body), chain, otherwise = parts
    chained = "if" if keyword == "range" else keyword  # Go chains else if / else with only
    text = f"{{{{ {keyword} {pipe} }}}}{body}"
    if keyword != "range":
        text += "".join(f"{{{{ else {chained} {p} }}}}{b}" for p, b in chain)
    if otherwise is not None:
        text += f"{{{{ else }}}}{otherwise}"
    return text + "{{ end }}"


nested_templates = st.recursive(LEAVES, _blocks, max_leaves=12)


@settings(max_examples=1500, derandomize=True, database=None, deadline=None)
@given(st.lists(nested_templates, min_size=1, max_size=4).map("".join))
def test_nested_control_structures_are_followed_as_a_whole_parse_does(text):
    memo = TemplateMemo()
    by_action = memo._by_action(text, False)
    assert by_action is not None
    assert absolute(memo.analyse(text, False)) == absolute(_analyse(text, False))
