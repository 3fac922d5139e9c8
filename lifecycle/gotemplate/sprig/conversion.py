"""sprig v2.22.0's type conversions: `toString` and the numbers read by spf13/cast.

Every sprig function that takes `interface{}` numbers (add, max, round, slice indices...) reads
them through the same cast rules, so they live here: strings are parsed as Go literals, bools
count 1 or 0, and anything cast cannot read (nil, lists, maps, bad strings) counts 0.
"""

import math
import re

from lifecycle.gotemplate import gofmt
from lifecycle.gotemplate.callables import Function
from lifecycle.gotemplate.literals import underscores_ok
from lifecycle.gotemplate.values import Int64

_INT64_MIN = -(1 << 63)
_INT64_MAX = (1 << 63) - 1

# strconv.ParseInt(s, 0, 64): a Go integer literal, underscores only between digits.
_GO_INT = re.compile(
    r"[+-]?(?:0[xX](?:_?[0-9a-fA-F])+|0[bB](?:_?[01])+|0[oO](?:_?[0-7])+|0(?:_?[0-7])*"
    r"|[1-9](?:_?[0-9])*)"
)
# strconv.ParseFloat(s, 64): decimal or hexadecimal (with a mandatory p exponent) literals.
_GO_DECIMAL_FLOAT = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_GO_HEX_FLOAT = re.compile(
    r"[+-]?0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?[0-9]+"
)
_GO_FLOAT_SPECIAL = re.compile(r"[+-]?(?:inf|infinity)|nan", re.IGNORECASE)


def string_from_bytes(data: bytes) -> str:
    """Go's string([]byte): bytes that are not UTF-8 survive as surrogate escapes."""
    return data.decode("utf-8", "surrogateescape")


def string_to_bytes(text: str) -> bytes:
    """Go's []byte(string), the inverse of string_from_bytes."""
    return text.encode("utf-8", "surrogateescape")


def strval(value: object) -> str:
    """sprig's strval: bytes as text, an error's message, a Stringer's String(), else %v."""
    if isinstance(value, str):
        return value
    if isinstance(value, bytes):
        return string_from_bytes(value)
    return gofmt.sprint(value)  # gofmt prints errors and Stringers by their methods


def parse_int(text: str) -> int | None:
    """strconv.ParseInt(text, 0, 64), or None where Go reports an error."""
    if not _GO_INT.fullmatch(text):
        return None
    digits = text.replace("_", "")
    sign = -1 if digits[0] == "-" else 1
    digits = digits.lstrip("+-")
    if len(digits) > 1 and digits[0] == "0" and digits[1] not in "xXbBoO":
        value = int(digits, 8)  # a leading zero means octal, so "08" is an error
    else:
        value = int(digits, 0)
    value *= sign
    return value if _INT64_MIN <= value <= _INT64_MAX else None


def parse_float(text: str) -> float | None:
    """strconv.ParseFloat(text, 64), or None where Go reports an error (overflow included)."""
    if _GO_FLOAT_SPECIAL.fullmatch(text):
        return float(text.lower().replace("infinity", "inf"))
    if "_" in text:
        return parse_float(text.replace("_", "")) if underscores_ok(text) else None
    if _GO_DECIMAL_FLOAT.fullmatch(text):
        value = float(text)
    elif _GO_HEX_FLOAT.fullmatch(text):
        sign = -1.0 if text[0] == "-" else 1.0
        try:
            value = sign * float.fromhex(text.lstrip("+-"))
        except OverflowError:
            return None
    else:
        return None
    return None if math.isinf(value) else value


def wrap_int64(value: int) -> int:
    """Go's int64 arithmetic wraps around on overflow."""
    return (value - _INT64_MIN) % (1 << 64) + _INT64_MIN


def float_to_int64(value: float) -> int:
    """Go's int64(f) on amd64: truncation, and the minimum int64 where it cannot fit."""
    if math.isnan(value) or not _INT64_MIN <= value < -_INT64_MIN:
        return _INT64_MIN
    return int(value)


def to_int64(value: object) -> int:
    """cast.ToInt64: what sprig's arithmetic reads from any value."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float_to_int64(value)
    if isinstance(value, str):
        parsed = parse_int(value)
        return 0 if parsed is None else parsed
    return 0  # nil and every type cast cannot read


def to_float64(value: object) -> float:
    """cast.ToFloat64."""
    if isinstance(value, bool | int):
        return float(value)
    if isinstance(value, float):
        return value
    if isinstance(value, str):
        parsed = parse_float(value)
        return 0.0 if parsed is None else parsed
    return 0.0


def atoi(text: str) -> int:
    """strconv.Atoi with its error dropped: 0 for bad syntax, the clamped bound on overflow."""
    if not re.fullmatch(r"[+-]?[0-9]+", text):
        return 0
    return max(_INT64_MIN, min(_INT64_MAX, int(text)))


def to_decimal(value: object) -> Int64:
    """Reads the %v text of a value as octal (a Unix file mode): 0 when it is not."""
    text = gofmt.sprint(value)
    if not re.fullmatch(r"[+-]?[0-7]+", text):
        return Int64(0)
    number = int(text, 8)
    return Int64(number) if _INT64_MIN <= number <= _INT64_MAX else Int64(0)


_ANY = "interface {}"

FUNCTIONS: dict[str, Function] = {
    "toString": Function("toString", (_ANY,), strval),
    "atoi": Function("atoi", ("string",), atoi),
    "int": Function("int", (_ANY,), to_int64),
    "int64": Function("int64", (_ANY,), lambda value: Int64(to_int64(value))),
    "float64": Function("float64", (_ANY,), to_float64),
    "toDecimal": Function("toDecimal", (_ANY,), to_decimal),
}
