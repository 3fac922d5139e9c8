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
        for offset, references in analysed
        for r in references
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
        assert absolute(TemplateMemo().reads(text, kubectl)) == absolute(_analyse(text, kubectl))


@settings(max_examples=1500, derandomize=True, database=None, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=12).map("".join))
def test_any_string_analyses_the_same_either_way(text):
    memo = TemplateMemo()
    memo.reads("{{ .Phases.p.Output.k }}{{ if .A }}", False)  # actions memoised already
    assert absolute(memo.reads(text, False)) == absolute(_analyse(text, False))


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
    assert absolute(memo.reads(text, False)) == absolute(_analyse(text, False))


# Variables: declared at the top, in a block's pipeline or body, used in and after blocks, some
# out of their scope (which only a whole parse reports).
VARIABLE_PIPES = st.sampled_from(
    [".A", "$.B.c", "$x", "$x.d", "$v.e", "$i", 'index $.F "g"', "$x | toString", "$ | len"]
)
VARIABLE_LEAVES = st.one_of(
    st.sampled_from(["x", "{{ $x := .X }}", "{{ $x = .Y }}", "{{- $v := $.Z -}}"]),
    VARIABLE_PIPES.map(lambda pipe: "{{ " + pipe + " }}"),
)
OPENERS = st.sampled_from(
    [
        "if .A",
        "if $x := .I",
        "range .R",
        "range $v := .R",
        "range $i, $v := .R",
        "with .W",
        "with $x := .W",
        "with $.W",
        "if $x",
    ]
)


def _variable_blocks(children):
    body = st.lists(children, max_size=3).map("".join)
    chain = st.lists(st.tuples(st.sampled_from(["if .C", "if $v := .C"]), body), max_size=2)
    return st.tuples(OPENERS, body, chain, st.one_of(st.none(), body)).map(_render_variables)


def _render_variables(parts) -> str:
    opener, body, chain, otherwise = parts
    text = f"{{{{ {opener} }}}}{body}"
    if opener.startswith("if"):
        text += "".join(f"{{{{ else {pipe} }}}}{b}" for pipe, b in chain)
    if otherwise is not None:
        text += f"{{{{ else }}}}{otherwise}"
    return text + "{{ end }}"


templates_with_variables = st.recursive(VARIABLE_LEAVES, _variable_blocks, max_leaves=12)


@settings(max_examples=2000, derandomize=True, database=None, deadline=None)
@given(st.lists(templates_with_variables, min_size=1, max_size=4).map("".join))
def test_variables_and_their_scopes_are_followed_as_a_whole_parse_does(text):
    memo = TemplateMemo()
    whole = _analyse(text, False)
    by_action = memo._by_action(text, False)
    assert (by_action is None) == isinstance(whole, TemplateSyntaxError)
    assert absolute(memo.reads(text, False)) == absolute(whole)


@pytest.mark.parametrize(
    "text",
    [
        "{{ if .A }}{{ $x := .B }}{{ else }}{{ $x.c }}{{ end }}",  # Go keeps body variables
        "{{ range $i, $p := .StatefulSet.Pods }}{{ $.Object.x }} {{ $p }} {{ .y }}{{ end }}",
        "{{ $n := .Object.metadata.name }}{{ with .Options }}{{ $n }}{{ .z }}{{ end }}",
    ],
)
def test_strings_with_variables_are_analysed_by_action(text):
    assert TemplateMemo()._by_action(text, False) is not None
    assert absolute(TemplateMemo().reads(text, False)) == absolute(_analyse(text, False))


def test_a_variable_used_out_of_its_scope_gets_the_whole_parse_error():
    text = "{{ if .A }}{{ $x := .B }}{{ end }}{{ $x }}"
    assert TemplateMemo()._by_action(text, False) is None
    error = TemplateMemo().reads(text, False)
    assert isinstance(error, TemplateSyntaxError)
    assert 'undefined variable "$x"' in error.message


@settings(max_examples=1500, derandomize=True, database=None, deadline=None)
@given(
    st.lists(
        st.sampled_from(["-", " ", "\t", "\n", "\v", ".", ".A", "_b", "1", "é", "$"]), max_size=6
    )
    .map("".join)
    .map(lambda inside: "{{" + inside + "}}")
)
def test_actions_that_look_like_field_chains_read_as_the_parser_reads_them(text):
    assert absolute(TemplateMemo().reads(text, False)) == absolute(_analyse(text, False))
