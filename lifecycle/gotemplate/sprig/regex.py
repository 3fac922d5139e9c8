"""sprig v2.22.0's regular expression functions, with Go's RE2 syntax on top of Python's `re`.

A Go pattern is parsed as regexp/syntax parses it (refusing what RE2 refuses, with its
messages) and rewritten atom by atom into an equivalent Python pattern: Go's `$` is the end of
the text, its `\\d`, `\\s`, `\\w` and `\\b` are ASCII-only, flags such as `(?i)` run to the end
of the enclosing group, and names become plain numbered groups (Go allows names Python does
not). Matching then follows Go's loops: which empty matches count, and `$1`/`${name}`
expansion in replacements.
"""

import functools
import re
import unicodedata
from dataclasses import dataclass, field

from lifecycle.gotemplate import gofmt
from lifecycle.gotemplate.callables import Function, GoPanic
from lifecycle.gotemplate.values import TypedList

_MAX_RUNE = 0x10FFFF
_MAX_REPEAT = 1000

_WORD = "[0-9A-Za-z_]"
_WORD_BOUNDARY = f"(?:(?<={_WORD})(?!{_WORD})|(?<!{_WORD})(?={_WORD}))"
_NOT_WORD_BOUNDARY = f"(?:(?<={_WORD})(?={_WORD})|(?<!{_WORD})(?!{_WORD}))"

Ranges = list[tuple[int, int]]

_PERL_CLASSES: dict[str, Ranges] = {
    "d": [(0x30, 0x39)],
    "s": [(0x09, 0x0A), (0x0C, 0x0D), (0x20, 0x20)],
    "w": [(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)],
}
_POSIX_CLASSES: dict[str, Ranges] = {
    "alnum": [(0x30, 0x39), (0x41, 0x5A), (0x61, 0x7A)],
    "alpha": [(0x41, 0x5A), (0x61, 0x7A)],
    "ascii": [(0x00, 0x7F)],
    "blank": [(0x09, 0x09), (0x20, 0x20)],
    "cntrl": [(0x00, 0x1F), (0x7F, 0x7F)],
    "digit": [(0x30, 0x39)],
    "graph": [(0x21, 0x7E)],
    "lower": [(0x61, 0x7A)],
    "print": [(0x20, 0x7E)],
    "punct": [(0x21, 0x2F), (0x3A, 0x40), (0x5B, 0x60), (0x7B, 0x7E)],
    "space": [(0x09, 0x0D), (0x20, 0x20)],
    "upper": [(0x41, 0x5A)],
    "word": [(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)],
    "xdigit": [(0x30, 0x39), (0x41, 0x46), (0x61, 0x66)],
}
_CATEGORIES = {
    "L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No",
    "P", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "S", "Sm", "Sc", "Sk", "So",
    "Z", "Zs", "Zl", "Zp", "C", "Cc", "Cf", "Co", "Cs",
}  # fmt: skip


class RegexpSyntaxError(Exception):
    """regexp/syntax.Error: a code such as `missing closing )` and the offending text."""

    def __init__(self, code: str, expr: str):
        super().__init__(f"error parsing regexp: {code}: `{expr}`")


class UnsupportedRegexp(Exception):
    """Valid RE2 the translation cannot express (Unicode script classes such as \\p{Greek})."""


@dataclass(frozen=True, slots=True)
class GoRegexp:
    """A compiled Go regexp: the Python pattern and Go's capture names (index 0 is the match)."""

    pattern: re.Pattern
    names: tuple[str, ...]


@dataclass
class _Flags:
    fold_case: bool = False
    multi_line: bool = False
    dot_newline: bool = False
    ungreedy: bool = False


@dataclass
class _Group:
    """An open group: its finished alternatives, the units of the current one, and the flags
    to restore when it closes."""

    opening: str
    flags: _Flags
    alternatives: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    # Counts of the nested `{n,m}` repeats inside each unit, outermost first (Go caps their
    # product at 1000); `closed_repeats` holds those of the finished alternatives.
    repeats: list[frozenset[tuple[int, ...]]] = field(default_factory=list)
    closed_repeats: frozenset[tuple[int, ...]] = frozenset()


def _negate(ranges: Ranges) -> Ranges:
    result = []
    low = 0
    for start, end in sorted(ranges):
        if start > low:
            result.append((low, start - 1))
        low = max(low, end + 1)
    if low <= _MAX_RUNE:
        result.append((low, _MAX_RUNE))
    return result


@functools.cache
def _category_ranges(name: str) -> tuple[tuple[int, int], ...]:
    ranges: Ranges = []
    for code in range(_MAX_RUNE + 1):
        category = unicodedata.category(chr(code))
        if category.startswith(name) and category != "Cn":  # Go has no unassigned class
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return tuple(ranges)


def _class_text(ranges: Ranges, negated: bool, fold_case: bool) -> str:
    def char(code: int) -> str:
        return f"\\U{code:08x}"

    body = "".join(char(lo) if lo == hi else f"{char(lo)}-{char(hi)}" for lo, hi in ranges)
    if not body:  # \P{Any}: a class of nothing
        return "[\\s\\S]" if negated else "[^\\s\\S]"
    text = f"[{'^' if negated else ''}{body}]"
    return f"(?i:{text})" if fold_case else text


def _literal(char: str, fold_case: bool) -> str:
    text = re.escape(char)
    return f"(?i:{text})" if fold_case and char.lower() != char.upper() else text


def _repeat_is_valid(counts: tuple[int, ...]) -> bool:
    """regexp/syntax repeatIsValid along one path of nested repeats."""
    budget = _MAX_REPEAT
    for count in counts:
        if count == 0:
            return True
        if count > budget:
            return False
        budget //= count
    return True


class _Parser:
    """regexp/syntax's parse loop, emitting Python pattern text instead of a syntax tree."""

    def __init__(self, pattern: str):
        self.whole = pattern
        self.rest = pattern
        self.flags = _Flags()
        self.stack = [_Group("", self.flags)]
        self.names = [""]

    def parse(self) -> GoRegexp:
        last_repeat = ""
        while self.rest:
            repeat = ""
            char = self.rest[0]
            if char == "(":
                self._open_group()
            elif char == "|":
                group = self.stack[-1]
                group.alternatives.append("".join(group.units))
                group.closed_repeats = group.closed_repeats.union(*group.repeats)
                group.units, group.repeats = [], []
                self.rest = self.rest[1:]
            elif char == ")":
                self._close_group()
                self.rest = self.rest[1:]
            elif char == "^":
                self._unit("(?m:^)" if self.flags.multi_line else "\\A")
                self.rest = self.rest[1:]
            elif char == "$":
                self._unit("(?m:$)" if self.flags.multi_line else "\\Z")
                self.rest = self.rest[1:]
            elif char == ".":
                self._unit("[\\s\\S]" if self.flags.dot_newline else "[^\\n]")
                self.rest = self.rest[1:]
            elif char == "[":
                self._class()
            elif char in "*+?" or (char == "{" and self._repeat_bounds() is not None):
                repeat = self.rest
                self._repeat(last_repeat)
            elif char == "\\":
                self._escape()
            else:
                self._unit(_literal(char, self.flags.fold_case))
                self.rest = self.rest[1:]
            last_repeat = repeat
        if len(self.stack) != 1:
            raise RegexpSyntaxError("missing closing )", self.whole)
        group = self.stack[0]
        text = "|".join([*group.alternatives, "".join(group.units)])
        return GoRegexp(re.compile(text), tuple(self.names))

    def _unit(self, text: str, repeats: frozenset[tuple[int, ...]] = frozenset()) -> None:
        self.stack[-1].units.append(text)
        self.stack[-1].repeats.append(repeats)

    def _open_group(self) -> None:
        text = self.rest
        if not text.startswith("(?"):
            self.names.append("")
            self._push("(")
            self.rest = text[1:]
            return
        if (text[2:4] == "P<" and len(text) > 4) or (text[2:3] == "<" and len(text) > 3):
            begin = 4 if text[2] == "P" else 3
            end = text.find(">")
            if end < 0:
                raise RegexpSyntaxError("invalid named capture", text)
            name = text[begin:end]
            if not name or not all(c == "_" or (c.isascii() and c.isalnum()) for c in name):
                raise RegexpSyntaxError("invalid named capture", text[: end + 1])
            self.names.append(name)
            self._push("(")
            self.rest = text[end + 1 :]
            return
        self._flag_group(text)

    def _flag_group(self, text: str) -> None:
        """`(?flags)` changes flags until the group ends; `(?flags:re)` opens a group."""
        flags = _Flags(**vars(self.flags))
        negated = False
        saw_flag = False
        for i, char in enumerate(text[2:], start=3):
            if char in "imsU":
                setting = not negated
                if char == "i":
                    flags.fold_case = setting
                elif char == "m":
                    flags.multi_line = setting
                elif char == "s":
                    flags.dot_newline = setting
                else:
                    flags.ungreedy = setting
                saw_flag = True
            elif char == "-" and not negated:
                negated = True
                saw_flag = False
            elif char in ":)" and (saw_flag or not negated):
                if char == ":":
                    self._push("(?:")
                self.flags = flags
                self.rest = text[i:]
                return
            else:
                raise RegexpSyntaxError("invalid or unsupported Perl syntax", text[:i])
        raise RegexpSyntaxError("invalid or unsupported Perl syntax", text)

    def _push(self, opening: str) -> None:
        self.stack.append(_Group(opening, self.flags))

    def _close_group(self) -> None:
        if len(self.stack) < 2:
            raise RegexpSyntaxError("unexpected )", self.whole)
        group = self.stack.pop()
        self.flags = group.flags
        body = "|".join([*group.alternatives, "".join(group.units)])
        self._unit(group.opening + body + ")", group.closed_repeats.union(*group.repeats))

    def _repeat_bounds(self) -> tuple[int, int, str] | None:
        """`{n}`, `{n,}` or `{n,m}` at the start of the rest: (min, max or -1, what follows).
        Anything else is a literal `{`. Numbers over 1e8 read as -1, to be refused."""
        match = re.match(r"\{(0|[1-9][0-9]*)(?:(,)(0|[1-9][0-9]*)?)?\}", self.rest)
        if match is None:
            return None

        def number(text: str) -> int:
            return -1 if len(text) > 9 or int(text) > 100_000_000 else int(text)

        low = number(match[1])
        high = low if match[2] is None else -1 if match[3] is None else number(match[3])
        if match[3] is not None and high < 0:
            low = -1
        return low, high, self.rest[match.end() :]

    def _repeat(self, last_repeat: str) -> None:
        before = self.rest
        if before[0] == "{":
            low, high, after = self._repeat_bounds()
            if low < 0 or low > _MAX_REPEAT or high > _MAX_REPEAT or 0 <= high < low:
                raise RegexpSyntaxError("invalid repeat count", before[: len(before) - len(after)])
            operator = f"{{{low}}}" if low == high else f"{{{low},{'' if high < 0 else high}}}"
        else:
            operator, after = before[0], before[1:]
        lazy = self.flags.ungreedy
        if after.startswith("?"):
            after = after[1:]
            lazy = not lazy
        if last_repeat:
            raise RegexpSyntaxError(
                "invalid nested repetition operator", last_repeat[: len(last_repeat) - len(after)]
            )
        group = self.stack[-1]
        if not group.units:
            raise RegexpSyntaxError(
                "missing argument to repetition operator", before[: len(before) - len(after)]
            )
        if before[0] == "{" and (low >= 2 or high >= 2):
            count = high if high >= 0 else low
            group.repeats[-1] = frozenset((count, *inner) for inner in group.repeats[-1] or [()])
            if not all(map(_repeat_is_valid, group.repeats[-1])):
                raise RegexpSyntaxError("invalid repeat count", before[: len(before) - len(after)])
        group.units[-1] = f"(?:{group.units[-1]}){operator}{'?' if lazy else ''}"
        self.rest = after

    def _escape(self) -> None:
        text = self.rest
        kind = text[1:2]
        simple = {"A": "\\A", "z": "\\Z", "b": _WORD_BOUNDARY, "B": _NOT_WORD_BOUNDARY}
        if kind in simple:
            self._unit(simple[kind])
            self.rest = text[2:]
        elif kind == "C":
            raise RegexpSyntaxError("invalid escape sequence", text[:2])
        elif kind == "Q":
            literal, _, self.rest = text[2:].partition("\\E")
            for char in literal:
                self._unit(_literal(char, self.flags.fold_case))
        elif (found := self._class_escape(text)) is not None:
            ranges, self.rest = found
            self._unit(_class_text(ranges, False, self.flags.fold_case))
        else:
            char, self.rest = self._single_escape(text)
            self._unit(_literal(char, self.flags.fold_case))

    def _class_escape(self, text: str) -> tuple[Ranges, str] | None:
        """`\\d`, `\\D`... and `\\pL`, `\\p{Greek}`, `\\PL`: the ranges and the rest."""
        kind = text[1:2]
        if kind.lower() in _PERL_CLASSES:
            ranges = _PERL_CLASSES[kind.lower()]
            return (_negate(ranges) if kind.isupper() else ranges), text[2:]
        if kind not in ("p", "P"):
            return None
        if len(text) < 3:
            raise RegexpSyntaxError("invalid character class range", text)
        negated = kind == "P"
        if text[2] == "{":
            end = text.find("}")
            if end < 0:
                raise RegexpSyntaxError("invalid character class range", text)
            name, rest, seq = text[3:end], text[end + 1 :], text[: end + 1]
        else:
            name, rest, seq = text[2], text[3:], text[:3]
        if name.startswith("^"):
            negated, name = not negated, name[1:]
        if name == "Any":
            ranges: Ranges = [(0, _MAX_RUNE)]
        elif name in _CATEGORIES:
            ranges = list(_category_ranges(name))
        elif re.fullmatch(r"\w+", name):  # scripts, aliases: Go's tables, not Python's
            raise UnsupportedRegexp(f"Unicode class {seq} is not supported in previews")
        else:
            raise RegexpSyntaxError("invalid character class range", seq)
        return (_negate(ranges) if negated else ranges), rest

    def _single_escape(self, text: str) -> tuple[str, str]:
        """regexp/syntax parseEscape: one escaped character and the rest of the text."""
        if len(text) < 2:
            raise RegexpSyntaxError("trailing backslash at end of expression", "")
        char, rest = text[1], text[2:]
        if char.isascii() and not char.isalnum():
            return char, rest
        if char in "01234567" and (char == "0" or rest[:1] in tuple("01234567")):
            digits = re.match(r"[0-7]{0,2}", rest)[0]
            return chr(int(char + digits, 8)), rest[len(digits) :]
        if char == "x" and rest:
            if rest[0] == "{":
                return self._braced_hex(text)
            if re.match(r"[0-9a-fA-F]{2}", rest):
                return chr(int(rest[:2], 16)), rest[2:]
            raise RegexpSyntaxError("invalid escape sequence", text[: 2 + min(2, len(rest))])
        controls = {"a": "\a", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
        if char in controls:
            return controls[char], rest
        raise RegexpSyntaxError("invalid escape sequence", text[:2])

    def _braced_hex(self, text: str) -> tuple[str, str]:
        """`\\x{10FFFF}`: hex digits up to a `}`; Go stops reading at the first bad one."""
        value = 0
        for i, char in enumerate(text[3:], start=4):
            if char == "}" and i > 4:
                return chr(value), text[i:]
            if char not in "0123456789abcdefABCDEF":
                break
            value = value * 16 + int(char, 16)
            if value > _MAX_RUNE:
                break
        else:
            i = len(text)
        raise RegexpSyntaxError("invalid escape sequence", text[:i])

    def _class(self) -> None:
        """`[...]`: ranges, `[:name:]`, `\\d` and `\\p{..}` inside, `]` first is literal."""
        whole = self.rest
        text = whole[1:]
        negated = text.startswith("^")
        if negated:
            text = text[1:]
        ranges: Ranges = []
        first = True
        while not text.startswith("]") or first:
            first = False
            if text.startswith("[:") and (end := text.find(":]", 2)) >= 0:
                name = text[: end + 2]
                posix = name[2:-2]
                if posix.removeprefix("^") not in _POSIX_CLASSES:
                    raise RegexpSyntaxError("invalid character class range", name)
                group = _POSIX_CLASSES[posix.removeprefix("^")]
                ranges += _negate(group) if posix.startswith("^") else group
                text = text[end + 2 :]
                continue
            if text.startswith("\\") and (found := self._class_escape(text)) is not None:
                group, text = found
                ranges += group
                continue
            start = text
            low, text = self._class_char(text, whole)
            high = low
            if len(text) >= 2 and text[0] == "-" and text[1] != "]":
                high, text = self._class_char(text[1:], whole)
                if high < low:
                    raise RegexpSyntaxError(
                        "invalid character class range", start[: len(start) - len(text)]
                    )
            ranges.append((ord(low), ord(high)))
        self.rest = text[1:]
        self._unit(_class_text(ranges, negated, self.flags.fold_case))

    def _class_char(self, text: str, whole: str) -> tuple[str, str]:
        if not text:
            raise RegexpSyntaxError("missing closing ]", whole)
        if text[0] == "\\":
            return self._single_escape(text)
        return text[0], text[1:]


@functools.lru_cache(maxsize=256)
def compile_go(pattern: str) -> GoRegexp:
    """Go's regexp.Compile; raises RegexpSyntaxError with Go's message."""
    return _Parser(pattern).parse()


def must_compile(pattern: str) -> GoRegexp:
    """regexp.MustCompile: a bad pattern is a panic naming the pattern."""
    try:
        return compile_go(pattern)
    except RegexpSyntaxError as error:
        raise GoPanic(f"regexp: Compile({gofmt.sprintf('%#q', pattern)}): {error}") from None
    except UnsupportedRegexp as error:
        raise GoPanic(str(error)) from None


def _all_matches(regexp: GoRegexp, text: str, limit: int) -> list[re.Match]:
    """Go's allMatches: an empty match right after the previous match does not count."""
    if limit < 0:
        limit = len(text) + 1
    matches: list[re.Match] = []
    position, previous_end = 0, -1
    while len(matches) < limit and position <= len(text):
        match = regexp.pattern.search(text, position)
        if match is None:
            break
        accept = True
        if match.end() == position:
            accept = match.start() != previous_end
            position += 1
        else:
            position = match.end()
        previous_end = match.end()
        if accept:
            matches.append(match)
    return matches


def expand(regexp: GoRegexp, template: str, match: re.Match) -> str:
    """Go's Regexp.Expand: `$1`, `${1}`, `$name`, `${name}`; `$$` is a dollar; a reference to
    a group that does not exist or did not match is empty; a malformed one stays text."""
    out = []
    rest = template
    while (dollar := rest.find("$")) >= 0:
        out.append(rest[:dollar])
        rest = rest[dollar + 1 :]
        if rest.startswith("$"):
            out.append("$")
            rest = rest[1:]
            continue
        reference = re.match(r"\{(\w+)\}|(\w+)", rest)
        if reference is None:
            out.append("$")
            continue
        name = reference[1] or reference[2]
        rest = rest[reference.end() :]
        out.append(_group_text(regexp, match, name))
    out.append(rest)
    return "".join(out)


def _group_text(regexp: GoRegexp, match: re.Match, name: str) -> str:
    if name.isascii() and name.isdigit() and (name == "0" or name[0] != "0") and len(name) <= 9:
        index = int(name)
    else:
        index = next((i for i, n in enumerate(regexp.names) if n == name), -1)
    if 0 <= index < len(regexp.names):
        return match.group(index) or ""
    return ""


def _replace_all(regexp: GoRegexp, text: str, replacement) -> str:
    """Go's replaceAll: no replacement for an empty match right after the previous match."""
    out = []
    last_end = 0
    position = 0
    while position <= len(text):
        match = regexp.pattern.search(text, position)
        if match is None:
            break
        out.append(text[last_end : match.start()])
        if match.end() > last_end or match.start() == 0:
            out.append(replacement(match))
        last_end = match.end()
        position = max(position + 1, match.end())
    out.append(text[last_end:])
    return "".join(out)


def regex_match(pattern: str, text: str) -> bool:
    try:
        return compile_go(pattern).pattern.search(text) is not None
    except RegexpSyntaxError:
        return False  # sprig drops regexp.MatchString's error
    except UnsupportedRegexp as error:
        raise GoPanic(str(error)) from None


def regex_find(pattern: str, text: str) -> str:
    match = must_compile(pattern).pattern.search(text)
    return match.group() if match else ""


def regex_find_all(pattern: str, text: str, limit: int) -> TypedList:
    regexp = must_compile(pattern)
    return TypedList(match.group() for match in _all_matches(regexp, text, limit))


def regex_replace_all(pattern: str, text: str, replacement: str) -> str:
    regexp = must_compile(pattern)
    return _replace_all(regexp, text, lambda match: expand(regexp, replacement, match))


def regex_replace_all_literal(pattern: str, text: str, replacement: str) -> str:
    return _replace_all(must_compile(pattern), text, lambda match: replacement)


def regex_split(pattern: str, text: str, limit: int) -> TypedList:
    """Regexp.Split: at most `limit` pieces (all when negative, none when 0)."""
    regexp = must_compile(pattern)
    if limit == 0:
        return TypedList()
    if pattern and not text:
        return TypedList([""])
    pieces = []
    begin = end = 0
    for match in _all_matches(regexp, text, limit):
        if limit > 0 and len(pieces) == limit - 1:
            break
        end = match.start()
        if match.end() != 0:
            pieces.append(text[begin:end])
        begin = match.end()
    if end != len(text):
        pieces.append(text[begin:])
    return TypedList(pieces)


_S = "string"

FUNCTIONS: dict[str, Function] = {
    "regexMatch": Function("regexMatch", (_S, _S), regex_match),
    "regexFind": Function("regexFind", (_S, _S), regex_find),
    "regexFindAll": Function("regexFindAll", (_S, _S, "int"), regex_find_all),
    "regexReplaceAll": Function("regexReplaceAll", (_S, _S, _S), regex_replace_all),
    "regexReplaceAllLiteral": Function(
        "regexReplaceAllLiteral", (_S, _S, _S), regex_replace_all_literal
    ),
    "regexSplit": Function("regexSplit", (_S, _S, "int"), regex_split),
}
