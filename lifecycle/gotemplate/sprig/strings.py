"""sprig v2.22.0's string functions, with the quirks of the Go code underneath them.

Go strings are bytes: `substr`, `trunc`, `abbrev`, `wrap`, `nospace` and `initials` count and cut
UTF-8 bytes, as Go's slicing and goutils do, so they are computed on the encoded text. Case
changes map one rune to one rune (Go's simple case mapping, never "ß" to "SS").
"""

import random
import secrets
import string
import unicodedata

from lifecycle.gotemplate import gofmt
from lifecycle.gotemplate.callables import Function, GoPanic
from lifecycle.gotemplate.sprig.conversion import (
    string_from_bytes,
    string_to_bytes,
    strval,
)

# unicode.IsSpace: Python's str.isspace also counts the ASCII separators \x1c-\x1f.
GO_SPACE = (
    "\t\n\v\f\r \x85\xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + ("\u2028\u2029\u202f\u205f\u3000")
)


def is_go_space(char: str) -> bool:
    return char in GO_SPACE


def _single(mapped: str, char: str) -> str:
    """Go's unicode.To* map a rune to one rune; where Python's mapping grows, Go keeps it."""
    return mapped if len(mapped) == 1 else char


def to_upper_rune(char: str) -> str:
    # Python's full mapping turns U+1FB3 into two letters; Go's simple one gives its titlecase.
    return _single(char.upper(), _single(char.title(), char))


def to_lower_rune(char: str) -> str:
    return "i" if char == "\u0130" else _single(char.lower(), char)


def to_title_rune(char: str) -> str:
    return _single(char.title(), char)


def upper(text: str) -> str:
    return "".join(map(to_upper_rune, text))


def lower(text: str) -> str:
    return "".join(map(to_lower_rune, text))


def trim(text: str) -> str:
    return text.strip(GO_SPACE)


def trim_all(cutset: str, text: str) -> str:
    return text.strip(cutset)


def _is_title_separator(char: str) -> bool:
    if char <= "\x7f":
        return not (char.isascii() and (char.isalnum() or char == "_"))
    if char.isalpha() or unicodedata.category(char) == "Nd":
        return False
    return is_go_space(char)


def title(text: str) -> str:
    """strings.Title: upper-cases a letter that follows a separator (its old word rule)."""
    previous = " "
    result = []
    for char in text:
        result.append(to_title_rune(char) if _is_title_separator(previous) else char)
        previous = char
    return "".join(result)


def untitle(text: str) -> str:
    """goutils Uncapitalize: lower-cases the first rune of each space-separated word."""
    result = []
    at_word_start = True
    for char in text:
        if is_go_space(char):
            at_word_start = True
            result.append(char)
        elif at_word_start:
            result.append(to_lower_rune(char))
            at_word_start = False
        else:
            result.append(char)
    return "".join(result)


def _slice_panic(low: int | None, high: int | None, length: int) -> GoPanic:
    """Go's runtime message for a string slice out of range."""
    if high is not None and (high < 0 or high > length):
        return GoPanic(f"runtime error: slice bounds out of range [:{high}] with length {length}")
    if low is not None and high is None:
        return GoPanic(f"runtime error: slice bounds out of range [{low}:{length}]")
    return GoPanic(f"runtime error: slice bounds out of range [{low}:{high}]")


def go_slice(data: bytes, low: int | None, high: int | None) -> bytes:
    """s[low:high] on Go bytes, panicking as Go does where Python would quietly clamp."""
    start = 0 if low is None else low
    stop = len(data) if high is None else high
    if not 0 <= stop <= len(data) or not 0 <= start <= stop:
        raise _slice_panic(low, high, len(data))
    return data[start:stop]


def substr(start: int, end: int, text: str) -> str:
    data = string_to_bytes(text)
    if start < 0:
        return string_from_bytes(go_slice(data, None, end))
    if end < 0 or end > len(data):
        return string_from_bytes(go_slice(data, start, None))
    return string_from_bytes(go_slice(data, start, end))


def trunc(count: int, text: str) -> str:
    data = string_to_bytes(text)
    if count < 0 and len(data) + count > 0:
        return string_from_bytes(data[len(data) + count :])
    if count >= 0 and len(data) > count:
        return string_from_bytes(data[:count])
    return text


def repeat(count: int, text: str) -> str:
    if count < 0:
        raise GoPanic("strings: negative Repeat count")
    return text * count


def nospace(text: str) -> str:
    """goutils DeleteWhiteSpace. It walks bytes as if each were a rune, so once it drops a
    space, every non-ASCII character comes back as its bytes read as Latin-1."""
    data = string_to_bytes(text)
    kept = [byte for byte in data if not is_go_space(chr(byte))]
    if len(kept) == len(data):
        return text
    return "".join(map(chr, kept))


def initials(text: str) -> str:
    """goutils Initials: the first byte of each space-separated word, read as a rune."""
    result = []
    after_gap = True
    for byte in string_to_bytes(text):
        if is_go_space(chr(byte)):
            after_gap = True
        elif after_gap:
            result.append(chr(byte))
            after_gap = False
    return "".join(result)


def _abbreviate_full(data: bytes, offset: int, width: int) -> bytes:
    """goutils AbbreviateFull; callers have ruled out the widths it refuses."""
    if len(data) <= width:
        return data
    offset = min(offset, len(data))
    if len(data) - offset < width - 3:
        offset = len(data) - (width - 3)
    if offset <= 4:
        return data[: width - 3] + b"..."
    if width < 7:
        return b""  # goutils returns an error, which sprig drops
    if offset + width - 3 < len(data):
        return b"..." + _abbreviate_full(data[offset:], 0, width - 3)
    return b"..." + data[len(data) - (width - 3) :]


def abbrev(width: int, text: str) -> str:
    if width < 4:
        return text
    return string_from_bytes(_abbreviate_full(string_to_bytes(text), 0, width))


def abbrevboth(left: int, right: int, text: str) -> str:
    if right < 4 or (left > 0 and right < 7):
        return text
    return string_from_bytes(_abbreviate_full(string_to_bytes(text), left, right))


def wrap_custom(text: str, width: int, newline: str, wrap_long_words: bool) -> str:
    """goutils WrapCustom: breaks at the last space that fits, counting bytes."""
    data = string_to_bytes(text)
    if not data:
        return ""
    separator = string_to_bytes(newline or "\n")
    width = max(width, 1)
    offset = 0
    out = bytearray()
    while len(data) - offset > width:
        if data[offset] == ord(" "):
            offset += 1
            continue
        space = data.rfind(b" ", offset, width + offset + 1)
        if space >= offset:
            out += data[offset:space] + separator
            offset = space + 1
        elif wrap_long_words:
            out += data[offset : offset + width] + separator
            offset += width
        else:
            space = data.find(b" ", offset + width)
            if space == -1:
                out += data[offset:]
                offset = len(data)
            else:
                out += data[offset:space] + separator
                offset = space + 1
    out += data[offset:]
    return string_from_bytes(bytes(out))


def contains(substring: str, text: str) -> bool:
    return substring in text


def has_prefix(prefix: str, text: str) -> bool:
    return text.startswith(prefix)


def has_suffix(suffix: str, text: str) -> bool:
    return text.endswith(suffix)


def quote(*values: object) -> str:
    return " ".join(gofmt.sprintf("%q", strval(value)) for value in values if value is not None)


def squote(*values: object) -> str:
    return " ".join(f"'{gofmt.sprint(value)}'" for value in values if value is not None)


def cat(*values: object) -> str:
    return " ".join(gofmt.sprint(value) for value in values if value is not None)


def indent(spaces: int, text: str) -> str:
    pad = " " * spaces
    return pad + text.replace("\n", "\n" + pad)


def nindent(spaces: int, text: str) -> str:
    return "\n" + indent(spaces, text)


def replace(old: str, new: str, text: str) -> str:
    """strings.Replace with n=-1; an empty `old` inserts `new` around every rune, as Python's."""
    return text.replace(old, new)


def plural(one: str, many: str, count: int) -> str:
    return one if count == 1 else many


def _is_upper(char: str) -> bool:
    return unicodedata.category(char) == "Lu"


def _is_number(char: str) -> bool:
    return unicodedata.category(char) in ("Nd", "Nl", "No")


def _to_lower_case_words(text: str, connector: str) -> str:
    """xstrings camelCaseToLowerCase: `HTTPServer` → `http_server`; spaces, `_` and `-`
    become the connector."""
    out = []
    chars = list(text)
    i = 0
    previous = connector
    while i < len(chars):
        char = chars[i]
        i += 1
        if not _is_upper(char):
            previous = connector if char in " _-" else char
            out.append(previous)
            continue
        if previous != connector and not _is_number(previous):
            out.append(connector)
        out.append(to_lower_rune(char))
        previous = char
        if i == len(chars):
            break
        char = chars[i]
        i += 1
        if not _is_upper(char):
            previous = connector if char in " _-" else char
            out.append(previous)
            continue
        # A run of capitals is an abbreviation; its last capital starts the next word.
        while i < len(chars):
            before, char = char, chars[i]
            i += 1
            if _is_upper(char):
                out.append(to_lower_rune(before))
                continue
            if char in " _-":
                out += [to_lower_rune(before), connector]
                char = connector
            else:
                out += [connector, to_lower_rune(before), char]
            break
        else:
            out.append(to_lower_rune(char))
        previous = char
    return "".join(out)


def snakecase(text: str) -> str:
    return _to_lower_case_words(text, "_")


def kebabcase(text: str) -> str:
    return _to_lower_case_words(text, "-")


def camelcase(text: str) -> str:
    """xstrings ToCamelCase: `some_words` → `SomeWords`; leading underscores stay and a run
    of underscores inside keeps all but one."""
    leading = len(text) - len(text.lstrip("_"))
    rest = text[leading:]
    if not rest:
        return text
    out = ["_" * leading]
    current = to_upper_rune(rest[0])
    for char in rest[1:]:
        previous, current = current, char
        if previous == "_" and current == "_":
            out.append(previous)
        elif previous == "_":
            current = to_upper_rune(current)
        else:
            out.append(previous)
    out.append(current)
    return "".join(out)


def swapcase(text: str) -> str:
    """goutils SwapCase: upper and title case become lower, lower becomes upper."""
    out = []
    for char in text:
        category = unicodedata.category(char)
        if category in ("Lu", "Lt"):
            out.append(to_lower_rune(char))
        elif category == "Ll":
            out.append(to_upper_rune(char))
        else:
            out.append(char)
    return "".join(out)


def shuffle(text: str) -> str:
    chars = list(text)
    random.shuffle(chars)
    return "".join(chars)


def _random_string(count: int, alphabet: str) -> str:
    """goutils CryptoRandom*: a negative count is an error, which sprig turns into ""."""
    return "".join(secrets.choice(alphabet) for _ in range(max(count, 0)))


_S = "string"
_I = "int"
_ANY = "interface {}"

FUNCTIONS: dict[str, Function] = {
    "trim": Function("trim", (_S,), trim),
    "trimAll": Function("trimAll", (_S, _S), trim_all),
    "trimall": Function("trimall", (_S, _S), trim_all),
    "trimPrefix": Function("trimPrefix", (_S, _S), lambda prefix, text: text.removeprefix(prefix)),
    "trimSuffix": Function("trimSuffix", (_S, _S), lambda suffix, text: text.removesuffix(suffix)),
    "upper": Function("upper", (_S,), upper),
    "lower": Function("lower", (_S,), lower),
    "title": Function("title", (_S,), title),
    "untitle": Function("untitle", (_S,), untitle),
    "substr": Function("substr", (_I, _I, _S), substr),
    "repeat": Function("repeat", (_I, _S), repeat),
    "nospace": Function("nospace", (_S,), nospace),
    "trunc": Function("trunc", (_I, _S), trunc),
    "abbrev": Function("abbrev", (_I, _S), abbrev),
    "abbrevboth": Function("abbrevboth", (_I, _I, _S), abbrevboth),
    "initials": Function("initials", (_S,), initials),
    "wrap": Function("wrap", (_I, _S), lambda width, text: wrap_custom(text, width, "", False)),
    "wrapWith": Function(
        "wrapWith", (_I, _S, _S), lambda width, sep, text: wrap_custom(text, width, sep, True)
    ),
    "contains": Function("contains", (_S, _S), contains),
    "hasPrefix": Function("hasPrefix", (_S, _S), has_prefix),
    "hasSuffix": Function("hasSuffix", (_S, _S), has_suffix),
    "quote": Function("quote", (_ANY,), quote, variadic=True),
    "squote": Function("squote", (_ANY,), squote, variadic=True),
    "cat": Function("cat", (_ANY,), cat, variadic=True),
    "indent": Function("indent", (_I, _S), indent),
    "nindent": Function("nindent", (_I, _S), nindent),
    "replace": Function("replace", (_S, _S, _S), replace),
    "plural": Function("plural", (_S, _S, _I), plural),
    "snakecase": Function("snakecase", (_S,), snakecase),
    "camelcase": Function("camelcase", (_S,), camelcase),
    "kebabcase": Function("kebabcase", (_S,), kebabcase),
    "swapcase": Function("swapcase", (_S,), swapcase),
    "shuffle": Function("shuffle", (_S,), shuffle, varies=True),
    "randAlphaNum": Function(
        "randAlphaNum",
        (_I,),
        lambda count: _random_string(count, string.ascii_letters + string.digits),
        varies=True,
    ),
    "randAlpha": Function(
        "randAlpha", (_I,), lambda count: _random_string(count, string.ascii_letters), varies=True
    ),
    "randAscii": Function(
        "randAscii",
        (_I,),
        lambda count: _random_string(count, "".join(map(chr, range(32, 127)))),
        varies=True,
    ),
    "randNumeric": Function(
        "randNumeric", (_I,), lambda count: _random_string(count, string.digits), varies=True
    ),
}
