"""Go values as the template interpreter holds them, and what Go says about their types.

A template's data and its functions' results are Go `interface{}` values. The JSON-like ones are
plain Python values: nil is None, then bool, int (Go's int), float (float64), str (string),
bytes ([]byte, as Secret data is), list ([]interface{}) and dict (map[string]interface{}).
Go values that print, compare or fail differently get a small class here: a struct such as
Kanister's params, a nil pointer to one, maps and slices with another element type, and int64.
`time.Time` is `gotime.GoTime`.
"""

from dataclasses import dataclass


class _NoValue:
    """Go's invalid reflect.Value: what a missing map entry reads as outside missingkey=error
    (`index` of a map[string]interface{}, or missingkey=default). It prints as `<no value>`."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "NO_VALUE"


NO_VALUE = _NoValue()


@dataclass(frozen=True, slots=True, eq=False)
class Struct:
    """A Go struct value; `fields` in declaration order, by their Go names.

    `pointer` is true for a struct reached through a pointer (`*param.StatefulSetParams`): fmt
    then prints it as `&{...}` at the top level, and its type name starts with `*`.
    """

    type_name: str  # package-qualified, as Go prints it: "param.StatefulSetParams"
    fields: dict[str, object]
    pointer: bool = False


@dataclass(frozen=True, slots=True)
class NilPointer:
    """A nil pointer to a struct (`.Deployment` in a StatefulSet action): prints `<nil>`, is
    false, and reading a field of it fails with `nil pointer evaluating *T.Field`."""

    type_name: str  # "*param.DeploymentParams"


class TypedMap(dict):
    """A map whose element type is not interface{} (`map[string]string`): a missing key reads
    as that type's zero value (`zero`) where Go gives one (index, missingkey=zero)."""

    __slots__ = ("type_name", "zero")

    def __init__(self, items=(), *, type_name: str = "map[string]string", zero: object = ""):
        super().__init__(items)
        self.type_name = type_name
        self.zero = zero


class TypedList(list):
    """A slice whose element type is not interface{} (`[]string`, `[][]string`)."""

    __slots__ = ("type_name",)

    def __init__(self, items=(), *, type_name: str = "[]string"):
        super().__init__(items)
        self.type_name = type_name


class Int64(int):
    """Go's int64 (sprig's `int64`; integers in objects read from the Kubernetes API)."""

    __slots__ = ()


def type_name(value: object) -> str:
    """Go's `%T` of a value."""
    if value is None:
        return "<nil>"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, Int64):
        return "int64"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float64"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bytes):
        return "[]uint8"
    if isinstance(value, TypedMap | TypedList):
        return value.type_name
    if isinstance(value, dict):
        return "map[string]interface {}"
    if isinstance(value, list):
        return "[]interface {}"
    if isinstance(value, Struct):
        return ("*" if value.pointer else "") + value.type_name
    if isinstance(value, NilPointer):
        return value.type_name
    named = getattr(value, "go_type_name", None)  # gotime.GoTime and other wrapped Go types
    if named is not None:
        return named
    raise TypeError(f"not a Go value: {value!r}")


def is_true(value: object) -> bool:
    """Go's template truth: false for the zero value of its type, nil and no value."""
    if value is None or value is NO_VALUE or isinstance(value, NilPointer):
        return False
    if isinstance(value, bool | int | float):
        return value != 0
    if isinstance(value, str | bytes | list | dict):
        return len(value) > 0
    return True  # structs (time.Time included) are always true
