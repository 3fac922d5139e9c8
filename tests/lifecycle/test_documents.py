"""Splitting a YAML stream into documents: exact text, positions of errors, and the limits."""

import itertools
import time

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from lifecycle.yamlpos import Limits, Position, YamlError, documents, split_documents
from tests.conftest import example_files

THREE = """\
# first: a comment kept with its document
a: 1   # trailing comment
---
b: [1, 2
c: 3
---
d: 4
"""


def billion_laughs(levels: int = 9, width: int = 9) -> str:
    """The classic YAML bomb: each level an anchored list of `width` aliases to the one before."""
    names = [chr(ord("a") + level) for level in range(levels)]
    lines = [f"{names[0]}: &{names[0]} [{', '.join(['lol'] * width)}]"]
    for previous, name in itertools.pairwise(names):
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * width)}]")
    return "\n".join(lines) + "\n"


def expanded_leaves(node: yaml.Node, memo: dict) -> int:
    """How many scalars a node stands for once every alias is copied out (memoised, so cheap)."""
    if isinstance(node, yaml.ScalarNode):
        return 1
    if id(node) not in memo:
        children = node.value if isinstance(node, yaml.SequenceNode) else sum(node.value, ())
        memo[id(node)] = sum(expanded_leaves(child, memo) for child in children)
    return memo[id(node)]


class TestDocumentText:
    def test_each_document_keeps_its_text_exactly_comments_included(self):
        text = (
            "# about a\na: 1  # one\n\n# between\nb: 2\n---\n# only c\nc: [x,  y]   # odd spacing\n"
        )
        split = split_documents(text, "f.yaml")
        assert [d.source for d in split.documents] == [
            "# about a\na: 1  # one\n\n# between\nb: 2\n",
            "# only c\nc: [x,  y]   # odd spacing\n",
        ]
        assert [d.data for d in split.documents] == [{"a": 1, "b": 2}, {"c": ["x", "y"]}]
        assert split.errors == []

    def test_a_header_comment_above_the_first_marker_belongs_to_the_first_document(self):
        text = "# Copyright the authors\n# Licensed under Apache-2.0\n---\na: 1\n---\nb: 2\n"
        first, second = split_documents(text, "f.yaml").documents
        assert first.source == "# Copyright the authors\n# Licensed under Apache-2.0\na: 1\n"
        assert second.source == "b: 2\n"

    def test_a_comment_on_the_marker_line_stays_with_its_document(self):
        text = "--- # the first\na: 1\n---   # the second\nb: 2\n"
        first, second = split_documents(text, "f.yaml").documents
        assert (first.source, second.source) == ("# the first\na: 1\n", "# the second\nb: 2\n")
        assert (first.position, second.position) == (
            Position("f.yaml", 2, 1),
            Position("f.yaml", 4, 1),
        )

    def test_positions_count_the_header_lines(self):
        text = "# header\n---\na: 1\n---\nb: 2\n"
        first, second = split_documents(text, "f.yaml").documents
        assert (first.position, second.position) == (
            Position("f.yaml", 3, 1),
            Position("f.yaml", 5, 1),
        )

    def test_end_markers_are_not_part_of_the_text(self):
        text = "a: 1\n...\n---\nb: 2\n...\n"
        split = split_documents(text, "f.yaml")
        assert [d.source for d in split.documents] == ["a: 1\n", "b: 2\n"]
        assert [d.position.line for d in split.documents] == [1, 4]

    def test_empty_documents_are_skipped(self):
        text = "---\n---\n# only a comment\n---\na: 1\n---\n"
        split = split_documents(text, "f.yaml")
        assert [(d.source, d.position.line) for d in split.documents] == [("a: 1\n", 5)]
        assert split.errors == []

    def test_an_empty_stream_has_no_document_and_no_error(self):
        split = split_documents("", "f.yaml")
        assert (split.documents, split.errors) == ([], [])

    def test_crlf_line_ends_are_kept_and_read_as_line_ends(self):
        text = "a:\r\n  b: 1\r\n---\r\nc: 2\r\n"
        first, second = split_documents(text, "win.yaml").documents
        assert (first.source, first.data) == ("a:\r\n  b: 1\r\n", {"a": {"b": 1}})
        assert (second.source, second.data, second.position.line) == ("c: 2\r\n", {"c": 2}, 4)

    def test_a_crlf_error_has_the_same_position_as_with_lf(self):
        text = "a: 1\n---\nb: [1,\nc: 2\n"
        lf = split_documents(text, "f.yaml").errors
        crlf = split_documents(text.replace("\n", "\r\n"), "f.yaml").errors
        assert [str(e) for e in crlf] == [str(e) for e in lf]

    def test_non_ascii_text_is_kept_and_columns_count_characters(self):
        text = "name: café # ünïcödé\nx: 日本語\n---\n  y: 日本: z\n"
        split = split_documents(text, "ü.yaml")
        assert [d.source for d in split.documents] == ["name: café # ünïcödé\nx: 日本語\n"]
        assert split.documents[0].data == {"name": "café", "x": "日本語"}
        assert [str(e) for e in split.errors] == [
            "ü.yaml:4:8: mapping values are not allowed in this context"
        ]

    def test_the_last_document_gets_a_final_newline_when_the_file_lacks_one(self):
        split = split_documents("a: 1\n---\nb: 2", "f.yaml")
        assert [d.source for d in split.documents] == ["a: 1\n", "b: 2\n"]


class TestErrors:
    def test_a_syntax_error_in_the_second_of_three_documents_keeps_the_first_and_the_third(self):
        split = split_documents(THREE, "three.yaml")
        assert [str(e) for e in split.errors] == [
            "three.yaml:5:2: while parsing a flow sequence (started at line 4): "
            "did not find expected ',' or ']'"
        ]
        assert [(d.data, d.position.line) for d in split.documents] == [
            ({"a": 1}, 2),
            ({"d": 4}, 7),
        ]

    def test_the_error_carries_its_position_and_message_separately(self):
        (error,) = split_documents(THREE, "three.yaml").errors
        assert isinstance(error, YamlError)
        assert error.position == Position("three.yaml", 5, 2)
        assert error.message.endswith("did not find expected ',' or ']'")

    def test_an_undefined_alias_is_an_error_at_the_alias(self):
        split = split_documents("---\na: 1\n---\nb:\n  c: *nope\n---\nd: 4\n", "alias.yaml")
        assert [str(e) for e in split.errors] == ["alias.yaml:5:6: found undefined alias *nope"]
        assert [d.data for d in split.documents] == [{"a": 1}, {"d": 4}]

    def test_an_error_in_the_last_document_keeps_the_ones_before(self):
        split = split_documents("a: 1\n---\nb: {x: 1\n", "f.yaml")
        assert [d.data for d in split.documents] == [{"a": 1}]
        assert len(split.errors) == 1
        assert split.errors[0].position.file == "f.yaml"


class TestLimits:
    def test_the_bomb_of_the_test_is_a_real_billion_laughs_with_nine_levels(self):
        text = billion_laughs()
        assert text.count("&") == 9
        root = yaml.compose(text, Loader=yaml.CSafeLoader)
        last = root.value[-1][1]
        assert expanded_leaves(last, {}) == 9**9 == 387_420_489

    def test_a_billion_laughs_is_refused_fast_before_anything_is_expanded(self):
        started = time.perf_counter()
        split = split_documents(billion_laughs(), "lol.yaml")
        elapsed = time.perf_counter() - started
        assert split.documents == []
        assert [str(e) for e in split.errors] == [
            "lol.yaml:6:32: document expands to more than 500,000 nodes "
            "(aliases repeat too much data)"
        ]
        assert elapsed < 0.5

    def test_the_expansion_limit_counts_aliases_not_lines(self):
        bomb = billion_laughs(levels=3, width=4)  # 4 + 16 + 64 scalars once expanded, plus keys
        assert split_documents(bomb, "f.yaml", Limits(max_expanded_nodes=200)).errors == []
        (error,) = split_documents(bomb, "f.yaml", Limits(max_expanded_nodes=50)).errors
        assert error.message.startswith("document expands to more than 50 nodes")

    def test_the_expansion_limit_is_per_document(self):
        document = "items: [" + ", ".join(["x"] * 40) + "]\n"
        split = split_documents(
            "---\n".join([document] * 5), "f.yaml", Limits(max_expanded_nodes=50)
        )
        assert split.errors == []
        assert len(split.documents) == 5

    def test_nesting_deeper_than_the_limit_is_refused(self):
        text = "a: " + "[" * 150 + "]" * 150 + "\n"
        split = split_documents(text, "deep.yaml")
        assert [str(e) for e in split.errors] == ["deep.yaml:1:103: nesting deeper than 100 levels"]
        assert split.documents == []

    def test_nesting_at_the_limit_is_fine(self):
        text = "a: " + "[" * 99 + "]" * 99 + "\n"  # the root mapping is the hundredth level
        split = split_documents(text, "deep.yaml")
        assert split.errors == []

    def test_a_deep_document_does_not_hide_the_next_ones(self):
        text = "a: 1\n---\nb: " + "{x: " * 5 + "1" + "}" * 5 + "\n---\nc: 3\n"
        split = split_documents(text, "f.yaml", Limits(max_depth=3))
        assert [str(e) for e in split.errors] == ["f.yaml:3:12: nesting deeper than 3 levels"]
        assert [d.data for d in split.documents] == [{"a": 1}, {"c": 3}]

    def test_a_file_over_max_bytes_is_refused_without_being_read(self):
        split = split_documents("a: 1\n" * 10, "big.yaml", Limits(max_bytes=49))
        assert [str(e) for e in split.errors] == ["big.yaml:1:1: file is larger than 49 bytes"]
        assert split.documents == []

    def test_max_bytes_counts_utf8_bytes_not_characters(self):
        text = "a: éé\n"  # 6 characters, 8 bytes
        assert split_documents(text, "f.yaml", Limits(max_bytes=8)).errors == []
        (error,) = split_documents(text, "f.yaml", Limits(max_bytes=7)).errors
        assert error.message == "file is larger than 7 bytes"


@pytest.mark.parametrize(
    ("text", "data"),
    [
        ("when: 2024-01-02\n", {"when": "2024-01-02"}),
        ("blob: !!binary aGVsbG8=\n", {"blob": "aGVsbG8="}),
    ],
)
def test_values_are_built_as_kubernetes_reads_them_json_only(text, data):
    (document,) = split_documents(text, "f.yaml").documents
    assert document.data == data


def test_crossing_a_bound_is_a_limit_error_and_a_broken_document_is_not():
    from lifecycle.yamlpos import LimitError

    (bomb,) = split_documents(billion_laughs(), "lol.yaml").errors
    (broken,) = split_documents("a: [\n", "broken.yaml").errors
    (big,) = split_documents("a: 1\n", "big.yaml", Limits(max_bytes=2)).errors
    assert isinstance(bomb, LimitError)
    assert isinstance(big, LimitError)
    assert not isinstance(broken, LimitError)


def _as_read(split):
    def nodes(node):
        marks = (node.start_mark.index, node.end_mark.index, node.start_mark.line)
        if isinstance(node, yaml.MappingNode):
            return (marks, [(nodes(k), nodes(v)) for k, v in node.value])
        if isinstance(node, yaml.SequenceNode):
            return (marks, [nodes(item) for item in node.value])
        return (marks, node.tag, node.value, node.style)

    documents = [
        (d.source, d.content_line, d.offset, d.data, nodes(d.node)) for d in split.documents
    ]
    return documents, [(e.message, e.position) for e in split.errors]


SINGLE_DOCUMENTS = [
    *(path.read_text() for path in example_files()),
    "a: 1\n# trailing comment\n",
    "# only a comment\n",
    "a: 1",
    "\ufeffa: 1\n",
    "a: |\n  x\n\n\n",
    "a: &x [1]\nb: *x\n",
    "a: [1, 2\n",
    "- - - - x\n",
    "---\r\na: 1\r\n",
    "a: 1\r\n...\r\n",
    "\r---\ra: 1\r",
]


@pytest.mark.parametrize("text", SINGLE_DOCUMENTS)
def test_the_one_pass_read_of_a_single_document_equals_the_event_checked_one(text, monkeypatch):
    one_pass = _as_read(split_documents(text, "f.yaml"))
    monkeypatch.setattr(documents, "_single_document", lambda *args: None)
    assert _as_read(split_documents(text, "f.yaml")) == one_pass


def test_deep_nesting_is_still_refused_without_markers():
    text = "".join(" " * i + "a:\n" for i in range(150)) + " " * 150 + "x\n"
    [error] = split_documents(text, "f.yaml").errors
    assert error.message == "nesting deeper than 100 levels"


NESTING_TOKENS = (
    *("- ", "-", "-\t", "? ", "?", ": ", "a", "b: ", "[", "]", "{", "}", ", ", " ", "  ", "\t"),
    *("\n", "\r", "\r\n", "\x85", "\u2028", "&x ", "*x", "'q'", "|\n", "# c\n"),
)


def deepest(text: str) -> int:
    """How deep libyaml's composer recurses on the text: the most collections open at once."""
    depth = most = 0
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                most = max(most, depth)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        pass  # the composer got as deep before meeting the error
    return most


@settings(max_examples=1000, deadline=None, derandomize=True, database=None)
@given(st.lists(st.sampled_from(NESTING_TOKENS), max_size=30).map("".join))
@example("[a: [b: [c: d]]]")
@example("a:\r b:\r  c: d")
@example("?\x85-")
def test_the_nesting_bound_is_never_below_the_depth_libyaml_reaches(text):
    # The bound is all that keeps a deep file from crashing libyaml's recursive composer.
    assert documents._nesting_bound(text) + 1 >= deepest(text)


def test_a_character_yaml_refuses_costs_only_its_own_document():
    split = split_documents("a: b\n---\nc: \x07\n---\nd: e\n", "f.yaml")
    assert [d.data for d in split.documents] == [{"a": "b"}, {"d": "e"}]
    [error] = split.errors
    assert (error.message, error.position) == (
        "unacceptable character #x0007: control characters are not allowed",
        Position("f.yaml", 3, 4),
    )


@pytest.mark.parametrize(
    ("text", "value", "kind", "line", "column"),
    [
        ("a: b\n---\nc: [1, 0b_]\n---\nd: e\n", "0b_", "int", 3, 8),
        ("a: b\n---\nc: !!int x\n---\nd: e\n", "x", "int", 3, 4),
        ("a: b\n---\nc:\n  d: !!float y\n---\nd: e\n", "y", "float", 4, 6),
    ],
)
def test_a_value_its_tag_cannot_read_costs_only_its_own_document(text, value, kind, line, column):
    split = split_documents(text, "f.yaml")
    assert [d.data for d in split.documents] == [{"a": "b"}, {"d": "e"}]
    [error] = split.errors
    assert error.message == f"cannot read {value!r} as {kind} (quote a value meant as a string)"
    assert error.position == Position("f.yaml", line, column)


def test_a_lone_document_with_a_value_its_tag_cannot_read_is_refused_with_its_position():
    split = split_documents("kind: Blueprint\nreplicas: 0x_\n", "f.yaml")
    assert split.documents == []
    [error] = split.errors
    assert (error.message, error.position) == (
        "cannot read '0x_' as int (quote a value meant as a string)",
        Position("f.yaml", 2, 11),
    )
