"""Building a document's data in one walk: exactly what PyYAML's safe constructor builds."""

import itertools
import math
import re

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from lifecycle.yamlpos import Limits, split_documents
from lifecycle.yamlpos.construction import OverLimits, construct_document, within_limits
from lifecycle.yamlpos.documents import DEFAULT_LIMITS, JsonSafeLoader

# Derandomized so CI and every laptop try the same inputs; no example database on disk.
DETERMINISTIC = settings(max_examples=400, deadline=None, derandomize=True, database=None)

# Every YAML 1.1 spelling PyYAML resolves, some near misses, and what falls back to PyYAML
# (other tags, `<<` and `=`, anchors and aliases); all safe in flow and block context alike.
SCALARS = (
    *("0", "-0", "+12", "017", "0o17", "0x1F", "-0x1f", "0b1010", "-0b_1", "1_000", "1:30"),
    *("190:20:30", "0b_", "!!int 12", "!!int x"),
    *("3.14", "-2.5", ".5", "0.", "1.0e+3", "6.8523015e+5", "1e3", "1_000.5", "1:30.5"),
    *(".inf", "-.Inf", "+.INF", ".NaN", ".nan", "!!float 1", "!!float nan", "&f !!float nan", "*f"),
    *("yes", "No", "on", "OFF", "true", "False", "TRUE", "y", "n", "!!bool yes"),
    *("~", "null", "Null", "NULL", "", "!!null ''"),
    *("2002-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5"),
    *("!!timestamp 2002-12-14", "!!binary aGVsbG8=", "!!set {a, b}", "!!omap [a: 1]"),
    *("'quoted'", "''", "'017'", '"yes"', '"tab\\tand \\u00e9"', "plain words", "!!str 12"),
    *("=", "<<", "!custom x", "&s 7", "&s .nan", "*s", "&c [1, 2]", "&m {x: 1}", "*c", "*m"),
)
KEYS = (
    *("a", "b", "key with spaces", "1", "0x1F", "1.0", "yes", "true", "~", ".nan", "1:30"),
    *("'q'", '"a"', "!!str 1", "<<", "=", "&k a", "*k", "&k !!float nan", "[1, 2]"),
)


def flow(children):
    pairs = st.tuples(st.sampled_from(KEYS), children).map(": ".join)
    return st.one_of(
        st.lists(children, max_size=4).map(lambda items: "[" + ", ".join(items) + "]"),
        st.lists(pairs, max_size=4).map(lambda items: "{" + ", ".join(items) + "}"),
    )


FLOW = st.recursive(st.sampled_from(SCALARS), flow, max_leaves=10)


def block(children):
    return st.one_of(
        st.lists(st.tuples(st.sampled_from(KEYS), children), min_size=1, max_size=4).map(
            lambda pairs: ("map", pairs)
        ),
        st.lists(children, min_size=1, max_size=4).map(lambda items: ("seq", items)),
    )


def render(node, indent=0) -> str:
    kind, content = node
    pad = " " * indent
    if kind == "map":
        return "".join(f"{pad}{key}:{_after(value, indent)}" for key, value in content)
    return "".join(f"{pad}-{_after(item, indent)}" for item in content)


def _after(node, indent) -> str:
    """What follows `key:` or `-`: a flow value on the same line, or a block below it."""
    return f" {node}\n" if isinstance(node, str) else "\n" + render(node, indent + 2)


def anchored(text: str) -> str:
    """Each anchor made unique and each alias pointed at the last anchor of its letter before it
    (a plain `x` where there is none), so that most documents compose."""
    numbers = itertools.count()
    latest: dict[str, str] = {}

    def rename(match: re.Match) -> str:
        sigil, letter = match.groups()
        if sigil == "&":
            latest[letter] = f"{letter}{next(numbers)}"
            return f"&{latest[letter]}"
        return f"*{latest[letter]}" if letter in latest else "x"

    return re.sub(r"([&*])([a-z])\b", rename, text)


DOCUMENTS = st.one_of(
    block(st.recursive(FLOW, block, max_leaves=20)).map(render),
    FLOW.filter(str.strip),
).map(anchored)


def typed(value):
    """The value with every type spelled out, so `True` is not `1` and NaN is NaN."""
    if isinstance(value, dict):
        return ("dict", [(typed(key), typed(item)) for key, item in value.items()])
    if isinstance(value, list):
        return ("list", [typed(item) for item in value])
    return (type(value).__name__, repr(value))


def outcome(build):
    try:
        return ("data", typed(build()))
    except OverLimits:
        return ("over limits",)
    except Exception as exc:  # which exception, and its message, is the outcome
        return ("raised", type(exc), str(exc))


def composed(text: str):
    loader = JsonSafeLoader(text)
    return loader, loader.get_single_node()


def built(text: str, limits: Limits = DEFAULT_LIMITS):
    loader, node = composed(text)
    return construct_document(loader, node, limits)


class TestScalars:
    @pytest.mark.parametrize(
        ("written", "value"),
        [
            *(("0x1F", 31), ("-0x1f", -31), ("017", 15), ("0o17", "0o17"), ("0b1010", 10)),
            *(("1_000", 1000), ("1:30", 90), ("190:20:30", 685230), ("+12", 12), ("-0", 0)),
            *(("1.0e+3", 1000.0), ("1e3", "1e3"), ("1:30.5", 90.5), (".5", 0.5), ("0.", 0.0)),
            *((".inf", math.inf), ("-.Inf", -math.inf), ("yes", True), ("No", False)),
            *(("on", True), ("OFF", False), ("y", "y"), ("~", None), ("", None), ("Null", None)),
            *(("2002-12-14", "2002-12-14"), ("!!binary aGVsbG8=", "aGVsbG8="), ("'017'", "017")),
        ],
    )
    def test_each_yaml_11_spelling_gets_the_value_and_type_pyyaml_gives(self, written, value):
        assert typed(built(f"v: {written}\n")) == typed({"v": value})

    def test_nan_is_a_float(self):
        (value,) = built("[.NaN]\n")
        assert math.isnan(value)

    def test_a_document_of_one_scalar_is_that_scalar(self):
        assert typed(built("0x10\n")) == typed(16)


class TestFallingBackToPyYAML:
    def test_a_merge_key_is_merged_as_pyyaml_merges_it(self):
        data = built("this:\n  <<: {x: 1, y: 2}\n  y: 3\n")
        assert data == {"this": {"x": 1, "y": 3}}
        assert list(data["this"]) == ["x", "y"]

    def test_a_set_is_built_by_the_loader_s_own_constructor(self):
        assert built("s: !!set {b, a}\n") == {"s": ["a", "b"]}

    def test_an_unknown_tag_is_refused_with_pyyaml_s_own_error(self):
        with pytest.raises(yaml.constructor.ConstructorError) as raised:
            built("a: !custom x\n")
        assert raised.value.problem == "could not determine a constructor for the tag '!custom'"

    def test_a_collection_key_is_refused_as_unhashable(self):
        with pytest.raises(yaml.constructor.ConstructorError) as raised:
            built("[1, 2]: x\n")
        assert raised.value.problem == "found unhashable key"

    def test_one_nan_key_written_twice_through_an_alias_is_one_key(self):
        # `.nan` is one shared float in PyYAML; `!!float nan` is a new one for each node.
        assert list(built("&k !!float nan : 1\n*k : 2\n").values()) == [2]
        assert list(built("!!float nan : 1\n!!float nan : 2\n").values()) == [1, 2]
        assert list(built(".nan : 1\n.NaN : 2\n").values()) == [2]

    def test_what_pyyaml_cannot_build_raises_what_pyyaml_raises(self):
        with pytest.raises(ValueError, match="invalid literal for int"):
            built("a: [1, 0b_]\n")


class TestLimits:
    def test_a_collection_reached_twice_is_over_the_limits(self):
        with pytest.raises(OverLimits):
            built("a: &x [1]\nb: *x\n")

    def test_a_scalar_reached_twice_is_built_twice(self):
        assert built("a: &x 1\nb: *x\n") == {"a": 1, "b": 1}

    def test_depth_is_checked_in_the_same_walk(self):
        assert built("a: {b: 1}\n", Limits(max_depth=2)) == {"a": {"b": 1}}
        with pytest.raises(OverLimits):
            built("a: {b: {c: 1}}\n", Limits(max_depth=2))

    def test_size_counts_every_node_once_per_place_it_is_reached(self):
        assert built("[1, 2, 3]\n", Limits(max_expanded_nodes=4)) == [1, 2, 3]
        with pytest.raises(OverLimits):
            built("[1, 2, 3, 4]\n", Limits(max_expanded_nodes=4))

    def test_size_counts_keys_and_values_alike(self):
        assert built("{a: 1, b: 2}\n", Limits(max_expanded_nodes=5)) == {"a": 1, "b": 2}
        with pytest.raises(OverLimits):
            built("{a: 1, b: 2, c: 3}\n", Limits(max_expanded_nodes=5))

    def test_limits_are_checked_before_pyyaml_builds_an_unusual_document(self):
        with pytest.raises(OverLimits):
            built("a: !custom {b: {c: 1}}\n", Limits(max_depth=2))


@DETERMINISTIC
@given(
    DOCUMENTS,
    st.sampled_from([Limits(), Limits(max_depth=3), Limits(max_expanded_nodes=12)]),
)
@example("a: &s .nan\n*s : 1\n<<: {x: 1}\n", Limits())
@example("- &c [1]\n- *c\n", Limits())
def test_the_walk_gives_what_pyyaml_s_constructor_gives(text, limits):
    try:
        loader, node = composed(text)
    except yaml.YAMLError:
        return  # nothing to build
    if node is None:
        return
    reference_loader, reference_node = composed(text)  # PyYAML rewrites merge keys in place
    expected = (
        outcome(lambda: reference_loader.construct_document(reference_node))
        if within_limits(reference_node, limits)
        else ("over limits",)
    )
    assert outcome(lambda: construct_document(loader, node, limits)) == expected


@DETERMINISTIC
@given(DOCUMENTS)
def test_a_single_document_reads_as_yaml_load_reads_it(text):
    try:
        expected = yaml.load(text, Loader=JsonSafeLoader)
    except (yaml.YAMLError, ValueError):  # ValueError: a scalar its tag cannot read
        split = split_documents(text, "f.yaml")
        assert (split.documents, bool(split.errors)) == ([], True)
        return
    split = split_documents(text, "f.yaml")
    assert split.errors == []
    assert [typed(document.data) for document in split.documents] == [typed(expected)]
