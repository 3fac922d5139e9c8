"""sprig v2.22.0's list functions, which take any Go slice through reflection.

Each returns a new []interface{} and leaves its input alone; given something that is not a
slice it panics with sprig's message, naming the reflect.Kind it got.
"""

from lifecycle.gotemplate.callables import Function, GoPanic
from lifecycle.gotemplate.sprig.conversion import to_int64
from lifecycle.gotemplate.sprig.reflection import deep_equal, kind_of
from lifecycle.gotemplate.values import TypedList

_NIL_DEREFERENCE = "runtime error: invalid memory address or nil pointer dereference"


def elements(value: object, message: str) -> list:
    """The elements of a Go slice as interface{} values; `message` names the function when it
    panics. reflect.TypeOf(nil).Kind() is itself a nil dereference in Go."""
    if value is None:
        raise GoPanic(_NIL_DEREFERENCE)
    if isinstance(value, bytes):
        return list(value)  # []byte elements are uint8 numbers
    if isinstance(value, list):
        return list(value)
    raise GoPanic(message % kind_of(value))


def _contains(haystack: list, needle: object) -> bool:
    return any(deep_equal(needle, item) for item in haystack)


def list_(*values: object) -> list:
    return list(values)


def push(values: object, value: object) -> list:
    return [*elements(values, "Cannot push on type %s"), value]


def prepend(values: object, value: object) -> list:
    return [value, *elements(values, "Cannot prepend on type %s")]


def first(values: object) -> object:
    items = elements(values, "Cannot find first on type %s")
    return items[0] if items else None


def last(values: object) -> object:
    items = elements(values, "Cannot find last on type %s")
    return items[-1] if items else None


def rest(values: object) -> list:
    """Go returns a nil slice for an empty list, which prints as `[]` (and toJson gives `null`:
    values.py has no nil slice, so here it is `[]` too)."""
    return elements(values, "Cannot find rest on type %s")[1:]


def initial(values: object) -> list:
    return elements(values, "Cannot find initial on type %s")[:-1]


def reverse(values: object) -> list:
    return elements(values, "Cannot find reverse on type %s")[::-1]


def uniq(values: object) -> list:
    unique: list = []
    for item in elements(values, "Cannot find uniq on type %s"):
        if not _contains(unique, item):
            unique.append(item)
    return unique


def without(values: object, *omit: object) -> list:
    items = elements(values, "Cannot find without on type %s")
    return [item for item in items if not _contains(list(omit), item)]


def has(needle: object, haystack: object) -> bool:
    if haystack is None:
        return False
    return _contains(elements(haystack, "Cannot find has on type %s"), needle)


def slice_(values: object, *indices: object) -> object:
    """`slice LIST [START [END]]`: a slice of the same Go type; never a string."""
    items = elements(values, "list should be type of slice or array but %s")
    if not items:
        return None
    start = to_int64(indices[0]) if indices else 0
    end = to_int64(indices[1]) if len(indices) > 1 else len(items)
    if not 0 <= start <= end <= len(items):
        raise GoPanic("reflect.Value.Slice: slice index out of bounds")
    if isinstance(values, bytes):
        return values[start:end]
    if isinstance(values, TypedList):
        return TypedList(values[start:end], type_name=values.type_name)
    return values[start:end]


def concat(*lists: object) -> list:
    joined: list = []
    for values in lists:
        joined += elements(values, "Cannot concat type %s as list")
    return joined


_ANY = "interface {}"

FUNCTIONS: dict[str, Function] = {
    "list": Function("list", (_ANY,), list_, variadic=True),
    "tuple": Function("tuple", (_ANY,), list_, variadic=True),
    "first": Function("first", (_ANY,), first),
    "rest": Function("rest", (_ANY,), rest),
    "last": Function("last", (_ANY,), last),
    "initial": Function("initial", (_ANY,), initial),
    "append": Function("append", (_ANY, _ANY), push),
    "push": Function("push", (_ANY, _ANY), push),
    "prepend": Function("prepend", (_ANY, _ANY), prepend),
    "concat": Function("concat", (_ANY,), concat, variadic=True),
    "reverse": Function("reverse", (_ANY,), reverse),
    "uniq": Function("uniq", (_ANY,), uniq),
    "without": Function("without", (_ANY, _ANY), without, variadic=True),
    "has": Function("has", (_ANY, _ANY), has),
    "slice": Function("slice", (_ANY, _ANY), slice_, variadic=True),
}
