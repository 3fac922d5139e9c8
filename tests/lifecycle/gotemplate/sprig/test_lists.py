import pytest

from lifecycle.gotemplate.callables import GoPanic
from lifecycle.gotemplate.sprig.lists import FUNCTIONS
from lifecycle.gotemplate.values import Int64, TypedList


def call(name, *args):
    return FUNCTIONS[name].impl(*args)


def test_list_and_tuple_collect_their_arguments():
    assert call("list", 1, "a", None) == [1, "a", None]
    assert call("tuple") == []


def test_first_last_rest_initial_read_any_slice():
    assert call("first", [3, 1, 2]) == 3
    assert call("last", TypedList(["a", "b"])) == "b"
    assert call("rest", [3, 1, 2]) == [1, 2]
    assert call("initial", [3, 1, 2]) == [3, 1]
    assert call("first", []) is None
    assert call("first", b"pass") == 112  # a []byte element is a uint8


def test_a_non_list_panics_with_sprigs_message_and_nil_dereferences():
    with pytest.raises(GoPanic, match=r"^Cannot find first on type string$"):
        call("first", "abc")
    with pytest.raises(GoPanic, match=r"^Cannot prepend on type map$"):
        call("prepend", {}, 0)
    with pytest.raises(GoPanic, match=r"^Cannot concat type int as list$"):
        call("concat", [1], 1)
    with pytest.raises(GoPanic, match=r"^runtime error: invalid memory address or nil pointer"):
        call("last", None)


def test_append_prepend_and_concat_build_new_lists():
    original = [1, 2]
    assert call("append", original, 3) == [1, 2, 3]
    assert call("push", original, 3) == [1, 2, 3]
    assert call("prepend", original, 0) == [0, 1, 2]
    assert call("concat", original, TypedList(["a"])) == [1, 2, "a"]
    assert original == [1, 2]


def test_uniq_without_and_has_compare_with_go_types():
    assert call("uniq", [1, 2, 1, "1", 2.0, 2]) == [1, 2, "1", 2.0]
    assert call("without", [3, 1, 2], 1, 3) == [2]
    assert call("has", 2, [3, 1, 2]) is True
    assert call("has", 2.0, [3, 1, 2]) is False
    assert call("has", 3, [Int64(3)]) is False  # int and int64 differ
    assert call("has", 1, None) is False


def test_slice_keeps_the_slice_type_and_refuses_strings_and_bad_bounds():
    assert call("slice", [1, 2, 3], 1) == [2, 3]
    assert call("slice", [1, 2, 3], "1", "2") == [2]
    assert call("slice", TypedList(["a", "b"]), 1).type_name == "[]string"
    assert call("slice", b"pass", 0, 2) == b"pa"
    assert call("slice", [], 0, 5) is None
    with pytest.raises(GoPanic, match=r"^reflect.Value.Slice: slice index out of bounds$"):
        call("slice", [1, 2, 3], 2, 1)
    with pytest.raises(GoPanic, match=r"^list should be type of slice or array but string$"):
        call("slice", "hello", 1, 3)
