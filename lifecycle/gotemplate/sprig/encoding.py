"""sprig v2.22.0's encoders: Go's encoding/json (`toJson`, `toPrettyJson`), base64 and base32.

encoding/json writes maps with sorted keys, structs in field order under their JSON names,
[]byte as base64 and escapes `<`, `>` and `&`; sprig drops its errors (NaN, infinities, values
JSON cannot hold), so a failed encoding is the empty string.
"""

import base64
import math
import re
from decimal import Decimal

from lifecycle.gotemplate import gotime
from lifecycle.gotemplate.callables import Function
from lifecycle.gotemplate.sprig.conversion import string_from_bytes, string_to_bytes
from lifecycle.gotemplate.values import NilPointer, Struct

# Go fields whose declaration carries a `json:"..."` tag, by struct type.
JSON_FIELD_NAMES = {
    "v1alpha1.Location": {
        "Type": "type",
        "Bucket": "bucket",
        "Endpoint": "endpoint",
        "Prefix": "prefix",
        "Region": "region",
    },
}

_RFC3339_NANO = "2006-01-02T15:04:05.999999999Z07:00"

_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}
_NEEDS_ESCAPE = re.compile('[\x00-\x1f"\\\\<>&\u2028\u2029\udc80-\udcff]')


class _Unsupported(Exception):
    """encoding/json refuses the value (json.UnsupportedValueError and friends)."""


def _escape(match: re.Match) -> str:
    char = match.group()
    if char in _ESCAPES:
        return _ESCAPES[char]
    if "\udc80" <= char <= "\udcff":
        return "\ufffd"  # a byte that is not UTF-8 becomes the replacement character itself
    return f"\\u{ord(char):04x}"


def _string(text: str) -> str:
    return '"' + _NEEDS_ESCAPE.sub(_escape, text) + '"'


def _float(value: float) -> str:
    """encoding/json's float64: shortest digits, exponent form outside [1e-6, 1e21)."""
    if math.isnan(value) or math.isinf(value):
        raise _Unsupported
    magnitude = abs(value)
    if magnitude != 0 and (magnitude < 1e-6 or magnitude >= 1e21):
        return re.sub(r"e-0(\d)$", r"e-\1", repr(value))
    return format(Decimal(repr(value)), "f").removesuffix(".0")


def _fields(value: Struct) -> list[tuple[str, object]]:
    names = JSON_FIELD_NAMES.get(value.type_name, {})
    return [
        (names.get(name, name), field)
        for name, field in value.fields.items()
        if name[:1].isupper()  # encoding/json skips unexported fields
    ]


def _encode(value: object, indent: str | None, depth: int) -> str:
    if value is None or isinstance(value, NilPointer):
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, bytes):
        return '"' + base64.b64encode(value).decode() + '"'
    if isinstance(value, list):
        return _collection(
            "[", "]", [_encode(item, indent, depth + 1) for item in value], indent, depth
        )
    if isinstance(value, dict):
        items = sorted(value.items())
        return _members(items, indent, depth)
    if isinstance(value, Struct):
        return _members(_fields(value), indent, depth)
    if getattr(value, "go_type_name", None) == "time.Time":
        return _time(value)
    raise _Unsupported


def _members(items: list[tuple[str, object]], indent: str | None, depth: int) -> str:
    separator = ": " if indent is not None else ":"
    members = [_string(key) + separator + _encode(item, indent, depth + 1) for key, item in items]
    return _collection("{", "}", members, indent, depth)


def _collection(open_: str, close: str, members: list[str], indent: str | None, depth: int) -> str:
    if not members:
        return open_ + close
    if indent is None:
        return open_ + ",".join(members) + close
    inner = "\n" + indent * (depth + 1)
    return open_ + inner + ("," + inner).join(members) + "\n" + indent * depth + close


def _time(value: object) -> str:
    """time.Time's MarshalJSON: RFC 3339 with nanoseconds, for years 0 to 9999 only."""
    text = gotime.format(value, _RFC3339_NANO)
    if not re.match(r"\d{4}-", text):
        raise _Unsupported
    return '"' + text + '"'


def to_json(value: object) -> str:
    try:
        return _encode(value, None, 0)
    except _Unsupported:
        return ""


def to_pretty_json(value: object) -> str:
    try:
        return _encode(value, "  ", 0)
    except _Unsupported:
        return ""


def b64enc(text: str) -> str:
    return base64.b64encode(string_to_bytes(text)).decode()


def b64dec(text: str) -> str:
    """base64.StdEncoding.DecodeString; on failure sprig returns Go's error message instead."""
    try:
        return string_from_bytes(decode_base64(string_to_bytes(text)))
    except CorruptInput as error:
        return f"illegal base64 data at input byte {error.offset}"


def b32enc(text: str) -> str:
    return base64.b32encode(string_to_bytes(text)).decode()


def b32dec(text: str) -> str:
    data = string_to_bytes(text).replace(b"\r", b"").replace(b"\n", b"")
    try:
        return string_from_bytes(_decode_base32(data))
    except CorruptInput as error:
        return f"illegal base32 data at input byte {error.offset}"


class CorruptInput(Exception):
    """Go's base64.CorruptInputError / base32.CorruptInputError: where decoding stopped."""

    def __init__(self, offset: int):
        super().__init__(offset)
        self.offset = offset


_BASE64 = {
    byte: value
    for value, byte in enumerate(
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    )
}
_BASE32 = {byte: value for value, byte in enumerate(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")}
_NEWLINES = b"\r\n"


def decode_base64(src: bytes) -> bytes:
    """Go's base64 decodeQuantum loop: newlines are skipped anywhere, padding ends the input,
    and the reported offset is the byte where Go gave up."""
    out = bytearray()
    si = 0
    while si < len(src):
        digits: list[int] = []
        trailing = None
        while len(digits) < 4:
            if si == len(src):
                if not digits:
                    return bytes(out)
                raise CorruptInput(si - len(digits))
            byte = src[si]
            si += 1
            if byte in _BASE64:
                digits.append(_BASE64[byte])
                continue
            if byte in _NEWLINES:
                continue
            if byte != ord("=") or len(digits) < 2:
                raise CorruptInput(si - 1)
            if len(digits) == 2:  # "==" expected: the second "=" must follow
                while si < len(src) and src[si] in _NEWLINES:
                    si += 1
                if si == len(src):
                    raise CorruptInput(len(src))
                if src[si] != ord("="):
                    raise CorruptInput(si - 1)
                si += 1
            while si < len(src) and src[si] in _NEWLINES:
                si += 1
            if si < len(src):
                trailing = si
            break
        out += _pack(digits, 6, 4)
        if trailing is not None:
            raise CorruptInput(trailing)
    return bytes(out)


def _decode_base32(src: bytes) -> bytes:
    """Go's base32 decode (newlines already stripped): padding may only close the last block."""
    out = bytearray()
    length = len(src)
    rest = src
    end = False
    while rest and not end:
        digits: list[int] = []
        while len(digits) < 8:
            if not rest:
                raise CorruptInput(length - len(rest) - len(digits))
            byte, rest = rest[0], rest[1:]
            if byte == ord("=") and len(digits) >= 2 and len(rest) < 8:
                if len(rest) + len(digits) < 7:
                    raise CorruptInput(length)
                for k in range(7 - len(digits)):
                    if len(rest) > k and rest[k] != ord("="):
                        raise CorruptInput(length - len(rest) + k - 1)
                end = True
                if len(digits) in (1, 3, 6):
                    raise CorruptInput(length - len(rest) - 1)
                break
            if byte not in _BASE32:
                raise CorruptInput(length - len(rest) - 1)
            digits.append(_BASE32[byte])
        out += _pack(digits, 5, 8)
    return bytes(out)


def _pack(digits: list[int], bits: int, quantum: int) -> bytes:
    """The whole bytes that `digits` (a possibly short quantum) spell."""
    value = 0
    for digit in digits + [0] * (quantum - len(digits)):
        value = value << bits | digit
    whole = len(digits) * bits // 8
    return value.to_bytes(quantum * bits // 8, "big")[:whole]


_S = "string"

FUNCTIONS: dict[str, Function] = {
    "toJson": Function("toJson", ("interface {}",), to_json),
    "toPrettyJson": Function("toPrettyJson", ("interface {}",), to_pretty_json),
    "b64enc": Function("b64enc", (_S,), b64enc),
    "b64dec": Function("b64dec", (_S,), b64dec),
    "b32enc": Function("b32enc", (_S,), b32enc),
    "b32dec": Function("b32dec", (_S,), b32dec),
}
