import pytest

from lifecycle.gotemplate.callables import GoError, GoPanic
from lifecycle.gotemplate.gotime import ZERO_TIME
from lifecycle.gotemplate.sprig.defaults import FUNCTIONS
from lifecycle.gotemplate.values import NilPointer, Struct, TypedMap


def call(name, *args):
    return FUNCTIONS[name].impl(*args)


def test_default_signature_has_a_variadic_given_value():
    assert FUNCTIONS["default"].params == ("interface {}", "interface {}")
    assert FUNCTIONS["default"].variadic


@pytest.mark.parametrize("given", ["", None, 0, 0.0, False, [], {}, b"", NilPointer("*T")])
def test_default_replaces_empty_values(given):
    assert call("default", "d", given) == "d"


def test_default_keeps_a_value_and_falls_back_when_none_is_given():
    assert call("default", "d", "x") == "x"
    assert call("default", "d", [0]) == [0]
    assert call("default", "d") == "d"


def test_structs_are_never_empty():
    assert call("empty", Struct("param.Artifact", {})) is False
    assert call("empty", Struct("param.Profile", {}, pointer=True)) is False


def test_coalesce_returns_the_first_non_empty_value_or_nil():
    assert call("coalesce", "", None, 0, "x", "y") == "x"
    assert call("coalesce", 0, False) is None


def test_ternary_takes_the_condition_last():
    assert call("ternary", "yes", "no", True) == "yes"
    assert call("ternary", "yes", "no", False) == "no"


def test_compact_drops_empty_elements_and_refuses_a_non_list():
    assert call("compact", [1, "a", None, 2.5, True, "", 0]) == [1, "a", 2.5, True]
    with pytest.raises(GoPanic, match=r"^Cannot compact on type string$"):
        call("compact", "x")


def test_deep_copy_copies_maps_and_lists_and_keeps_their_go_types():
    original = {"a": [1, {"b": 2}], "m": TypedMap({"k": "v"})}
    copied = call("deepCopy", original)
    assert copied == original and copied["a"] is not original["a"]
    assert copied["m"].type_name == "map[string]string"


def test_deep_copy_copies_structs_and_shares_times():
    struct = Struct("param.Phase", {"Output": {"k": "v"}}, pointer=True)
    copied = call("deepCopy", [struct, ZERO_TIME])
    assert copied[0] is not struct and copied[0].fields == struct.fields and copied[0].pointer
    assert copied[1] is ZERO_TIME


def test_fail_is_an_error_result():
    assert FUNCTIONS["fail"].returns_error
    with pytest.raises(GoError, match=r"^bucket required$"):
        call("fail", "bucket required")
