"""Go's parser: trees, positions, error wording and offsets, and agreement with Go itself."""

import json
import random
from pathlib import Path

import pytest

from lifecycle.gotemplate import TemplateSyntaxError, parse
from lifecycle.gotemplate.funcs import (
    GO_BUILTINS,
    KANISTER_FUNCTIONS,
    KUBECTL_TEMPLATE_FUNCTIONS,
    NOT_IN_SPRIG_V2,
    SPRIG_V2,
)
from lifecycle.gotemplate.nodes import (
    ActionNode,
    ChainNode,
    CommentNode,
    FieldNode,
    IfNode,
    ListNode,
    NumberNode,
    PipeNode,
    StringNode,
    TemplateNode,
    TextNode,
    VariableNode,
)
from lifecycle.gotemplate.parser import MAX_DEPTH

GO_CASES = [
    json.loads(line)
    for line in (Path(__file__).parent / "data" / "parse.jsonl").read_text().splitlines()
]


def syntax_error(text, **options):
    with pytest.raises(TemplateSyntaxError) as caught:
        parse(text, **options)
    return caught.value


def action(text, **options):
    node = parse(text, **options).root.nodes[0]
    assert isinstance(node, ActionNode)
    return node


@pytest.mark.parametrize("case", GO_CASES, ids=lambda case: repr(case["template"])[:60])
def test_it_accepts_and_refuses_what_go_does_with_gos_message(case):
    if case.get("ok"):
        parse(case["template"], functions=GO_BUILTINS)
    else:
        assert syntax_error(case["template"], functions=GO_BUILTINS).message == case["error"]


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("a {{- .A.B -}} b", "a{{.A.B}}b"),
        (
            "{{ if .A }}1{{ else if .B }}2{{ else }}3{{ end }}",
            "{{if .A}}1{{else}}{{if .B}}2{{else}}3{{end}}{{end}}",
        ),
        (
            "{{ range $i, $e := .L }}{{ $e }}{{ else }}none{{ end }}",
            "{{range $i, $e := .L}}{{$e}}{{else}}none{{end}}",
        ),
        ("{{ $x := 1 }}{{ $x = 2 }}", "{{$x := 1}}{{$x = 2}}"),
        ('{{ (index .A "k" 0).name | quote }}', '{{(index .A "k" 0).name | quote}}'),
        (
            '{{ define "d" }}D{{ end }}{{ template "d" . }}{{ block "b" .X }}B{{ end }}',
            '{{template "d" .}}{{template "b" .X}}',
        ),
        ("{{ 0x1F }}{{ 'a' }}{{ `raw` }}{{ nil }}{{ $ }}", "{{0x1F}}{{'a'}}{{`raw`}}{{nil}}{{$}}"),
    ],
)
def test_a_tree_prints_back_as_gos_canonical_text(text, canonical):
    assert str(parse(text).root) == canonical


def test_text_without_actions_is_a_single_text_node():
    assert parse("no actions here").root == ListNode(0, (TextNode(0, 15, "no actions here"),))
    assert parse("").root == ListNode(0, ())


def test_a_field_chain_spans_its_text_and_keeps_gos_anchor():
    field = action("{{ .Object.metadata.name }}").pipe.cmds[0].args[0]
    assert field == FieldNode(3, 24, 10, ("Object", "metadata", "name"))


def test_a_variable_chain_keeps_the_dollar_name_first():
    variable = action("{{ $.A.B }}").pipe.cmds[0].args[0]
    assert variable == VariableNode(3, 8, 4, ("$", "A", "B"))


def test_an_action_cut_from_a_template_can_use_the_variables_declared_before_it():
    with pytest.raises(TemplateSyntaxError, match='undefined variable "\\$p"'):
        parse("{{ $p.name }}")
    variable = action("{{ $p.name }}", variables=("$", "$p")).pipe.cmds[0].args[0]
    assert variable == VariableNode(3, 10, 5, ("$p", "name"))


def test_a_chain_on_a_parenthesised_pipeline_starts_at_the_parenthesis():
    chain = action("{{ (index .V 0).claim.name }}").pipe.cmds[0].args[0]
    assert isinstance(chain, ChainNode)
    assert (chain.pos, chain.end, chain.go_pos, chain.field) == (3, 26, 15, ("claim", "name"))
    assert isinstance(chain.node, PipeNode)
    assert (chain.node.pos, chain.node.end) == (4, 14)


def test_a_command_ends_after_the_parenthesis_of_its_last_argument():
    cmd = action("{{ print (len .A) }}").pipe.cmds[0]
    assert (cmd.pos, cmd.end) == (3, 17)


def test_number_nodes_hold_every_type_the_constant_fits():
    numbers = [
        arg.value
        for cmd in action("{{ print 0x1F 1e3 'a' 1+2i -1 }}").pipe.cmds
        for arg in cmd.args
        if isinstance(arg, NumberNode)
    ]
    assert [(n.is_int, n.is_uint, n.is_float, n.is_complex) for n in numbers] == [
        (True, True, True, False),
        (True, True, True, False),
        (True, True, True, False),
        (False, False, False, True),
        (True, False, True, False),
    ]
    assert [numbers[0].int64, numbers[1].float64, numbers[2].int64, numbers[3].complex128] == [
        31,
        1000.0,
        97,
        1 + 2j,
    ]


def test_string_nodes_hold_the_unquoted_value():
    args = action('{{ print "\\u00e9\\t\\x41" `a\rb` }}').pipe.cmds[0].args
    assert [(arg.quoted, arg.text) for arg in args if isinstance(arg, StringNode)] == [
        ('"\\u00e9\\t\\x41"', "é\tA"),
        ("`a\rb`", "ab"),
    ]


def test_else_if_becomes_an_if_inside_the_else_list():
    node = parse("{{ if .A }}a{{ else if .B }}b{{ end }}").root.nodes[0]
    assert isinstance(node, IfNode)
    assert isinstance(node.else_list.nodes[0], IfNode)


def test_define_and_block_bodies_are_trees_of_their_own():
    tree = parse('{{ define "d" }}D{{ end }}x{{ block "b" . }}B{{ end }}')
    assert sorted(tree.templates) == ["b", "config", "d"]
    assert str(tree.templates["d"].root) == "D"
    assert str(tree.templates["b"].root) == "B"
    assert tree.templates["config"] is tree
    assert isinstance(tree.root.nodes[1], TemplateNode)


def test_a_define_of_the_same_name_replaces_an_empty_top_level_template():
    tree = parse('{{ define "config" }}a{{ end }}')
    assert str(tree.templates["config"].root) == "a"


def test_comments_are_kept_only_when_asked_for():
    assert parse("{{/* c */}}").root.nodes == ()
    assert parse("{{/* c */}}", comments=True).root.nodes == (CommentNode(2, "/* c */"),)


def test_an_unknown_function_is_named_with_its_offset():
    error = syntax_error("cmd {{ .A | toYaml }}")
    assert error.message == 'template: config:1: function "toYaml" not defined'
    assert error.reason == 'function "toYaml" not defined'
    assert (error.name, error.line, error.offset, error.column) == ("config", 1, 12, 13)


def test_the_error_line_and_column_count_from_the_start_of_the_template():
    error = syntax_error("line1\n  {{ print\n\n  nope }}", name="args")
    assert error.message == 'template: args:4: function "nope" not defined'
    assert (error.line, error.offset, error.column) == (4, 20, 3)


@pytest.mark.parametrize(
    ("text", "reason", "offset"),
    [
        ("{{ .A } }}", 'unexpected "}" in operand', 6),
        ("{{ if .A }}x", "unexpected EOF", 12),
        ("{{ $x }}", 'undefined variable "$x"', 3),
        ("{{ $y | print }}", 'undefined variable "$y"', 3),
        ("{{ print 1 | 2 }}", "non executable command in pipeline stage 2", 13),
        ('{{ "x".A }}', 'unexpected . after term "\\"x\\""', 6),
        ("{{ range . }}{{ break 1 }}{{ end }}", 'unexpected "1" in {{break}}', 22),
        ("{{ break }}", "{{break}} outside {{range}}", 3),
        ("{{ end }}", "unexpected {{end}}", 7),
        ("{{ .A\n\n", "unclosed action started at config:1", 7),
        ("{{ 1x }}", 'bad number syntax: "1x"', 3),
        ('{{ "\\q" }}', "invalid syntax", 3),
    ],
)
def test_an_error_points_at_the_offending_token(text, reason, offset):
    error = syntax_error(text, functions=GO_BUILTINS)
    assert (error.reason, error.offset) == (reason, offset)


def test_by_default_only_kanisters_functions_are_known():
    parse("{{ .Secrets.s.Data.k | toString | b64enc }}")
    assert syntax_error("{{ .A | fromJson }}").reason == 'function "fromJson" not defined'


def test_kubectl_conditions_know_exists_but_not_sprig():
    parse('{{ exists .status "phase" }}', functions=KUBECTL_TEMPLATE_FUNCTIONS)
    error = syntax_error("{{ .A | toString }}", functions=KUBECTL_TEMPLATE_FUNCTIONS)
    assert error.reason == 'function "toString" not defined'


def test_the_function_tables_match_the_reference():
    assert len(GO_BUILTINS) == 19
    assert len(SPRIG_V2) == 150
    assert {"toString", "toJson", "hello", "date_in_zone"} <= SPRIG_V2
    assert not NOT_IN_SPRIG_V2.keys() & KANISTER_FUNCTIONS
    assert NOT_IN_SPRIG_V2["mustToJson"] == "sprig v3"
    assert NOT_IN_SPRIG_V2["toYaml"] == "Helm"


def test_nesting_deeper_than_the_limit_is_refused_with_gos_message():
    parentheses = "{{ " + "(" * (MAX_DEPTH + 1) + "1" + ")" * (MAX_DEPTH + 1) + " }}"
    assert syntax_error(parentheses).reason == "max expression depth exceeded"
    ifs = "{{ if 1 }}" * (MAX_DEPTH + 1) + "{{ end }}" * (MAX_DEPTH + 1)
    assert syntax_error(ifs).reason == "max expression depth exceeded"
    parse("{{ if 1 }}" * 50 + "{{ (((1))) }}" + "{{ end }}" * 50)


def test_random_template_like_text_raises_nothing_but_syntax_errors():
    pieces = ["{{", "}}", "{{- ", " -}}", "/*", "*/", " ", "\n", ".A", ".", "$x", "$", "(", ")"]
    pieces += ["|", ":=", "=", ",", '"s', '"', "`", "'a'", "'", "1", "0x", "1e", "-", "+", "if "]
    pieces += ["else", "end", "range ", "with ", "define ", "block ", "template ", "break"]
    pieces += ["index ", "print", "foo", "\\", "}", "é", "nil", "true", "\t", "_"]
    rng = random.Random(20240501)
    misplaced = []
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 16)))
        try:
            parse(text, functions=GO_BUILTINS)
        except TemplateSyntaxError as error:
            if not 0 <= error.offset <= len(text):
                misplaced.append((text, error.offset))
    assert misplaced == []
