"""Go's fmt.Sprint, Sprintln and Sprintf for the Go values of values.py, to the byte.

A port of Go's fmt/print.go and fmt/format.go, with strconv's float formatting and quoting.
Where Go's output cannot be reproduced, this module prints something recognisable instead:

- A pointer below the top level (a pointer struct inside a map, list or struct, or `%p`) is a
  machine address in Go; it prints here as `<address of *T>` wherever Go prints the hex number.
- NO_VALUE (Go's invalid reflect.Value) prints `<no value>` with `%v`, as text/template prints
  it, and like nil with any other verb. text/template itself hands nil, never an invalid value,
  to fmt when one is an argument of print, printf or println.
- A Stringer (`go_string()`) or error (`go_error()`) prints its text with `%v %s %x %X %q` as in
  Go, and with `%#v` too (Go would call its GoString or show its fields); any other verb is a
  bad verb, `%!d(time.Time=2009-11-10 23:00:00 +0000 UTC)`, where Go would show its fields.
- A Python int beyond 64 bits is taken modulo 2**64, as a Go conversion to int64 would.
- Invalid UTF-8 of a []byte printed with `%s` comes out as one U+FFFD per bad byte, as Go's
  encoding/json (and so the oracle) shows it.
"""

import re
import struct
from bisect import bisect_right
from math import copysign, inf

from lifecycle.gotemplate.values import NO_VALUE, NilPointer, Struct, type_name

_LOWER = "0123456789abcdefx"
_UPPER = "0123456789ABCDEFX"
_MASK64 = (1 << 64) - 1
_MAX_RUNE = 0x10FFFF
_RUNE_ERROR = 0xFFFD
_TOO_LARGE = 1_000_000  # fmt refuses widths, precisions and argument numbers beyond this
_MIN_INT64 = -(1 << 63)
_MAX_INT64 = (1 << 63) - 1
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")  # bytes that were not UTF-8 (surrogateescape)
_SIMPLE_ESCAPES = {7: "\\a", 8: "\\b", 12: "\\f", 10: "\\n", 13: "\\r", 9: "\\t", 11: "\\v"}


# Characters (hexadecimal, and ranges) strconv.IsPrint takes as printable in Go 1.27 (Unicode
# 17.0) that Python 3.12's Unicode 15.0 does not know yet; otherwise the two agree.
_UNICODE_17_PRINTABLE = """
    88F 897 C5C CDC 1ACF-1ADD 1AE0-1AEB 1B4E-1B4F 1B7F 1C89-1C8A 20C1 2427-2429 2B96 2FFC-2FFF
    31E4-31E5 31EF A7CB-A7CF A7D2 A7D4 A7DA-A7DC A7F1 FBC3-FBD2 FD90-FD91 FDC8-FDCE 105C0-105F3
    10940-10959 10D40-10D65 10D69-10D85 10D8E-10D8F 10EC2-10EC7 10ED0-10ED8 10EFA-10EFC
    11380-11389 1138B 1138E 11390-113B5 113B7-113C0 113C2 113C5 113C7-113CA 113CC-113D5
    113D7-113D8 113E1-113E2 116D0-116E3 11B60-11B67 11BC0-11BE1 11BF0-11BF9 11DB0-11DDB
    11DE0-11DE9 11F5A 13460-143FA 16100-16139 16D40-16D79 16EA0-16EB8 16EBB-16ED3 16FF2-16FF6
    187F8-187FF 18CFF 18D09-18D1E 18D80-18DF2 1CC00-1CCFC 1CD00-1CEB3 1CEBA-1CED0 1CEE0-1CEF0
    1E5D0-1E5FA 1E5FF 1E6C0-1E6DE 1E6E0-1E6F5 1E6FE-1E6FF 1F6D8 1F777-1F77A 1F8B2-1F8BB
    1F8C0-1F8C1 1F8D0-1F8D8 1FA54-1FA57 1FA89-1FA8A 1FA8E-1FA8F 1FABE 1FAC6 1FAC8 1FACD 1FADC
    1FADF 1FAE9-1FAEA 1FAEF 1FBCB-1FBEF 1FBFA 2B73A-2B73F 2CEA2-2CEAD 2EBF0-2EE5D 323B0-33479
"""
_UNICODE_17_RANGES = [
    (int(first, 16), int(last or first, 16))
    for first, _, last in (item.partition("-") for item in _UNICODE_17_PRINTABLE.split())
]
_UNICODE_17_STARTS = [first for first, _ in _UNICODE_17_RANGES]


def sprint(*args: object) -> str:
    """fmt.Sprint: operands in their %v form, a space between two that are not strings."""
    if len(args) == 1:
        text = _plain_text(args[0])
        if text is not None:
            return text
    printer = _Printer()
    previous_is_string = False
    for number, arg in enumerate(args):
        is_string = isinstance(arg, str)
        if number > 0 and not is_string and not previous_is_string:
            printer.buf.append(" ")
        printer.print_arg(arg, "v")
        previous_is_string = is_string
    return "".join(printer.buf)


def sprintln(*args: object) -> str:
    """fmt.Sprintln: operands in their %v form, always space-separated, and a newline."""
    printer = _Printer()
    for number, arg in enumerate(args):
        if number > 0:
            printer.buf.append(" ")
        printer.print_arg(arg, "v")
    printer.buf.append("\n")
    return "".join(printer.buf)


def sprintf(format: str, *args: object) -> str:
    """fmt.Sprintf, with Go's in-band errors (`%!d(string=hi)`, `%!(EXTRA int=1)`...)."""
    printer = _Printer()
    printer.do_printf(format, args)
    return "".join(printer.buf)


def _plain_text(value: object) -> str | None:
    """The %v text of a string, number, []byte or flat list of strings and ints, without a
    printer: the values every template action prints."""
    kind = type(value)
    if kind is str:
        return value
    if kind is int and _MIN_INT64 <= value <= _MAX_INT64:
        return str(value)
    if kind is float:
        return format_float(value, "g", -1)
    if kind is bytes:
        return "[" + " ".join(map(str, value)) + "]"
    if kind is list:
        parts = []
        for item in value:
            if type(item) is str:
                parts.append(item)
            elif type(item) is int and _MIN_INT64 <= item <= _MAX_INT64:
                parts.append(str(item))
            else:
                return None
        return "[" + " ".join(parts) + "]"
    return None


def _address(type_text: str) -> str:
    return f"<address of {type_text}>"


class _Printer:
    """Go's pp and fmt together: the output so far and the flags of the verb being printed."""

    __slots__ = (
        "buf",
        "erroring",
        "good_arg_num",
        "minus",
        "plus",
        "plus_v",
        "prec",
        "prec_present",
        "reordered",
        "sharp",
        "sharp_v",
        "space",
        "wid",
        "wid_present",
        "zero",
    )

    def __init__(self) -> None:
        self.buf: list[str] = []
        self.erroring = False
        self.clear_flags()

    def clear_flags(self) -> None:
        self.wid = self.prec = 0
        self.wid_present = self.prec_present = False
        self.minus = self.plus = self.sharp = self.space = self.zero = False
        self.plus_v = self.sharp_v = False

    # --- format.go: padding and the formatting of one basic value ---

    def write_padding(self, count: int) -> None:
        if count > 0:
            self.buf.append(("0" if self.zero and not self.minus else " ") * count)

    def pad(self, text: str) -> None:
        """Pad to the width in runes, which are Python characters."""
        if not self.wid_present or self.wid == 0:
            self.buf.append(text)
        elif self.minus:
            self.buf.append(text)
            self.write_padding(self.wid - len(text))
        else:
            self.write_padding(self.wid - len(text))
            self.buf.append(text)

    def pad_without_zeros(self, text: str) -> None:
        zero = self.zero
        self.zero = False
        self.pad(text)
        self.zero = zero

    def fmt_unicode(self, u: int) -> None:
        """%U: U+0078, or U+0078 'x' with #."""
        precision = self.prec if self.prec_present and self.prec > 4 else 4
        text = "U+" + format(u, "X").rjust(precision, "0")
        if self.sharp and u <= _MAX_RUNE and _is_print(chr(u)):
            text += " '" + chr(u) + "'"
        self.pad_without_zeros(text)

    def fmt_integer(self, u: int, base: int, is_signed: bool, verb: str, digits: str) -> None:
        """u holds the 64 bits of the integer, as Go's uint64 conversion gives them."""
        negative = is_signed and u > _MAX_INT64
        if negative:
            u = (1 << 64) - u
        precision = 0
        if self.prec_present:
            precision = self.prec
            if precision == 0 and u == 0:  # %.0d of 0 prints nothing but the padding
                zero = self.zero
                self.zero = False
                self.write_padding(self.wid)
                self.zero = zero
                return
        elif self.zero and not self.minus and self.wid_present:
            precision = self.wid
            if negative or self.plus or self.space:
                precision -= 1  # leave room for the sign
        if base == 10:
            text = str(u)
        elif base == 16:
            text = format(u, "x" if digits is _LOWER else "X")
        elif base == 8:
            text = format(u, "o")
        else:
            text = format(u, "b")
        if len(text) < precision:
            text = "0" * (precision - len(text)) + text
        if self.sharp:
            if base == 2:
                text = "0b" + text
            elif base == 8 and text[0] != "0":
                text = "0" + text
            elif base == 16:
                text = "0" + digits[16] + text
        if verb == "O":
            text = "0o" + text
        if negative:
            text = "-" + text
        elif self.plus:
            text = "+" + text
        elif self.space:
            text = " " + text
        self.pad_without_zeros(text)

    def truncate(self, text: str) -> str:
        return text[: self.prec] if self.prec_present else text

    def fmt_s(self, text: str) -> None:
        self.pad(self.truncate(text))

    def fmt_bs(self, data: bytes) -> None:
        text = self.truncate(_bytes_text(data))
        if text.isascii() or not _ESCAPED_BYTE.search(text):
            self.pad(text)
            return
        # Pad while each bad byte still counts as one rune, as Go counts it.
        start = len(self.buf)
        self.pad(text)
        self.buf[start:] = [_ESCAPED_BYTE.sub("\ufffd", part) for part in self.buf[start:]]

    def fmt_sbx(self, data: bytes, digits: str) -> None:
        """%x and %X of a string or byte slice: hex pairs, `0x` with #, spaced with ' '."""
        length = len(data)
        if self.prec_present and self.prec < length:
            length = self.prec
        width = 2 * length
        if width == 0:
            if self.wid_present:
                self.write_padding(self.wid)
            return
        if self.space:
            if self.sharp:
                width *= 2
            width += length - 1
        elif self.sharp:
            width += 2
        if self.wid_present and self.wid > width and not self.minus:
            self.write_padding(self.wid - width)
        prefix = "0" + digits[16] if self.sharp else ""
        pairs = [digits[c >> 4] + digits[c & 0xF] for c in data[:length]]
        if self.space:
            self.buf.append(prefix + (" " + prefix).join(pairs))
        else:
            self.buf.append(prefix + "".join(pairs))
        if self.wid_present and self.wid > width and self.minus:
            self.write_padding(self.wid - width)

    def fmt_q(self, text: str) -> None:
        text = self.truncate(text)
        if self.sharp and _can_backquote(text):
            self.pad("`" + text + "`")
        else:
            self.pad(_quote(text, '"', self.plus))

    def fmt_c(self, c: int) -> None:
        self.pad(chr(_valid_rune(c)))

    def fmt_qc(self, c: int) -> None:
        self.pad(_quote(chr(_valid_rune(c)), "'", self.plus))

    def fmt_float(self, value: float, verb: str, precision: int) -> None:
        if self.prec_present:
            precision = self.prec
        num = format_float(value, verb, precision)
        if num[0] not in "+-":
            num = "+" + num
        if self.space and num[0] == "+" and not self.plus:
            num = " " + num[1:]
        if num[1] in "IN":  # Inf and NaN never pad with zeros
            if num[1] == "N" and not self.space and not self.plus:
                num = num[1:]
            self.pad_without_zeros(num)
            return
        if self.sharp and verb != "b":
            num = _keep_point_and_zeros(num, verb, precision)
        if self.plus or num[0] != "+":
            if self.zero and not self.minus and self.wid_present and self.wid > len(num):
                self.buf.append(num[0])  # the sign goes before the zeros
                self.write_padding(self.wid - len(num))
                self.buf.append(num[1:])
                return
            self.pad(num)
            return
        self.pad(num[1:])

    # --- print.go: choosing how to print a value for a verb ---

    def bad_verb(self, verb: str, value: object, type_text: str | None = None) -> None:
        """`%!verb(type=value)`; flags stay as they were, as in Go."""
        self.erroring = True
        self.buf.append("%!" + verb + "(")
        if value is None or value is NO_VALUE:
            self.buf.append("<nil>")
        else:
            self.buf.append((type_text or type_name(value)) + "=")
            if type_text == "uint8":  # a byte of a []byte prints as unsigned
                self.fmt_int(value, False, "v")
            else:
                self.print_arg(value, "v")
        self.buf.append(")")
        self.erroring = False

    def fmt_bool(self, value: bool, verb: str) -> None:
        if verb == "t" or verb == "v":
            self.pad("true" if value else "false")
        else:
            self.bad_verb(verb, value)

    def fmt_0x64(self, u: int, leading_0x: bool) -> None:
        sharp = self.sharp
        self.sharp = leading_0x
        self.fmt_integer(u, 16, False, "v", _LOWER)
        self.sharp = sharp

    def fmt_int(self, value: int, is_signed: bool, verb: str, type_text: str | None = None) -> None:
        u = value & _MASK64
        if verb == "v":
            if self.sharp_v and not is_signed:
                self.fmt_0x64(u, True)
            else:
                self.fmt_integer(u, 10, is_signed, verb, _LOWER)
        elif verb == "d":
            self.fmt_integer(u, 10, is_signed, verb, _LOWER)
        elif verb == "b":
            self.fmt_integer(u, 2, is_signed, verb, _LOWER)
        elif verb == "o" or verb == "O":
            self.fmt_integer(u, 8, is_signed, verb, _LOWER)
        elif verb == "x":
            self.fmt_integer(u, 16, is_signed, verb, _LOWER)
        elif verb == "X":
            self.fmt_integer(u, 16, is_signed, verb, _UPPER)
        elif verb == "c":
            self.fmt_c(u)
        elif verb == "q":
            self.fmt_qc(u)
        elif verb == "U":
            self.fmt_unicode(u)
        else:
            self.bad_verb(verb, value, type_text)

    def fmt_float_verb(self, value: float, verb: str) -> None:
        if verb == "v":
            self.fmt_float(value, "g", -1)
        elif verb in "bgGxX":
            self.fmt_float(value, verb, -1)
        elif verb in "feE":
            self.fmt_float(value, verb, 6)
        elif verb == "F":
            self.fmt_float(value, "f", 6)
        else:
            self.bad_verb(verb, value)

    def fmt_string(self, text: str, verb: str, value: object) -> None:
        if verb == "v":
            if self.sharp_v:
                self.fmt_q(text)
            else:
                self.fmt_s(text)
        elif verb == "s":
            self.fmt_s(text)
        elif verb == "x":
            self.fmt_sbx(text.encode(), _LOWER)
        elif verb == "X":
            self.fmt_sbx(text.encode(), _UPPER)
        elif verb == "q":
            self.fmt_q(text)
        else:
            self.bad_verb(verb, value)

    def fmt_bytes(self, data: bytes, verb: str, type_text: str) -> None:
        """A []byte: type_text is `[]byte` at the top level, `[]uint8` inside another value."""
        if verb == "v" or verb == "d":
            if self.sharp_v:
                self.buf.append(type_text + "{")
                for index, c in enumerate(data):
                    if index > 0:
                        self.buf.append(", ")
                    self.fmt_0x64(c, True)
                self.buf.append("}")
            elif not (self.wid_present or self.prec_present or self.plus or self.space):
                self.buf.append("[" + " ".join(map(str, data)) + "]")
            else:
                self.buf.append("[")
                for index, c in enumerate(data):
                    if index > 0:
                        self.buf.append(" ")
                    self.fmt_integer(c, 10, False, verb, _LOWER)
                self.buf.append("]")
        elif verb == "s":
            self.fmt_bs(data)
        elif verb == "x":
            self.fmt_sbx(data, _LOWER)
        elif verb == "X":
            self.fmt_sbx(data, _UPPER)
        elif verb == "q":
            self.fmt_q(_bytes_text(data))
        else:
            self.print_byte_slice(data, verb)

    def print_byte_slice(self, data: bytes, verb: str) -> None:
        """A []uint8 reached through reflection: each byte is a uint8 of its own."""
        if verb in "sqxX":
            self.fmt_bytes(data, verb, "[]uint8")
            return
        self.buf.append("[]uint8{" if self.sharp_v else "[")
        for index, c in enumerate(data):
            if index > 0:
                self.buf.append(", " if self.sharp_v else " ")
            self.fmt_int(c, False, verb, "uint8")
        self.buf.append("}" if self.sharp_v else "]")

    def fmt_pointer(self, value: object, verb: str) -> None:
        """A pointer, or a map or slice under %p: Go prints its address, here a stand-in."""
        if isinstance(value, NilPointer):
            address = None
        elif isinstance(value, dict | list | bytes) or (
            isinstance(value, Struct) and value.pointer
        ):
            address = _address(type_name(value))
        else:
            self.bad_verb(verb, value)
            return
        if verb == "v":
            if self.sharp_v:
                self.buf.append(f"({type_name(value)})({address or 'nil'})")
            elif address is None:
                self.pad("<nil>")
            else:
                self.pad(address)
        elif verb in "pbodxX":
            if address is not None:
                self.pad(address)
            elif verb == "p":
                self.fmt_0x64(0, not self.sharp)
            else:
                self.fmt_int(0, False, verb)
        else:
            self.bad_verb(verb, value)

    def handle_methods(self, value: object, verb: str) -> bool:
        """Print an error or Stringer by its text; %w always fails, as Sprintf wraps nothing."""
        if self.erroring:
            return False
        if verb == "w":
            self.bad_verb(verb, value)
            return True
        method = getattr(value, "go_error", None) or getattr(value, "go_string", None)
        if method is None:
            return False
        if self.sharp_v:
            self.fmt_s(method())
            return True
        if verb in "vsxXq":
            self.fmt_string(method(), verb, value)
            return True
        return False

    def print_arg(self, arg: object, verb: str) -> None:
        if arg is None or arg is NO_VALUE:
            if verb == "v" and arg is NO_VALUE:
                self.pad("<no value>")
            elif verb == "T" or verb == "v":
                self.pad("<nil>")
            else:
                self.bad_verb(verb, None)
            return
        if verb == "T":
            self.fmt_s(type_name(arg))
        elif verb == "p":
            self.fmt_pointer(arg, "p")
        elif isinstance(arg, bool):
            self.fmt_bool(arg, verb)
        elif isinstance(arg, int):
            self.fmt_int(arg, True, verb)
        elif isinstance(arg, float):
            self.fmt_float_verb(arg, verb)
        elif isinstance(arg, str):
            self.fmt_string(arg, verb, arg)
        elif isinstance(arg, bytes):
            self.fmt_bytes(arg, verb, "[]byte")
        elif not self.handle_methods(arg, verb):
            self.print_value(arg, verb, 0)

    def print_value(self, value: object, verb: str, depth: int) -> None:
        """Go's printValue: a value inside another (depth > 0) or a composite at the top."""
        if value is None or value is NO_VALUE:  # a nil interface{} element or field
            self.buf.append("interface {}(nil)" if self.sharp_v else "<nil>")
        elif isinstance(value, bool):
            self.fmt_bool(value, verb)
        elif isinstance(value, int):
            self.fmt_int(value, True, verb)
        elif isinstance(value, float):
            self.fmt_float_verb(value, verb)
        elif isinstance(value, str):
            self.fmt_string(value, verb, value)
        elif isinstance(value, bytes):
            self.print_byte_slice(value, verb)
        elif depth > 0 and self.handle_methods(value, verb):
            return
        elif isinstance(value, dict):
            self.print_map(value, verb, depth)
        elif isinstance(value, list):
            self.print_list(value, verb, depth)
        elif isinstance(value, Struct):
            if not value.pointer:
                self.print_struct(value, verb, depth)
            elif depth == 0:
                self.buf.append("&")
                self.print_struct(value, verb, depth + 1)
            else:
                self.fmt_pointer(value, verb)
        elif isinstance(value, NilPointer):
            self.fmt_pointer(value, verb)
        else:  # a Stringer or error when its method may not be used
            method = getattr(value, "go_error", None) or getattr(value, "go_string", None)
            if method is None:
                raise TypeError(f"not a Go value: {value!r}")
            if verb in "vsxXq":
                self.fmt_string(method(), verb, value)
            else:
                self.bad_verb(verb, value)

    def print_map(self, value: dict, verb: str, depth: int) -> None:
        """Keys in Go's internal/fmtsort order, which for strings is Python's."""
        self.buf.append(type_name(value) + "{" if self.sharp_v else "map[")
        for index, key in enumerate(sorted(value)):
            if index > 0:
                self.buf.append(", " if self.sharp_v else " ")
            self.print_value(key, verb, depth + 1)
            self.buf.append(":")
            self.print_value(value[key], verb, depth + 1)
        self.buf.append("}" if self.sharp_v else "]")

    def print_list(self, value: list, verb: str, depth: int) -> None:
        self.buf.append(type_name(value) + "{" if self.sharp_v else "[")
        for index, item in enumerate(value):
            if index > 0:
                self.buf.append(", " if self.sharp_v else " ")
            self.print_value(item, verb, depth + 1)
        self.buf.append("}" if self.sharp_v else "]")

    def print_struct(self, value: Struct, verb: str, depth: int) -> None:
        if self.sharp_v:
            self.buf.append(value.type_name)
        self.buf.append("{")
        for index, (name, field) in enumerate(value.fields.items()):
            if index > 0:
                self.buf.append(", " if self.sharp_v else " ")
            if self.plus_v or self.sharp_v:
                self.buf.append(name + ":")
            self.print_value(field, verb, depth + 1)
        self.buf.append("}")

    # --- print.go: Sprintf's format string ---

    def arg_number(self, arg_num: int, format: str, i: int, num_args: int) -> tuple[int, int, bool]:
        """An explicit argument index `[n]` at format[i], if there is one."""
        if i >= len(format) or format[i] != "[":
            return arg_num, i, False
        self.reordered = True
        index, width, ok = _parse_arg_number(format[i:])
        if ok and 0 <= index < num_args:
            return index, i + width, True
        self.good_arg_num = False
        return arg_num, i + width, ok

    def do_printf(self, format: str, args: tuple) -> None:
        end = len(format)
        arg_num = 0
        after_index = False  # the previous item in the format was an index like [3]
        self.reordered = False
        i = 0
        while i < end:
            self.good_arg_num = True
            last = i
            i = format.find("%", i)
            if i < 0:
                i = end
            if i > last:
                self.buf.append(format[last:i])
            if i >= end:
                break
            i += 1
            self.clear_flags()
            simple = False
            while i < end:
                c = format[i]
                if c == "#":
                    self.sharp = True
                elif c == "0":
                    self.zero = True
                elif c == "+":
                    self.plus = True
                elif c == "-":
                    self.minus = True
                elif c == " ":
                    self.space = True
                else:
                    if "a" <= c <= "z" and arg_num < len(args):  # the common case: %d, %s...
                        if c == "v" or c == "w":
                            self.sharp_v, self.sharp = self.sharp, False
                            self.plus_v, self.plus = self.plus, False
                        self.print_arg(args[arg_num], c)
                        arg_num += 1
                        i += 1
                        simple = True
                    break
                i += 1
            if simple:
                continue

            arg_num, i, after_index = self.arg_number(arg_num, format, i, len(args))

            if i < end and format[i] == "*":
                i += 1
                self.wid, self.wid_present, arg_num = _int_from_arg(args, arg_num)
                if not self.wid_present:
                    self.buf.append("%!(BADWIDTH)")
                if self.wid < 0:  # a negative width from * means pad on the right
                    self.wid = -self.wid
                    self.minus = True
                    self.zero = False
                after_index = False
            else:
                self.wid, self.wid_present, i = _parse_num(format, i, end)
                if after_index and self.wid_present:  # "%[3]2d"
                    self.good_arg_num = False

            if i + 1 < end and format[i] == ".":
                i += 1
                if after_index:  # "%[3].2d"
                    self.good_arg_num = False
                arg_num, i, after_index = self.arg_number(arg_num, format, i, len(args))
                if i < end and format[i] == "*":
                    i += 1
                    self.prec, self.prec_present, arg_num = _int_from_arg(args, arg_num)
                    if self.prec < 0:
                        self.prec = 0
                        self.prec_present = False
                    if not self.prec_present:
                        self.buf.append("%!(BADPREC)")
                    after_index = False
                else:
                    self.prec, self.prec_present, i = _parse_num(format, i, end)
                    if not self.prec_present:
                        self.prec = 0
                        self.prec_present = True

            if not after_index:
                arg_num, i, after_index = self.arg_number(arg_num, format, i, len(args))

            if i >= end:
                self.buf.append("%!(NOVERB)")
                break

            verb = format[i]
            i += 1
            if verb == "%":  # takes no operand and ignores width and precision
                self.buf.append("%")
            elif not self.good_arg_num:
                self.buf.append("%!" + verb + "(BADINDEX)")
            elif arg_num >= len(args):
                self.buf.append("%!" + verb + "(MISSING)")
            else:
                if verb == "v" or verb == "w":
                    self.sharp_v, self.sharp = self.sharp, False
                    self.plus_v, self.plus = self.plus, False
                self.print_arg(args[arg_num], verb)
                arg_num += 1

        if not self.reordered and arg_num < len(args):
            self.clear_flags()
            self.buf.append("%!(EXTRA ")
            for index, arg in enumerate(args[arg_num:]):
                if index > 0:
                    self.buf.append(", ")
                if arg is None or arg is NO_VALUE:
                    self.buf.append("<nil>")
                else:
                    self.buf.append(type_name(arg) + "=")
                    self.print_arg(arg, "v")
            self.buf.append(")")


def _too_large(number: int) -> bool:
    return number > _TOO_LARGE or number < -_TOO_LARGE


def _parse_num(text: str, start: int, end: int) -> tuple[int, bool, int]:
    """A decimal number at text[start:end]: (number, found, index after it)."""
    if start >= end:
        return 0, False, end
    number = 0
    found = False
    i = start
    while i < end and "0" <= text[i] <= "9":
        if _too_large(number):
            return 0, False, end  # overflow: Go gives up on the rest of the format
        number = number * 10 + ord(text[i]) - 48
        found = True
        i += 1
    return number, found, i


def _parse_arg_number(text: str) -> tuple[int, int, bool]:
    """`[n]` at the start of text: (zero-based index, characters used, ok)."""
    if len(text) < 3:
        return 0, 1, False
    close = text.find("]", 1)
    if close < 0:
        return 0, 1, False
    number, ok, after = _parse_num(text, 1, close)
    if not ok or after != close:
        return 0, close + 1, False
    return number - 1, close + 1, True


def _int_from_arg(args: tuple, arg_num: int) -> tuple[int, bool, int]:
    """The operand of a `*` width or precision: (number, is an int, next argument)."""
    if arg_num >= len(args):
        return 0, False, arg_num
    arg = args[arg_num]
    number, is_int = 0, False
    if isinstance(arg, int) and not isinstance(arg, bool):
        number, is_int = _to_int64(arg), True
    if _too_large(number):
        number, is_int = 0, False
    return number, is_int, arg_num + 1


def _to_int64(value: int) -> int:
    value &= _MASK64
    return value - (1 << 64) if value > _MAX_INT64 else value


def _valid_rune(c: int) -> int:
    """Go's rune(c) as utf8 encodes it: beyond Unicode or a surrogate becomes U+FFFD."""
    if c > _MAX_RUNE or 0xD800 <= c <= 0xDFFF:
        return _RUNE_ERROR
    return c


def _bytes_text(data: bytes) -> str:
    """A []byte as a Go string: each byte that is not UTF-8 stays one character (a surrogate)."""
    try:
        return data.decode()
    except UnicodeDecodeError:
        return data.decode(errors="surrogateescape")


def _is_print(char: str) -> bool:
    """strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space."""
    if char.isprintable():
        return True
    index = bisect_right(_UNICODE_17_STARTS, ord(char)) - 1
    return index >= 0 and ord(char) <= _UNICODE_17_RANGES[index][1]


def _can_backquote(text: str) -> bool:
    """strconv.CanBackquote: one line, no control characters but tab, no backquote, no BOM."""
    for char in text:
        code = ord(char)
        if code >= 0x80:
            if char == "\ufeff" or 0xDC80 <= code <= 0xDCFF:
                return False
        elif (code < 0x20 and char != "\t") or char == "`" or code == 0x7F:
            return False
    return True


def _quote(text: str, quote: str, ascii_only: bool) -> str:
    """strconv.Quote (quote '"') or QuoteRune (quote "'"); ASCII-only as QuoteToASCII."""
    if text.isascii() and text.isprintable() and quote not in text and "\\" not in text:
        return quote + text + quote
    out = [quote]
    for char in text:
        code = ord(char)
        if char == quote or char == "\\":
            out.append("\\" + char)
        elif 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8
            out.append(f"\\x{code - 0xDC00:02x}")
        elif (code < 0x80 or not ascii_only) and _is_print(char):
            out.append(char)
        elif code in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[code])
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\x{code:02x}")
        elif code < 0x10000:
            out.append(f"\\u{_valid_rune(code):04x}")
        else:
            out.append(f"\\U{code:08x}")
    out.append(quote)
    return "".join(out)


# --- strconv.FormatFloat(value, verb, precision, 64) ---


def format_float(value: float, verb: str, precision: int) -> str:
    """strconv.FormatFloat for a float64; precision -1 means the fewest digits that read back."""
    if value != value:
        return "NaN"
    if value == inf:
        return "+Inf"
    if value == -inf:
        return "-Inf"
    if verb in "bxX":
        return _format_binary_float(value, verb, precision)
    negative = copysign(1.0, value) < 0
    magnitude = -value if negative else value
    if magnitude == 0:
        return _format_decimal(negative, "", 0, precision, verb, precision < 0)
    if precision < 0:
        digits, point = _decimal_digits(repr(magnitude))
        if verb in "eE":
            precision = max(len(digits) - 1, 0)
        elif verb == "f":
            precision = max(len(digits) - point, 0)
        else:
            precision = len(digits)
        return _format_decimal(negative, digits, point, precision, verb, True)
    if verb == "f":
        digits, point = _decimal_digits(format(magnitude, f".{precision}f"))
    elif verb in "eE":
        digits, point = _decimal_digits(format(magnitude, f".{precision}e"))
    else:
        precision = precision or 1
        digits, point = _decimal_digits(format(magnitude, f".{precision - 1}e"))
    return _format_decimal(negative, digits, point, precision, verb, False)


def _format_binary_float(value: float, verb: str, precision: int) -> str:
    """%b (mantissa p exponent, in decimal) and %x, %X (hexadecimal) from the float's bits."""
    bits = struct.unpack("<Q", struct.pack("<d", value))[0]
    negative = bits >> 63 == 1
    exponent = (bits >> 52) & 0x7FF
    mantissa = bits & ((1 << 52) - 1)
    if exponent == 0:
        exponent = 1
    else:
        mantissa |= 1 << 52
    exponent -= 1023
    if verb == "b":
        sign = "-" if negative else ""
        return f"{sign}{mantissa}p{exponent - 52:+d}"
    return _format_hex_float(negative, mantissa, exponent, verb, precision)


def _decimal_digits(text: str) -> tuple[str, int]:
    """Python's correctly rounded decimal text as (significant digits, decimal point position):
    "0.0125" is ("125", -1), as Go's decimal type holds it."""
    mantissa, _, exponent = text.partition("e")
    whole, _, fraction = mantissa.partition(".")
    digits = whole + fraction
    significant = digits.lstrip("0")
    if not significant:
        return "", 0
    point = len(whole) + int(exponent or 0) - (len(digits) - len(significant))
    return significant.rstrip("0"), point


def _format_decimal(
    negative: bool, digits: str, point: int, precision: int, verb: str, shortest: bool
) -> str:
    """strconv's fmtEFG: digits d1d2... stand for 0.d1d2... times 10**point."""
    count = len(digits)
    if verb in "gG":
        exponent_precision = precision
        if exponent_precision > count and count >= point:
            exponent_precision = count
        if shortest:  # %e is used when the exponent is below -4 or at least 6
            exponent_precision = 6
        exponent = point - 1
        if exponent < -4 or exponent >= exponent_precision:
            precision = min(precision, count) - 1
            verb = "e" if verb == "g" else "E"
        else:
            if precision > point:
                precision = count
            precision = max(precision - point, 0)
            verb = "f"
    sign = "-" if negative else ""
    if verb == "f":
        whole = digits[:point].ljust(point, "0") if point > 0 else "0"
        if precision <= 0:
            return sign + whole
        fraction = ("0" * -point + digits if point < 0 else digits[point:])[:precision]
        return sign + whole + "." + fraction.ljust(precision, "0")
    first = digits[0] if digits else "0"
    text = sign + first
    if precision > 0:
        text += "." + digits[1 : precision + 1].ljust(precision, "0")
    exponent = point - 1 if digits else 0
    return f"{text}{verb}{'-' if exponent < 0 else '+'}{abs(exponent):02d}"


def _format_hex_float(
    negative: bool, mantissa: int, exponent: int, verb: str, precision: int
) -> str:
    """strconv's fmtX: -0x1.yyyyp±dd, rounded to `precision` hex digits when it is set."""
    if mantissa == 0:
        exponent = 0
    mantissa <<= 60 - 52  # the leading 1, if any, goes to bit 60
    while mantissa != 0 and mantissa & (1 << 60) == 0:
        mantissa <<= 1
        exponent -= 1
    if 0 <= precision < 15:
        shift = precision * 4
        extra = (mantissa << shift) & ((1 << 60) - 1)
        mantissa >>= 60 - shift
        if extra | (mantissa & 1) > 1 << 59:
            mantissa += 1
        mantissa <<= 60 - shift
        if mantissa & (1 << 61):
            mantissa >>= 1
            exponent += 1
    hex_digits = _LOWER if verb == "x" else _UPPER
    text = ("-" if negative else "") + "0" + verb + str((mantissa >> 60) & 1)
    mantissa = (mantissa << 4) & _MASK64
    if precision < 0 and mantissa != 0:
        text += "."
        while mantissa != 0:
            text += hex_digits[(mantissa >> 60) & 15]
            mantissa = (mantissa << 4) & _MASK64
    elif precision > 0:
        text += "."
        for _ in range(precision):
            text += hex_digits[(mantissa >> 60) & 15]
            mantissa = (mantissa << 4) & _MASK64
    sign = "-" if exponent < 0 else "+"
    return f"{text}{'p' if verb == 'x' else 'P'}{sign}{abs(exponent):02d}"


def _keep_point_and_zeros(num: str, verb: str, precision: int) -> str:
    """The # flag on a float: always a decimal point, and %g keeps its trailing zeros."""
    digits = 0
    if verb in "vgGx":
        digits = 6 if precision == -1 else precision
    tail = ""
    has_point = False
    seen_nonzero = False
    i = 1
    while i < len(num):
        c = num[i]
        if c == ".":
            has_point = True
        elif c in "pP" or (c in "eE" and verb not in "xX"):
            tail = num[i:]
            num = num[:i]
        else:
            if c != "0":
                seen_nonzero = True
            if seen_nonzero:
                digits -= 1
        i += 1
    if not has_point:
        if len(num) == 2 and num[1] == "0":
            digits -= 1
        num += "."
    if digits > 0:
        num += "0" * digits
    return num + tail
