"""Go's rules for reading number, string and character literals, and for quoting in messages."""

import math
from typing import NamedTuple

INVALID_SYNTAX = "invalid syntax"
_OUT_OF_RANGE = "value out of range"
_ESCAPES = {"a": 7, "b": 8, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11, "\\": 92}
_QUOTE_ESCAPES = {"\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_QUOTE_ESCAPES |= {"\v": "\\v", '"': '\\"', "\\": "\\\\"}
_HEX = "0123456789abcdefABCDEF"
_MAX_UINT64 = (1 << 64) - 1
_INT64_RANGE = range(-(1 << 63), 1 << 63)


class NumberValue(NamedTuple):
    """Every Go type a number constant fits, as `parse.NumberNode` records them."""

    is_int: bool = False
    is_uint: bool = False
    is_float: bool = False
    is_complex: bool = False
    int64: int = 0
    uint64: int = 0
    float64: float = 0.0
    complex128: complex = 0j


def quote(text: str) -> str:
    """Go's `%q` of a string: printable characters kept, the rest escaped."""
    out = ['"']
    for char in text:
        escaped = _QUOTE_ESCAPES.get(char)
        if escaped is not None:
            out.append(escaped)
        elif char.isprintable():
            out.append(char)
        else:
            code = ord(char)
            if code < 0x20 or code == 0x7F:
                out.append(f"\\x{code:02x}")
            elif code < 0x10000:
                out.append(f"\\u{code:04x}")
            else:
                out.append(f"\\U{code:08x}")
    out.append('"')
    return "".join(out)


def describe_rune(char: str) -> str:
    """Go's `%#U`: `U+0023 '#'`, without the character when it is not printable."""
    code = f"U+{ord(char):04X}"
    return f"{code} '{char}'" if char.isprintable() else code


def unquote(quoted: str) -> str:
    """The value of a Go string literal in double quotes or backquotes (`strconv.Unquote`)."""
    body = quoted[1:-1]
    if quoted[0] == "`":
        return body.replace("\r", "")
    if "\\" not in body:
        return body
    out = bytearray()
    rest = body
    while rest:
        value, multibyte, rest = unquote_char(rest, '"')
        out += chr(value).encode("utf-8", "surrogatepass") if multibyte else bytes((value,))
    # \x and octal escapes are single bytes and may leave invalid UTF-8, as Go allows.
    return out.decode("utf-8", "surrogateescape")


def unquote_char(text: str, quote_char: str) -> tuple[int, bool, str]:
    """Go's `strconv.UnquoteChar`: the first character's value, whether multibyte, the rest."""
    if not text or text[0] == quote_char:
        raise ValueError(INVALID_SYNTAX)
    char = text[0]
    if char != "\\":
        return ord(char), ord(char) >= 0x80, text[1:]
    if len(text) < 2:
        raise ValueError(INVALID_SYNTAX)
    kind, rest = text[1], text[2:]
    if kind in _ESCAPES:
        return _ESCAPES[kind], False, rest
    if kind in "xuU":
        width = {"x": 2, "u": 4, "U": 8}[kind]
        digits = rest[:width]
        if len(digits) < width or any(d not in _HEX for d in digits):
            raise ValueError(INVALID_SYNTAX)
        value = int(digits, 16)
        if kind == "x":
            return value, False, rest[width:]
        if value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
            raise ValueError(INVALID_SYNTAX)
        return value, True, rest[width:]
    if kind in "01234567":
        digits = kind + rest[:2]
        if len(digits) < 3 or any(d not in "01234567" for d in digits) or int(digits, 8) > 255:
            raise ValueError(INVALID_SYNTAX)
        return int(digits, 8), False, rest[2:]
    if kind in "'\"" and kind == quote_char:
        return ord(kind), False, rest
    raise ValueError(INVALID_SYNTAX)


def parse_number(text: str, kind: str) -> NumberValue:
    """What Go's `parse.newNumber` makes of a number token; `kind` is number, complex or char."""
    if kind == "char":
        value, _, tail = unquote_char(text[1:], "'")
        if tail != "'":
            raise ValueError(f"malformed character constant: {text}")
        return NumberValue(True, True, True, False, value, value, float(value))
    if kind == "complex":
        return _simplified(_scan_complex(text))
    if text.endswith("i"):
        try:
            return _simplified(complex(0, parse_float(text[:-1])))
        except ValueError:
            pass
    uint = _parse_uint(text)
    sint = _parse_int(text)
    if sint is not None:
        is_uint = sint == 0 or uint is not None
        return NumberValue(True, is_uint, True, False, sint, uint or 0, float(sint))
    if uint is not None:
        return NumberValue(False, True, True, False, 0, uint, float(uint))
    try:
        value = parse_float(text)
    except ValueError:
        raise ValueError(f"illegal number syntax: {quote(text)}") from None
    if not any(c in text for c in ".eEpP"):
        # Go reads it as a float only to learn that it is an integer too large for 64 bits.
        raise ValueError(f"integer overflow: {quote(text)}")
    as_int, as_uint = _int64_of(value), _uint64_of(value)
    return NumberValue(
        as_int is not None, as_uint is not None, True, False, as_int or 0, as_uint or 0, value
    )


def parse_float(text: str) -> float:
    """Go's `strconv.ParseFloat(text, 64)`; the ValueError says invalid syntax or out of range."""
    if not _is_float_syntax(text):
        raise ValueError(INVALID_SYNTAX)
    digits = text.replace("_", "")
    try:
        value = float.fromhex(digits) if "x" in digits or "X" in digits else float(digits)
    except OverflowError:
        raise ValueError(_OUT_OF_RANGE) from None
    if math.isinf(value):
        raise ValueError(_OUT_OF_RANGE)
    return value


def _simplified(value: complex) -> NumberValue:
    if value.imag != 0:
        return NumberValue(is_complex=True, complex128=value)
    real = value.real
    as_int, as_uint = _int64_of(real), _uint64_of(real)
    return NumberValue(
        as_int is not None, as_uint is not None, True, True, as_int or 0, as_uint or 0, real, value
    )


def _int64_of(value: float) -> int | None:
    if value.is_integer() and int(value) in _INT64_RANGE:
        return int(value)
    return None


def _uint64_of(value: float) -> int | None:
    if value.is_integer() and 0 <= value <= _MAX_UINT64 and float(int(value)) == value:
        return int(value)
    return None


def _parse_uint(text: str) -> int | None:
    """Go's `strconv.ParseUint(text, 0, 64)`, None where Go returns an error."""
    if not text:
        return None
    base, digits = 10, text
    if text[0] == "0":
        prefix = text[1:2].lower()
        if len(text) >= 3 and prefix in ("b", "o", "x"):
            base, digits = {"b": 2, "o": 8, "x": 16}[prefix], text[2:]
        else:
            base, digits = 8, text[1:]
    value = 0
    for char in digits:
        if char == "_":
            continue
        digit = int(char, 36) if char.isascii() and char.isalnum() else 99
        if digit >= base:
            return None
        value = value * base + digit
    if value > _MAX_UINT64 or ("_" in text and not underscores_ok(text)):
        return None
    return value


def _parse_int(text: str) -> int | None:
    """Go's `strconv.ParseInt(text, 0, 64)`, None where Go returns an error."""
    sign, digits = 1, text
    if text[:1] in ("+", "-"):
        sign, digits = (-1 if text[0] == "-" else 1), text[1:]
    magnitude = _parse_uint(digits)
    if magnitude is None:
        return None
    value = sign * magnitude
    return value if value in _INT64_RANGE else None


def underscores_ok(text: str) -> bool:
    """Go's `underscoreOK`: underscores only between digits or after a base prefix."""
    if text[:1] in ("+", "-"):
        text = text[1:]
    saw, start, hex_digits = "^", 0, False
    if len(text) >= 2 and text[0] == "0" and text[1].lower() in "box":
        saw, start, hex_digits = "0", 2, text[1].lower() == "x"
    for char in text[start:]:
        if "0" <= char <= "9" or (hex_digits and "a" <= char.lower() <= "f"):
            saw = "0"
        elif char == "_":
            if saw != "0":
                return False
            saw = "_"
        elif saw == "_":
            return False
        else:
            saw = "!"
    return saw != "_"


def _is_float_syntax(text: str) -> bool:
    """Go's `readFloat` accepting the whole of `text`."""
    i, n = 0, len(text)
    if i < n and text[i] in "+-":
        i += 1
    hex_digits = i + 2 < n and text[i] == "0" and text[i + 1] in "xX"
    if hex_digits:
        i += 2
    seen_dot = seen_digits = False
    while i < n:
        char = text[i]
        if char == "." and not seen_dot:
            seen_dot = True
        elif "0" <= char <= "9" or (hex_digits and char in _HEX):
            seen_digits = True
        elif char != "_":
            break
        i += 1
    if not seen_digits:
        return False
    if i < n and text[i].lower() == ("p" if hex_digits else "e"):
        i += 1
        if i < n and text[i] in "+-":
            i += 1
        if i >= n or not "0" <= text[i] <= "9":
            return False
        while i < n and ("0" <= text[i] <= "9" or text[i] == "_"):
            i += 1
    elif hex_digits:
        return False
    return i == n and ("_" not in text or underscores_ok(text))


def _scan_complex(text: str) -> complex:
    """What Go's `fmt.Sscan` reads from a complex constant such as `1+2i`."""
    real_end = _float_token_end(text, 0)
    if real_end >= len(text) or text[real_end] not in "+-":
        raise ValueError("syntax error scanning complex number")
    imag_end = _float_token_end(text, real_end + 1)
    if text[imag_end : imag_end + 1] != "i":
        raise ValueError("syntax error scanning complex number")
    parts = []
    for part in (text[:real_end], text[real_end:imag_end]):
        try:
            parts.append(parse_float(part))
        except ValueError as error:
            raise ValueError(f"strconv.ParseFloat: parsing {quote(part)}: {error}") from None
    return complex(parts[0], parts[1])


def _float_token_end(text: str, i: int) -> int:
    """Where `fmt`'s floatToken stops reading a number that starts at `i`."""
    n = len(text)
    if i < n and text[i] in "+-":
        i += 1
    # fmt looks for "inf" here and keeps whatever prefix of it matched.
    for letters in ("iI", "nN", "fF"):
        if i >= n or text[i] not in letters:
            break
        i += 1
    else:
        return i
    digits, exponent = "0123456789_", "eEpP"
    if text.startswith(("0x", "0X"), i):
        i += 2
        digits, exponent = _HEX + "_", "pP"
    while i < n and text[i] in digits:
        i += 1
    if i < n and text[i] == ".":
        i += 1
        while i < n and text[i] in digits:
            i += 1
    if i < n and text[i] in exponent:
        i += 1
        if i < n and text[i] in "+-":
            i += 1
        while i < n and text[i] in "0123456789_":
            i += 1
    return i
