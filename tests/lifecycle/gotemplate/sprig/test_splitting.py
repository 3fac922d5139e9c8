from lifecycle.gotemplate.sprig.splitting import FUNCTIONS
from lifecycle.gotemplate.values import TypedList, TypedMap


def call(name, *args):
    return FUNCTIONS[name].impl(*args)


def test_split_gives_a_string_map_keyed_by_position():
    parts = call("split", ",", "a,b,c")
    assert parts == {"_0": "a", "_1": "b", "_2": "c"}
    assert isinstance(parts, TypedMap) and parts.type_name == "map[string]string"


def test_split_list_is_a_string_slice_and_an_empty_separator_splits_runes():
    assert call("splitList", ",", "a,b") == ["a", "b"]
    assert call("splitList", ",", "a,b").type_name == "[]string"
    assert call("splitList", "", "abc") == ["a", "b", "c"]
    assert call("splitList", "", "") == []
    assert call("splitList", ",", "") == [""]


def test_splitn_stops_at_the_limit_and_gives_nothing_for_zero():
    assert call("splitn", ",", 2, "a,b,c") == {"_0": "a", "_1": "b,c"}
    assert call("splitn", ",", 0, "a,b,c") == {}
    assert call("splitn", "", 2, "abc") == {"_0": "a", "_1": "bc"}


def test_join_prints_each_non_nil_element():
    assert call("join", ",", [1, "a", None, 2.5, True]) == "1,a,2.5,true"
    assert call("join", ",", b"ab") == "97,98"
    assert call("join", ",", "abc") == "abc"
    assert call("join", ",", None) == ""


def test_sort_alpha_sorts_text_and_wraps_anything_else():
    assert call("sortAlpha", ["pear", "Apple", "apple"]) == ["Apple", "apple", "pear"]
    assert call("sortAlpha", [3, 10, 2]) == ["10", "2", "3"]
    assert call("sortAlpha", None) == ["<nil>"]


def test_to_strings_returns_a_string_slice():
    assert call("toStrings", [1, None, "a"]) == TypedList(["1", "a"])
    assert call("toStrings", 5) == ["5"]
