"""sprig v2.22.0's type inspection: Go's `%T` type names, reflect Kinds and reflect.DeepEqual."""

import math

from lifecycle.gotemplate.callables import Function
from lifecycle.gotemplate.values import Struct, type_name


def type_of(value: object) -> str:
    return type_name(value)


def type_is(target: str, value: object) -> bool:
    return target == type_name(value)


_BASIC_KINDS = frozenset(("bool", "int", "int64", "float64", "string"))


def type_is_like(target: str, value: object) -> bool:
    return type_name(value) in (target, "*" + target)


def kind_of(value: object) -> str:
    """The name of reflect.ValueOf(value).Kind(), read off its Go type."""
    if value is None:
        return "invalid"
    name = type_name(value)
    if name.startswith("*"):
        return "ptr"
    if name.startswith("[]"):
        return "slice"
    if name.startswith("map["):
        return "map"
    if name in _BASIC_KINDS:
        return name
    return "struct"  # time.Time, and the structs of Kanister's params


def kind_is(target: str, value: object) -> bool:
    return target == kind_of(value)


def deep_equal(x: object, y: object) -> bool:
    """reflect.DeepEqual: equal types all the way down (1 and 1.0 differ, so do []string and
    []interface{}), and NaN equal to nothing, not even inside a list."""
    if x is None or y is None:
        return x is y
    if type_name(x) != type_name(y):
        return False
    if isinstance(x, float):
        return not math.isnan(x) and x == y
    if isinstance(x, list):
        return len(x) == len(y) and all(map(deep_equal, x, y))
    if isinstance(x, dict):
        return x.keys() == y.keys() and all(deep_equal(x[key], y[key]) for key in x)
    if isinstance(x, Struct):
        return deep_equal(x.fields, y.fields)
    return x == y


FUNCTIONS = {
    f.name: f
    for f in (
        Function("typeOf", ("interface {}",), type_of),
        Function("typeIs", ("string", "interface {}"), type_is),
        Function("typeIsLike", ("string", "interface {}"), type_is_like),
        Function("kindOf", ("interface {}",), kind_of),
        Function("kindIs", ("string", "interface {}"), kind_is),
        Function("deepEqual", ("interface {}", "interface {}"), deep_equal),
    )
}
