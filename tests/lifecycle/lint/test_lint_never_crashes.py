"""Linting never crashes: any text, and any blueprint-shaped document, gets located diagnostics."""

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from lifecycle.actions import LATER_RESERVED_ACTIONS, RESERVED_ACTIONS
from lifecycle.functions import FUNCTIONS, REMOVED_FUNCTIONS
from lifecycle.lint import FileReport, Options, Profile, lint_text

# Derandomized so CI and every laptop try the same inputs; no example database on disk.
DETERMINISTIC = settings(max_examples=200, deadline=None, derandomize=True, database=None)
PROFILES = (Options(), Options(profile=Profile.KANISTER))

YAML_WORDS = (
    "apiVersion: cr.kanister.io/v1alpha1",
    "kind: Blueprint",
    "kind: List",
    "metadata:",
    "name: x",
    "actions:",
    "backup:",
    "phases:",
    "deferPhase:",
    "- func: KubeTask",
    "- func: KubeOps",
    "func: WaitV2",
    "args:",
    "command:",
    "objects:",
    "items:",
    "---",
    "...",
    "{{",
    "}}",
    "{{ .Phases.",
    "| toString }}",
    "|",
    "|-",
    ">",
    "-",
    ":",
    ": ",
    "- ",
    "? ",
    "&a ",
    "*a",
    "!!str ",
    "#",
    "'",
    '"',
    "\\",
    "{",
    "}",
    "[",
    "]",
    ",",
    "\n",
    "\r\n",
    "\t",
    " ",
    "  ",
    "    ",
    "\ufeff",
    "é",
)
# YAML forbids control characters: libyaml refuses the whole input for one of them.
CONTROL_CHARACTERS = ("\x00", "\x07", "\x0c")
INDENTS = ("", "", "  ", "    ", "      ", "- ", "  - ", "    - ", "\t")
KEYS = (
    "apiVersion:", "kind:", "metadata:", "name:", "namespace:", "actions:", "backup:",
    "restorePrehook:", "phases:", "deferPhase:", "func:", "args:", "command:", "objects:",
    "outputArtifacts:", "inputArtifactNames:", "keyValue:", "items:", "? x", "",
)  # fmt: skip
VALUES = (
    "", "cr.kanister.io/v1alpha1", "Blueprint", "List", "KubeTask", "KubeOps", "x",
    "'{{ .Phases.p.Output.k }}'", '"{{ index .Phases.p.Secrets.s.Data \\"k\\" }}"', "{{ x }}",
    "|", "|-", ">", "[", "]", "{}", "[a, '{{']", "&a", "*a", "!!str", "# c", "~", "1",
)  # fmt: skip
HEADERS = ("", "apiVersion: cr.kanister.io/v1alpha1\nkind: Blueprint\nmetadata: {name: n}\n")


def _nest(steps: list[tuple[int, str, str]]) -> str:
    """Lines indented two spaces deeper only below a key without a value, as YAML nests."""
    lines, depth, opened = [], 0, False
    for move, key, value in steps:
        depth = max(0, depth + 1) if move > 0 and opened else max(0, depth + min(move, 0))
        lines.append(f"{'  ' * depth}{key} {value}".rstrip())
        opened = key.endswith(":") and not value
    return "\n".join(lines)


nested_lines = st.lists(
    st.tuples(st.integers(-2, 1), st.sampled_from(KEYS), st.sampled_from(VALUES)), max_size=25
).map(_nest)
yaml_lines = st.one_of(
    st.tuples(st.sampled_from(INDENTS), st.sampled_from(KEYS), st.sampled_from(VALUES)).map(
        " ".join
    ),
    st.lists(st.sampled_from(YAML_WORDS), min_size=1, max_size=3).map("".join),
)
# Nested lines read like YAML often enough to reach the checks; stray indentation and a soup of
# the same words reach libyaml's corners.
yaml_texts = st.one_of(
    st.tuples(st.sampled_from(HEADERS), nested_lines).map("".join),
    st.tuples(st.sampled_from(HEADERS), st.lists(yaml_lines, max_size=25).map("\n".join)).map(
        "".join
    ),
    st.lists(st.sampled_from(YAML_WORDS + CONTROL_CHARACTERS), max_size=60).map("".join),
)

TEMPLATE_FRAGMENTS = (
    "{{ .Phases.",
    "{{ index ",
    "{{- ",
    " -}}",
    "{{ end }}",
    "{{ range ",
    "{{ if ",
    "{{ else }}",
    "toString",
    "{{ .StatefulSet.Namespace }}",
    "{{ index .StatefulSet.Pods 0 }}",
    '{{ index .Phases.p.Secrets.s.Data "k" | toString }}',
    "{{ .ArtifactsIn.a.KeyValue.k }}",
    "{{ .Options.",
    "kando output k v",
    "kando location push --profile '{{ toJson .Profile }}'",
    "{{/* c */}}",
    "$x := ",
)
template_strings = st.lists(
    st.one_of(
        st.sampled_from(TEMPLATE_FRAGMENTS),
        st.text(alphabet="{}.|$()\"' -:=abcXYZ012\n", max_size=8),
    ),
    max_size=8,
).map("".join)

FUNCTION_NAMES = (*FUNCTIONS, *REMOVED_FUNCTIONS, "KubeTaks", "kubeexec", "", "Func{{ x }}")
ACTION_NAMES = (*RESERVED_ACTIONS, *LATER_RESERVED_ACTIONS, "Backup", "quiesce", "p", "")
ARGUMENT_NAMES = sorted(
    {name for function in FUNCTIONS.values() for name in function.arguments}
    | {"unknownArg", "op", ""}
)
names = st.one_of(st.sampled_from(("p", "q", "s", "a", "k")), template_strings)


def values(depth: int = 2):
    """An argument value: mostly template strings, sometimes lists, mappings or other scalars."""
    scalars = st.one_of(
        template_strings, st.integers(-5, 5), st.booleans(), st.none(), st.just("5m")
    )
    if depth == 0:
        return scalars
    return st.one_of(
        scalars,
        st.lists(st.one_of(template_strings, values(depth - 1)), max_size=4),
        st.dictionaries(st.sampled_from(("anyOf", "allOf", "condition", "k")), values(depth - 1),
                        max_size=3),
    )  # fmt: skip


def phases():
    return st.fixed_dictionaries(
        {"func": st.sampled_from(FUNCTION_NAMES), "name": names},
        optional={
            "args": st.dictionaries(st.sampled_from(ARGUMENT_NAMES), values(), max_size=6),
            "objects": st.dictionaries(
                names,
                st.fixed_dictionaries(
                    {"kind": st.sampled_from(("Secret", "ConfigMap", "Pod")), "name": names},
                    optional={"namespace": template_strings},
                ),
                max_size=2,
            ),
        },
    )


actions = st.fixed_dictionaries(
    {"phases": st.lists(phases(), max_size=4)},
    optional={
        "kind": st.sampled_from(("StatefulSet", "Deployment", "Namespace", "PVC", "Pod")),
        "deferPhase": phases(),
        "outputArtifacts": st.dictionaries(
            names,
            st.fixed_dictionaries(
                {}, optional={"keyValue": st.dictionaries(names, template_strings, max_size=2)}
            ),
            max_size=2,
        ),
        "inputArtifactNames": st.lists(names, max_size=2),
    },
)
blueprints = st.fixed_dictionaries(
    {
        "apiVersion": st.just("cr.kanister.io/v1alpha1"),
        "kind": st.just("Blueprint"),
        "metadata": st.fixed_dictionaries(
            {"name": st.just("fuzzed")}, optional={"namespace": st.sampled_from(("kasten-io", "x"))}
        ),
        "actions": st.dictionaries(
            st.one_of(st.sampled_from(ACTION_NAMES), names), actions, max_size=4
        ),
    }
)
# How yaml.safe_dump writes the scalars: plain where it can, or all quoted, or all block scalars.
SCALAR_STYLES = (None, '"', "'", "|", ">")


def assert_located(report: FileReport, text: str) -> None:
    """1-based positions inside the text; one character past its end is fine (an error "at the
    end of the stream" underlines the character that is missing)."""
    lines = [*text.split("\n"), ""]
    for d in report.diagnostics:
        where = f"{d.code} at {d.line}:{d.column}-{d.end_line}:{d.end_column} in {text!r}"
        assert 1 <= d.line <= d.end_line <= len(lines), where
        assert 1 <= d.column <= len(lines[d.line - 1]) + 2, where
        assert 1 <= d.end_column <= len(lines[d.end_line - 1]) + 2, where
        assert (d.end_line, d.end_column) >= (d.line, d.column), where


@DETERMINISTIC
@given(text=yaml_texts)
@example(text="")
@example(text="apiVersion: cr.kanister.io/v1alpha1\nkind: Blueprint\nactions:\n")
@example(text="kind: Blueprint\nactions: {b: {phases: [{func: KubeTask, args: {c: '{{'}}]}}\n")
@example(text="a: \x07")
@example(text="a: b\n---\nc: \x00\n---\nd: \x0c")
@example(text="apiVersion: cr.kanister.io/v1alpha1\nkind: {}\n")
@example(text="a: [1, 0b_]\n")  # YAML 1.1 resolves it as an int that int() refuses
@example(text="a: b\n---\nreplicas: !!float x\n")
def test_linting_any_text_gives_located_diagnostics(text):
    for options in PROFILES:
        assert_located(lint_text(text, "fuzz.yaml", options), text)


@DETERMINISTIC
@given(blueprint=blueprints, style=st.sampled_from(SCALAR_STYLES))
def test_linting_any_blueprint_shaped_document_gives_located_diagnostics(blueprint, style):
    text = yaml.safe_dump(blueprint, sort_keys=False, default_style=style, allow_unicode=True)
    for options in PROFILES:
        assert_located(lint_text(text, "fuzz.yaml", options), text)


def _template_parser():
    """(parse, TemplateSyntaxError) once lifecycle.gotemplate has its parser, else None."""
    try:
        from lifecycle.gotemplate import parse
        from lifecycle.gotemplate.errors import TemplateSyntaxError
    except ImportError:
        return None
    return parse, TemplateSyntaxError


GO_FRAGMENTS = (
    "{{ else if ", "{{ with ", '{{ define "t" }}', '{{ template "t" . }}', '{{ block "b" . }}',
    "{{ break }}", "{{ continue }}", "{{/*", "*/}}", "{{ $ }}", "{{ $x = 1 }}", "{{ (", ")",
    "`raw`", "'c'", "'\\n'", '"\\u00e9"', "0x1p-2", "1e3", "-1i", "nil", "true", "{{ .a.b.c }}",
    "{{ call .F }}", "{{ and 1 0 }}", "{{ printf \"%d\" 1 }}", "é", "\t", "\r\n",
)  # fmt: skip
go_templates = st.lists(
    st.one_of(
        st.sampled_from(TEMPLATE_FRAGMENTS + GO_FRAGMENTS),
        st.text(alphabet="{}.|$()\"'`/* -:=abcXYZ012\n", max_size=8),
    ),
    max_size=10,
).map("".join)


@pytest.mark.skipif(_template_parser() is None, reason="lifecycle.gotemplate has no parse yet")
@DETERMINISTIC
@given(source=go_templates)
def test_parsing_any_template_raises_only_template_syntax_errors(source):
    parse, TemplateSyntaxError = _template_parser()
    offset = 0
    try:
        parse(source)
    except TemplateSyntaxError as error:
        offset = error.offset
    assert 0 <= offset <= len(source)
