import pytest

from lifecycle.gotemplate import gotime
from lifecycle.gotemplate.sprig.reflection import FUNCTIONS
from lifecycle.gotemplate.values import Int64, NilPointer, Struct, TypedList, TypedMap


def call(name, *args):
    return FUNCTIONS[name].impl(*args)


PARAMS = Struct("param.StatefulSetParams", {"Name": "db"}, pointer=True)


@pytest.mark.parametrize(
    ("value", "type_name", "kind"),
    [
        (None, "<nil>", "invalid"),
        (True, "bool", "bool"),
        (1, "int", "int"),
        (Int64(1), "int64", "int64"),
        (1.5, "float64", "float64"),
        ("s", "string", "string"),
        (b"s", "[]uint8", "slice"),
        ([], "[]interface {}", "slice"),
        (TypedList(["a"]), "[]string", "slice"),
        ({}, "map[string]interface {}", "map"),
        (TypedMap({"a": "b"}), "map[string]string", "map"),
        (PARAMS, "*param.StatefulSetParams", "ptr"),
        (NilPointer("*param.DeploymentParams"), "*param.DeploymentParams", "ptr"),
        (gotime.ZERO_TIME, "time.Time", "struct"),
    ],
)
def test_type_of_is_percent_t_and_kind_of_is_the_reflect_kind(value, type_name, kind):
    assert call("typeOf", value) == type_name
    assert call("kindOf", value) == kind
    assert call("typeIs", type_name, value) and call("kindIs", kind, value)


def test_type_is_like_also_accepts_a_pointer_to_the_type():
    assert call("typeIsLike", "param.StatefulSetParams", PARAMS)
    assert not call("typeIs", "param.StatefulSetParams", PARAMS)


@pytest.mark.parametrize(
    ("x", "y", "equal"),
    [
        ([1, {"a": "b"}], [1, {"a": "b"}], True),
        (1, 1.0, False),
        (1, Int64(1), False),
        (True, 1, False),
        (["a"], TypedList(["a"]), False),
        ({"a": 1}, {"a": 1, "b": 2}, False),
        (None, None, True),
        (None, [], False),
        ([float("nan")], [float("nan")], False),
        (b"x", "x", False),
    ],
)
def test_deep_equal_needs_equal_types_all_the_way_down(x, y, equal):
    assert call("deepEqual", x, y) is equal
