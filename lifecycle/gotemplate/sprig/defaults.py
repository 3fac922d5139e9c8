"""sprig v2.22.0's defaults and flow control: `default`, `empty`, `coalesce`, `ternary`..."""

from lifecycle.gotemplate.callables import Function, GoError
from lifecycle.gotemplate.sprig.lists import elements
from lifecycle.gotemplate.values import NO_VALUE, NilPointer, Struct, TypedList, TypedMap


def empty(value: object) -> bool:
    """sprig's empty: the zero value of its type (text/template's truth, inverted), except that
    every struct, time.Time included, is non-empty and a struct pointer is empty only if nil."""
    if value is None or value is NO_VALUE or isinstance(value, NilPointer):
        return True
    if isinstance(value, bool):
        return not value
    if isinstance(value, int | float):
        return value == 0
    if isinstance(value, str | bytes | list | dict):
        return len(value) == 0
    return False


def default(fallback: object, *given: object) -> object:
    if not given or empty(given[0]):
        return fallback
    return given[0]


def coalesce(*values: object) -> object:
    return next((value for value in values if not empty(value)), None)


def compact(values: object) -> list:
    return [item for item in elements(values, "Cannot compact on type %s") if not empty(item)]


def ternary(if_true: object, if_false: object, condition: bool) -> object:
    return if_true if condition else if_false


def deep_copy(value: object) -> object:
    """copystructure.Copy: new maps, slices and structs with the same Go types; other values
    are immutable here, and time.Time keeps its location as Go's copy does."""
    if isinstance(value, TypedMap):
        return TypedMap(
            {key: deep_copy(item) for key, item in value.items()},
            type_name=value.type_name,
            zero=value.zero,
        )
    if isinstance(value, TypedList):
        return TypedList(map(deep_copy, value), type_name=value.type_name)
    if isinstance(value, dict):
        return {key: deep_copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return list(map(deep_copy, value))
    if isinstance(value, Struct):
        fields = {name: deep_copy(field) for name, field in value.fields.items()}
        return Struct(value.type_name, fields, value.pointer)
    return value


def fail(message: str) -> str:
    raise GoError(message)


_ANY = "interface {}"

FUNCTIONS: dict[str, Function] = {
    "default": Function("default", (_ANY, _ANY), default, variadic=True),
    "empty": Function("empty", (_ANY,), empty),
    "coalesce": Function("coalesce", (_ANY,), coalesce, variadic=True),
    "compact": Function("compact", (_ANY,), compact),
    "ternary": Function("ternary", (_ANY, _ANY, "bool"), ternary),
    "deepCopy": Function("deepCopy", (_ANY,), deep_copy),
    "fail": Function("fail", ("string",), fail, returns_error=True),
}
