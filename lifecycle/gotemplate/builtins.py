"""Go's template builtins (text/template/funcs.go) as Functions, with Go's results and errors.

Most builtins take reflect.Value parameters in Go, which receive any value unconverted: here
the parameter type "reflect.Value", and NO_VALUE or None for Go's invalid value and nil.
`and`, `or` and `call` need the interpreter (lazy arguments, the callee's name), which
special-cases them as Go does; their functions here are what they do once arguments are known.
"""

import unicodedata
import urllib.parse
from dataclasses import replace

from lifecycle.gotemplate.callables import Function, GoError, GoPanic
from lifecycle.gotemplate.gofmt import sprint, sprintf, sprintln
from lifecycle.gotemplate.values import (
    NO_VALUE,
    NilPointer,
    Struct,
    TypedList,
    TypedMap,
    is_true,
    type_name,
)

_VALUE = "reflect.Value"
_ANY = "interface {}"


def _is_nil_interface(value: object) -> bool:
    return value is None or value is NO_VALUE


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def _from_utf8(data: bytes) -> str:
    return data.decode("utf-8", "surrogateescape")


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# Logic.


def and_(first: object, *rest: object) -> object:
    """The first false argument, else the last."""
    for value in (first, *rest):
        if not is_true(value):
            return value
    return value


def or_(first: object, *rest: object) -> object:
    """The first true argument, else the last."""
    for value in (first, *rest):
        if is_true(value):
            return value
    return value


def not_(value: object) -> bool:
    return not is_true(value)


# Containers.


def length(item: object) -> int:
    if item is NO_VALUE:
        raise GoPanic("reflect: call of reflect.Value.Type on zero Value")
    if item is None or isinstance(item, NilPointer):
        raise GoError("len of nil pointer")
    if isinstance(item, str):
        return len(item) if item.isascii() else len(_utf8(item))
    if isinstance(item, bytes | list | dict):
        return len(item)
    raise GoError(f"len of type {_deref_type(item)}")


def index(item: object, *indexes: object) -> object:
    """item[i][j]...; a missing map key gives the map's zero value (nil for interface{})."""
    if _is_nil_interface(item):
        raise GoError("index of untyped nil")
    for key in indexes:
        if item is None or isinstance(item, NilPointer):
            raise GoError("index of nil pointer")
        if isinstance(item, str):
            data = _utf8(item)
            item = data[_index_arg(key, len(data), "string")]
        elif isinstance(item, list | bytes):
            item = item[_index_arg(key, len(item), "slice")]
        elif isinstance(item, dict):
            key = _map_key(key)
            zero = item.zero if isinstance(item, TypedMap) else None
            item = item.get(key, zero)
        else:
            raise GoError(f"can't index item of type {_deref_type(item)}")
    return item


def slice_(item: object, *indexes: object) -> object:
    """item[i:j] or item[i:j:k]; strings are sliced by bytes, as in Go."""
    if _is_nil_interface(item):
        raise GoError("slice of untyped nil")
    if isinstance(item, NilPointer):
        raise GoError("slice of nil pointer")
    if len(indexes) > 3:
        raise GoError(f"too many slice indexes: {len(indexes)}")
    is_text = isinstance(item, str)
    if is_text:
        if len(indexes) == 3:
            raise GoError("cannot 3-index slice a string")
        sequence = _utf8(item)
    elif isinstance(item, list | bytes):
        sequence = item
    else:
        raise GoError(f"can't slice item of type {_deref_type(item)}")
    bounds = [0, len(sequence), len(sequence)]
    for i, key in enumerate(indexes):
        bounds[i] = _index_arg(key, len(sequence))
    low, high, top = bounds
    if low > high:
        raise GoError(f"invalid slice index: {low} > {high}")
    if high > top:
        raise GoError(f"invalid slice index: {high} > {top}")
    part = sequence[low:high]
    if is_text:
        return _from_utf8(part)
    if isinstance(item, TypedList):
        return TypedList(part, type_name=item.type_name)
    return part


def _index_arg(key: object, cap: int, indexed: str = "") -> int:
    """Go's indexArg; `indexed` names what Go's reflect panics about when the index equals
    the length, which indexArg lets through."""
    if _is_int(key):
        position = int(key)
    elif _is_nil_interface(key):
        raise GoError("cannot index slice/array with nil")
    else:
        raise GoError(f"cannot index slice/array with type {type_name(key)}")
    if position < 0 or position > cap:
        raise GoError(f"index out of range: {position}")
    if indexed and position == cap:
        raise GoPanic(f"reflect: {indexed} index out of range")
    return position


def _map_key(key: object) -> str:
    if _is_nil_interface(key):
        raise GoError("value is nil; should be of type string")
    if not isinstance(key, str):
        raise GoError(f"value has type {type_name(key)}; should be string")
    return key


def _deref_type(item: object) -> str:
    if isinstance(item, Struct) and item.pointer:
        return item.type_name
    return type_name(item)


# Comparison.

_INT, _FLOAT, _STRING, _BOOL, _COMPLEX = "int", "float", "string", "bool", "complex"


def _basic_kind(value: object) -> str | None:
    if isinstance(value, bool):
        return _BOOL
    if isinstance(value, int):
        return _INT
    if isinstance(value, float):
        return _FLOAT
    if isinstance(value, str):
        return _STRING
    if isinstance(value, complex):
        return _COMPLEX
    return None


def _reflect_kind(value: object) -> str:
    if _is_nil_interface(value):
        return "invalid"
    if isinstance(value, list | bytes):
        return "slice"
    if isinstance(value, dict):
        return "map"
    if isinstance(value, NilPointer) or (isinstance(value, Struct) and value.pointer):
        return "ptr"
    if isinstance(value, Function):
        return "func"
    return "struct"


def eq(first: object, *others: object) -> bool:
    """Whether `first` equals any of `others`, by Go's basic kinds."""
    if first is None:
        first = NO_VALUE
    if not others:
        raise GoError("missing argument for comparison")
    kind = _basic_kind(first)
    for other in others:
        if other is None:
            other = NO_VALUE
        other_kind = _basic_kind(other)
        if kind != other_kind:
            if first is not NO_VALUE and other is not NO_VALUE:
                raise GoError(
                    f"incompatible types for comparison: {type_name(first)} and {type_name(other)}"
                )
            continue
        if kind is not None:
            if first == other:
                return True
            continue
        if _equal_composite(first, other):
            return True
    return False


def _equal_composite(first: object, other: object) -> bool:
    first_kind, other_kind = _reflect_kind(first), _reflect_kind(other)
    if first_kind != other_kind and "invalid" not in (first_kind, other_kind):
        raise GoError(
            f"non-comparable types {sprintf('%s', first)}: {type_name(first)}, "
            f"{type_name(other)}: {sprint(other)}"
        )
    first_nil, other_nil = _is_nil(first), _is_nil(other)
    if first_nil or other_nil:
        return first_nil == other_nil
    if other_kind in ("slice", "map", "func"):
        raise GoError(f"non-comparable type {sprintf('%s', other)}: {go_type_name(other)}")
    if other_kind == "ptr":
        return first is other
    if isinstance(first, Struct) and isinstance(other, Struct):
        return first.type_name == other.type_name and first.fields == other.fields
    return first == other


def _is_nil(value: object) -> bool:
    return value is NO_VALUE or isinstance(value, NilPointer)


def go_type_name(value: object) -> str:
    """values.type_name, and "func" for a function value."""
    return "func" if isinstance(value, Function) else type_name(value)


def ne(first: object, second: object) -> bool:
    return not eq(first, second)


def lt(first: object, second: object) -> bool:
    if first is None:
        first = NO_VALUE
    if second is None:
        second = NO_VALUE
    kind, other_kind = _basic_kind(first), _basic_kind(second)
    if kind is None or other_kind is None:
        raise GoError("invalid type for comparison")
    if kind != other_kind:
        raise GoError(
            f"incompatible types for comparison: {type_name(first)} and {type_name(second)}"
        )
    if kind in (_BOOL, _COMPLEX):
        raise GoError("invalid type for comparison")
    return first < second


def le(first: object, second: object) -> bool:
    return lt(first, second) or eq(first, second)


def gt(first: object, second: object) -> bool:
    return not le(first, second)


def ge(first: object, second: object) -> bool:
    return not lt(first, second)


# Escaping.

_HTML_ESCAPES = str.maketrans(
    {"\0": "\ufffd", '"': "&#34;", "'": "&#39;", "&": "&amp;", "<": "&lt;", ">": "&gt;"}
)
_JS_ESCAPES = {
    "\\": "\\\\",
    "'": "\\'",
    '"': '\\"',
    "<": "\\u003C",
    ">": "\\u003E",
    "&": "\\u0026",
    "=": "\\u003D",
}


def _escaper_text(args: tuple) -> str:
    """Go's evalArgs: one string as it is, anything else printed as a template prints it."""
    if len(args) == 1 and isinstance(args[0], str):
        return args[0]
    return sprint(*(_printable(arg) for arg in args))


def _printable(value: object) -> object:
    if _is_nil_interface(value):
        return "<no value>"
    if isinstance(value, Struct) and value.pointer:
        return replace(value, pointer=False)
    return value


def html(*args: object) -> str:
    return _escaper_text(args).translate(_HTML_ESCAPES)


def js(*args: object) -> str:
    text = _escaper_text(args)
    out = []
    for char in text:
        escaped = _JS_ESCAPES.get(char)
        if escaped is not None:
            out.append(escaped)
        elif char < " ":
            out.append(f"\\u00{ord(char):02X}")
        elif char < "\x80" or _is_go_printable(char):
            out.append(char)
        else:
            out.append(f"\\u{ord(char):04X}")
    return "".join(out)


def _is_go_printable(char: str) -> bool:
    """unicode.IsPrint: letters, marks, numbers, punctuation, symbols; a byte that is not
    UTF-8 decodes to U+FFFD, which is printable, and is written as it is."""
    if "\udc80" <= char <= "\udcff":
        return True
    return unicodedata.category(char)[0] in "LMNPS"


def urlquery(*args: object) -> str:
    return urllib.parse.quote_plus(_utf8(_escaper_text(args)), safe="")


# Calling a function value.


def call(name: str, function: object, *args: object) -> object:
    """Go's call: `name` is the text of the argument that gave the function."""
    if _is_nil_interface(function):
        raise GoError("call of nil")
    if not isinstance(function, Function):
        raise GoError(f"non-function {name} of type {type_name(function)}")
    params = function.params
    if function.variadic:
        if len(args) < len(params) - 1:
            raise GoError(
                f"wrong number of args for {name}: got {len(args)} want at least {len(params) - 1}"
            )
    elif len(args) != len(params):
        raise GoError(f"wrong number of args for {name}: got {len(args)} want {len(params)}")
    argv = []
    for i, arg in enumerate(args):
        param = params[min(i, len(params) - 1)]
        argv.append(_prepare_arg(i, arg, param))
    return function.impl(*argv)


def _prepare_arg(i: int, value: object, param: str) -> object:
    if param in (_ANY, _VALUE):
        return None if value is NO_VALUE else value
    if _is_nil_interface(value):
        raise GoError(f"arg {i}: value is nil; should be of type {param}")
    actual = type_name(value)
    if actual == param:
        return value
    if _is_int(value) and param in ("int", "int64"):
        return int(value) if param == "int" else value
    raise GoError(f"arg {i}: value has type {actual}; should be {param}")


def _builtin(name, params, impl, variadic=False, returns_error=False) -> Function:
    return Function(name, params, impl, variadic=variadic, returns_error=returns_error)


BUILTINS: dict[str, Function] = {
    "and": _builtin("and", (_VALUE, _VALUE), and_, variadic=True),
    "call": _builtin("call", (_VALUE, _VALUE), call, variadic=True, returns_error=True),
    "html": _builtin("html", (_ANY,), html, variadic=True),
    "index": _builtin("index", (_VALUE, _VALUE), index, variadic=True, returns_error=True),
    "slice": _builtin("slice", (_VALUE, _VALUE), slice_, variadic=True, returns_error=True),
    "js": _builtin("js", (_ANY,), js, variadic=True),
    "len": _builtin("len", (_VALUE,), length, returns_error=True),
    "not": _builtin("not", (_VALUE,), not_),
    "or": _builtin("or", (_VALUE, _VALUE), or_, variadic=True),
    "print": _builtin("print", (_ANY,), sprint, variadic=True),
    "printf": _builtin("printf", ("string", _ANY), sprintf, variadic=True),
    "println": _builtin("println", (_ANY,), sprintln, variadic=True),
    "urlquery": _builtin("urlquery", (_ANY,), urlquery, variadic=True),
    "eq": _builtin("eq", (_VALUE, _VALUE), eq, variadic=True, returns_error=True),
    "ge": _builtin("ge", (_VALUE, _VALUE), ge, returns_error=True),
    "gt": _builtin("gt", (_VALUE, _VALUE), gt, returns_error=True),
    "le": _builtin("le", (_VALUE, _VALUE), le, returns_error=True),
    "lt": _builtin("lt", (_VALUE, _VALUE), lt, returns_error=True),
    "ne": _builtin("ne", (_VALUE, _VALUE), ne, returns_error=True),
}
