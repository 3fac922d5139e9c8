"""Go's template builtins: results and error wording, called as the interpreter calls them."""

import pytest

from lifecycle.gotemplate.builtins import BUILTINS
from lifecycle.gotemplate.callables import GoError, GoPanic
from lifecycle.gotemplate.values import NO_VALUE, Int64, NilPointer, Struct, TypedList, TypedMap


def call(name, *args):
    return BUILTINS[name].impl(*args)


def error_of(name, *args) -> str:
    with pytest.raises((GoError, GoPanic)) as caught:
        call(name, *args)
    return str(caught.value)


class TestLogic:
    def test_and_gives_the_first_false_value_or_the_last(self):
        assert call("and", 1, 0, 3) == 0
        assert call("and", 1, "x") == "x"

    def test_or_gives_the_first_true_value_or_the_last(self):
        assert call("or", 0, "", "x") == "x"
        assert call("or", 0, "") == ""

    def test_not_uses_template_truth(self):
        assert [call("not", v) for v in (None, NO_VALUE, [], {}, "", 0, 0.0, "a", [0])] == [
            True,
            True,
            True,
            True,
            True,
            True,
            True,
            False,
            False,
        ]


class TestLen:
    def test_it_counts_bytes_of_strings_and_elements_of_the_rest(self):
        assert [call("len", v) for v in ("hé", b"ab", [1], {"a": 1})] == [3, 2, 1, 1]

    def test_nil_and_values_without_length_fail_as_in_go(self):
        assert error_of("len", None) == "len of nil pointer"
        assert error_of("len", NilPointer("*param.PVCParams")) == "len of nil pointer"
        assert error_of("len", NO_VALUE) == "reflect: call of reflect.Value.Type on zero Value"
        assert error_of("len", 3) == "len of type int"


class TestIndex:
    def test_it_indexes_lists_maps_and_strings_in_turn(self):
        assert call("index", {"a": [1, {"b": "x"}]}, "a", 1, "b") == "x"
        assert call("index", "hé", 1) == 0xC3

    def test_a_missing_key_gives_the_map_s_zero(self):
        assert call("index", {}, "x") is None
        assert call("index", TypedMap(), "x") == ""

    def test_out_of_range_and_bad_indexes(self):
        assert error_of("index", [1, 2], 3) == "index out of range: 3"
        assert error_of("index", [1, 2], 2) == "reflect: slice index out of range"
        assert error_of("index", [1], "a") == "cannot index slice/array with type string"
        assert error_of("index", [1], None) == "cannot index slice/array with nil"
        assert error_of("index", {}, 1) == "value has type int; should be string"
        assert error_of("index", None, 1) == "index of untyped nil"
        assert error_of("index", [None], 0, 0) == "index of nil pointer"
        assert error_of("index", 5, 0) == "can't index item of type int"


class TestSlice:
    def test_it_slices_lists_bytes_and_strings_by_bytes(self):
        assert call("slice", [1, 2, 3], 1) == [2, 3]
        assert call("slice", b"abc", 0, 2) == b"ab"
        assert call("slice", "héllo", 1, 3) == "é"
        typed = call("slice", TypedList(["a", "b"]), 1)
        assert typed == ["b"] and typed.type_name == "[]string"

    def test_bad_bounds_fail_as_in_go(self):
        assert error_of("slice", [1, 2], 2, 1) == "invalid slice index: 2 > 1"
        assert error_of("slice", [1, 2], 3) == "index out of range: 3"
        assert error_of("slice", "ab", 0, 1, 2) == "cannot 3-index slice a string"
        assert error_of("slice", [1], 0, 0, 0, 0) == "too many slice indexes: 4"
        assert error_of("slice", 1, 0) == "can't slice item of type int"


class TestComparison:
    def test_eq_compares_the_first_with_each_other_argument(self):
        assert call("eq", 2, 1, 2) is True
        assert call("eq", "a", "b") is False
        assert call("eq", Int64(3), 3) is True

    def test_eq_of_nil_with_anything_is_false_without_error(self):
        assert call("eq", None, 1) is False
        assert call("eq", NO_VALUE, None) is True

    def test_ints_and_floats_do_not_compare(self):
        assert error_of("eq", 1, 1.0) == "incompatible types for comparison: int and float64"
        assert error_of("lt", 1, 1.5) == "incompatible types for comparison: int and float64"

    def test_ordering_needs_basic_values(self):
        assert call("lt", "a", "b") and call("le", 2, 2) and call("gt", 3, 2)
        assert not call("ge", 1.5, 2.5)
        assert error_of("lt", True, False) == "invalid type for comparison"
        assert error_of("lt", [1], 1) == "invalid type for comparison"

    def test_pointers_are_equal_only_to_themselves(self):
        pointer = Struct("param.PVCParams", {"Name": "a"}, pointer=True)
        assert call("eq", pointer, pointer) is True
        assert call("eq", pointer, Struct("param.PVCParams", {"Name": "a"}, pointer=True)) is False
        assert call("eq", NilPointer("*param.PVCParams"), NO_VALUE) is True


class TestEscaping:
    def test_html_escapes_as_go_does(self):
        assert call("html", "<a href='x'>&\"\0") == "&lt;a href=&#39;x&#39;&gt;&amp;&#34;\ufffd"

    def test_js_escapes_as_go_does(self):
        assert call("js", "a='<b>'\n\\é\u2028") == (
            "a\\u003D\\'\\u003Cb\\u003E\\'\\u000A\\\\é\\u2028"
        )

    def test_urlquery_escapes_as_query_escape(self):
        assert call("urlquery", "a b&c/é~") == "a+b%26c%2F%C3%A9~"

    def test_escapers_print_several_or_non_string_arguments(self):
        assert call("html", "a", "b") == "ab"
        assert call("html", None) == "&lt;no value&gt;"


def test_call_refuses_what_is_not_a_function():
    assert error_of("call", ".x", 1) == "non-function .x of type int"
    assert error_of("call", ".x", None) == "call of nil"
