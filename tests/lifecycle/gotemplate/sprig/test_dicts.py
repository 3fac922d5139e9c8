from lifecycle.gotemplate.sprig.dicts import FUNCTIONS
from lifecycle.gotemplate.values import TypedList


def call(name, *args):
    return FUNCTIONS[name].impl(*args)


def test_dict_pairs_its_arguments_and_gives_a_lone_last_key_an_empty_string():
    assert call("dict", "a", 1, "b", "two") == {"a": 1, "b": "two"}
    assert call("dict", "a", 1, "b") == {"a": 1, "b": ""}
    assert call("dict") == {}


def test_dict_prints_keys_that_are_not_strings():
    assert call("dict", 1, "x", True, "y", None, "z", b"pass", "w") == {
        "1": "x",
        "true": "y",
        "<nil>": "z",
        "pass": "w",
    }


def test_set_and_unset_change_the_dict_they_are_given_and_return_it():
    d = {"a": 1}
    assert call("set", d, "b", 2) is d
    assert d == {"a": 1, "b": 2}
    assert call("unset", d, "a") is d
    assert call("unset", d, "missing") == {"b": 2}


def test_has_key_counts_a_key_holding_nil():
    assert call("hasKey", {"a": None}, "a") is True
    assert call("hasKey", {"a": 1}, "b") is False


def test_pluck_skips_dicts_without_the_key():
    assert call("pluck", "a", {"a": 1}, {"b": 2}, {"a": None}) == [1, None]
    assert call("pluck", "a") == []


def test_keys_are_a_string_slice_in_sorted_order_dict_by_dict():
    result = call("keys", {"b": 1, "a": 2}, {"c": 3, "a": 4})
    assert result == ["a", "b", "a", "c"]
    assert isinstance(result, TypedList) and result.type_name == "[]string"


def test_values_follow_the_sorted_keys():
    assert call("values", {"b": "y", "a": "x"}) == ["x", "y"]


def test_go_map_order_is_random_so_keys_and_values_vary():
    assert sorted(name for name, f in FUNCTIONS.items() if f.varies) == ["keys", "values"]


def test_pick_and_omit_make_new_dicts():
    d = {"a": 1, "b": 2, "c": 3}
    assert call("pick", d, "a", "c", "z") == {"a": 1, "c": 3}
    assert call("omit", d, "a", "c") == {"b": 2}
    assert d == {"a": 1, "b": 2, "c": 3}


def test_merge_fills_only_missing_or_empty_values_and_recurses_into_dicts():
    dst = {"a": 1, "e": "", "n": {"x": 1}, "l": [1]}
    src = {"a": 2, "e": "set", "n": {"x": 2, "y": 2}, "l": [2], "new": 3}
    assert call("merge", dst, src) is dst
    assert dst == {"a": 1, "e": "set", "n": {"x": 1, "y": 2}, "l": [1], "new": 3}


def test_merge_overwrite_replaces_values_even_with_empty_ones():
    dst = {"default": "default", "overwrite": "me", "key": True, "l": [1], "n": {"x": 1}}
    src = {"overwrite": "overwritten", "key": False, "l": [2, 3], "n": {"x": 2}}
    assert call("mergeOverwrite", dst, src) == {
        "default": "default",
        "overwrite": "overwritten",
        "key": False,
        "l": [2, 3],
        "n": {"x": 2},
    }


def test_merges_never_copy_nil_nor_put_a_dict_or_list_over_a_set_value():
    assert call("merge", {"a": 1}, {"a": None, "b": None}) == {"a": 1}
    assert call("mergeOverwrite", {"a": "x"}, {"a": {"k": 1}}) == {"a": "x"}
    assert call("mergeOverwrite", {"a": ""}, {"a": {"k": 1}}) == {"a": {"k": 1}}


def test_merge_takes_sources_in_order():
    assert call("merge", {}, {"a": 1}, {"a": 2, "b": 2}) == {"a": 1, "b": 2}
    assert call("mergeOverwrite", {}, {"a": 1}, {"a": 2}) == {"a": 2}


def test_signatures_are_sprigs():
    assert FUNCTIONS["dict"].params == ("interface {}",) and FUNCTIONS["dict"].variadic
    assert FUNCTIONS["hasKey"].params == ("map[string]interface {}", "string")
    assert FUNCTIONS["keys"].params == ("map[string]interface {}",) and FUNCTIONS["keys"].variadic
    assert FUNCTIONS["pluck"].params == ("string", "map[string]interface {}")
