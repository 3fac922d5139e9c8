"""Split a template into tokens exactly as Go's text/template/parse lexer does."""

import re
import string
from dataclasses import dataclass
from enum import Enum

from lifecycle.gotemplate.literals import describe_rune, quote


class TokenType(Enum):
    ERROR = "error"
    BOOL = "bool"
    CHAR = "char"
    CHAR_CONSTANT = "char constant"
    COMMENT = "comment"
    COMPLEX = "complex"
    ASSIGN = "="
    DECLARE = ":="
    EOF = "EOF"
    FIELD = "field"
    IDENTIFIER = "identifier"
    LEFT_DELIM = "{{"
    LEFT_PAREN = "("
    NUMBER = "number"
    PIPE = "|"
    RAW_STRING = "raw string"
    RIGHT_DELIM = "}}"
    RIGHT_PAREN = ")"
    SPACE = "space"
    STRING = "string"
    TEXT = "text"
    VARIABLE = "variable"
    # Keywords: the value is the word, and Go shows such tokens as <word> in messages.
    BLOCK = "block"
    BREAK = "break"
    CONTINUE = "continue"
    DOT = "."
    DEFINE = "define"
    ELSE = "else"
    END = "end"
    IF = "if"
    NIL = "nil"
    RANGE = "range"
    TEMPLATE = "template"
    WITH = "with"

    # Enum hashes by name in Python code; members are singletons, so identity is as exact and
    # keeps the parser's table look-ups in C.
    __hash__ = object.__hash__


@dataclass(frozen=True, slots=True)
class Token:
    type: TokenType
    value: str
    pos: int
    line: int

    @property
    def end(self) -> int:
        return self.pos + len(self.value)

    def __str__(self) -> str:
        """How Go names the token in "unexpected ..." messages."""
        if self.type is TokenType.EOF:
            return "EOF"
        if self.type is TokenType.ERROR:
            return self.value
        if self.type in KEYWORDS:
            return f"<{self.value}>"
        # Go measures the length in bytes but cuts the quoted text after 10 characters.
        if len(self.value.encode("utf-8", "surrogatepass")) > 10:
            return quote(self.value[:10]) + "..."
        return quote(self.value)


_ALL_TYPES = list(TokenType)
KEYWORDS = frozenset(_ALL_TYPES[_ALL_TYPES.index(TokenType.BLOCK) :])
_WORDS = {t.value: t for t in KEYWORDS} | {"true": TokenType.BOOL, "false": TokenType.BOOL}

_SPACE_CHARS = " \t\r\n"
_SPACE_TUPLE = tuple(_SPACE_CHARS)  # unlike a string, never matches the empty string
_TERMINATORS = _SPACE_CHARS + ".,|:)("
_DECIMAL = "0123456789_"
_BASE_DIGITS = {"x": "0123456789abcdefABCDEF_", "o": "01234567_", "b": "01_"}
_ASCII_WORD = re.compile(r"[A-Za-z0-9_]*")
# The common, all-ASCII names, matched whole with the check that a name ends where Go allows
# (`at_terminator`); atomic groups so a failed check falls back instead of matching less.
# Anything else (Unicode letters, a bad character after the name) takes the general path.
_TERMINATOR_AHEAD = r"(?=[ \t\r\n.,|:)(]|}}|\Z)"
_ASCII_IDENTIFIER = re.compile(r"(?>[A-Za-z_][A-Za-z0-9_]*)" + _TERMINATOR_AHEAD)
# A digit after a dot starts a number, so later parts of a chain must not start with one; a lone
# `.` or `$` is left to the general path, which names it DOT or the variable `$`.
_CHAIN = re.compile(r"(?>[.$][A-Za-z0-9_]+(?:\.[A-Za-z_][A-Za-z0-9_]*)*)" + _TERMINATOR_AHEAD)
_SPACE_RUN = re.compile(r"[ \t\r\n]*")
_QUOTED = re.compile(r'"(?:[^"\\\n]|\\[^\n])*"')
_CHAR_CONSTANT = re.compile(r"'(?:[^'\\\n]|\\[^\n])*'")
_SINGLE = {"=": TokenType.ASSIGN, "|": TokenType.PIPE}
# Hot in loops, where a global is cheaper than an attribute of TokenType.
_SPACE, _IDENTIFIER, _RIGHT_DELIM = TokenType.SPACE, TokenType.IDENTIFIER, TokenType.RIGHT_DELIM

# Most actions hold only names, fields, variables, plain strings, small integers, `|`, `:=`, `,`
# and spaces. Such an action is split by one regex in C instead of a scanner call per token.
# Each alternative matches exactly the token the general path would, or nothing (`\Z` is the
# end of the action, which a name may end at); an action with anything else (parentheses,
# signs, Unicode names, errors) leaves characters unmatched and takes the general path.
_SIMPLE_TOKENS = re.compile(
    r"[ \t\r\n]+"
    r'|"(?:[^"\\\n]|\\[^\n])*"'
    r"|(?>\.?[A-Za-z_][A-Za-z0-9_]*|\$[A-Za-z0-9_]*|\.)"
    + _TERMINATOR_AHEAD
    + r"|[0-9]+(?=[ \t\r\n|]|\Z)"
    r"|[|,=]|:="
)
# The type of a simple token by its first character; letters are looked up as words.
_SIMPLE_KINDS = dict.fromkeys(_SPACE_CHARS, _SPACE) | dict.fromkeys("0123456789", TokenType.NUMBER)
_SIMPLE_KINDS |= {
    '"': TokenType.STRING,
    ".": TokenType.FIELD,
    "$": TokenType.VARIABLE,
    "|": TokenType.PIPE,
    ",": TokenType.CHAR,
    "=": TokenType.ASSIGN,
    ":": TokenType.DECLARE,
}


RawToken = tuple[TokenType, str, int]


def lex(
    text: str, *, break_ok: bool = True, continue_ok: bool = True, emit_comments: bool = False
) -> list[Token]:
    """All tokens of `text`, ending with an EOF token or with the first ERROR token.

    `break_ok`/`continue_ok` are false when a function of that name exists, as in Go, which then
    reads the word as an identifier.
    """
    raw = lex_raw(text, break_ok=break_ok, continue_ok=continue_ok, emit_comments=emit_comments)
    tokens, line, counted = [], 1, 0
    for type_, value, pos in raw:
        line += text.count("\n", counted, pos)
        counted = pos
        tokens.append(Token(type_, value, pos, line))
    return tokens


def lex_raw(
    text: str, *, break_ok: bool = True, continue_ok: bool = True, emit_comments: bool = False
) -> list[RawToken]:
    """`lex` as plain (type, value, pos) tuples, which the parser reads: building a frozen
    dataclass per token would cost more than the rest of lexing. Go's line of a token is always
    1 + the newlines before it, so it is worked out only when an error needs it."""
    lexer = _Lexer(text, emit_comments)
    if not break_ok or not continue_ok:
        lexer.words = dict(_WORDS)
        for word, allowed in (("break", break_ok), ("continue", continue_ok)):
            if not allowed:
                lexer.words[word] = TokenType.IDENTIFIER
    pos: int | None = 0
    while pos is not None:
        pos = lexer.lex_text(pos)
    return lexer.tokens


def _scan_number(text: str, pos: int) -> tuple[bool, int]:
    """Go's scanNumber: whether a number starts at `pos`, and where it (or the bad part) ends.

    Deliberately loose like Go's ("089", "0x0.2" pass); the parser rejects what does not convert.
    """
    n = len(text)
    if pos < n and text[pos] in "+-":
        pos += 1
    digits = _DECIMAL
    if pos < n and text[pos] == "0":
        pos += 1
        prefix = text[pos : pos + 1]
        if prefix and prefix in "xXoObB":
            pos += 1
            digits = _BASE_DIGITS[prefix.lower()]
    while pos < n and text[pos] in digits:
        pos += 1
    if pos < n and text[pos] == ".":
        pos += 1
        while pos < n and text[pos] in digits:
            pos += 1
    exponent = "eE" if digits is _DECIMAL else "pP" if digits is _BASE_DIGITS["x"] else ""
    if exponent and pos < n and text[pos] in exponent:
        pos += 1
        if pos < n and text[pos] in "+-":
            pos += 1
        while pos < n and text[pos] in _DECIMAL:
            pos += 1
    if pos < n and text[pos] == "i":
        pos += 1
    if pos < n and _is_alphanumeric(text[pos]):
        return False, pos + 1
    return True, pos


def _is_alphanumeric(char: str) -> bool:
    return char == "_" or char.isalpha() or char.isdecimal()


class _Lexer:
    __slots__ = ("emit_comments", "n", "paren_depth", "text", "tokens", "words")

    def __init__(self, text: str, emit_comments: bool) -> None:
        self.text = text
        self.n = len(text)
        self.tokens: list[RawToken] = []
        self.paren_depth = 0
        self.words = _WORDS
        self.emit_comments = emit_comments

    def emit(self, type_: TokenType, value: str, pos: int) -> None:
        self.tokens.append((type_, value, pos))

    def error(self, message: str, pos: int) -> None:
        self.emit(TokenType.ERROR, message, pos)

    def lex_text(self, pos: int) -> int | None:
        """Text up to the next `{{`, then the action or comment; the position after it."""
        text = self.text
        delim = text.find("{{", pos)
        tokens = self.tokens
        if delim < 0:
            if pos < self.n:
                tokens.append((TokenType.TEXT, text[pos:], pos))
            tokens.append((TokenType.EOF, "", self.n))
            return None
        after = delim + 2
        trim = text.startswith("-", after) and text[after + 1 : after + 2] in _SPACE_TUPLE
        if delim > pos:
            chunk = text[pos:delim]
            if trim:
                chunk = chunk.rstrip(_SPACE_CHARS)
            if chunk:
                tokens.append((TokenType.TEXT, chunk, pos))
        if trim:
            after += 2
        if text.startswith("/*", after):
            return self.lex_comment(after)
        tokens.append((TokenType.LEFT_DELIM, "{{", delim))
        self.paren_depth = 0
        end = self.lex_simple_action(after)
        if end is not None:
            return end
        return self.lex_inside_action(after)

    def lex_simple_action(self, pos: int) -> int | None:
        """The tokens of an action made of simple tokens only (see `_SIMPLE_TOKENS`), and the
        position after it; None, having emitted nothing, for any other action."""
        text = self.text
        # Only a string token may hold "}}", and a string cut short here matches nothing: so
        # when the tokens cover everything up to the first "}}", that is the action's end.
        close = text.find("}}", pos)
        if close < 0:
            return None
        end = close
        if text[close - 1] == "-" and close - 2 >= pos and text[close - 2] in _SPACE_CHARS:
            end = close - 2  # " -}}"
        values = _SIMPLE_TOKENS.findall(text, pos, end)
        if sum(map(len, values)) != end - pos:
            return None
        tokens, words = self.tokens, self.words
        for value in values:
            kind = _SIMPLE_KINDS.get(value[0])
            if kind is None:
                kind = words.get(value, _IDENTIFIER)
            elif value == ".":
                kind = TokenType.DOT
            tokens.append((kind, value, pos))
            pos += len(value)
        tokens.append((_RIGHT_DELIM, "}}", close))
        if end == close:
            return close + 2
        return _SPACE_RUN.match(text, close + 2).end()

    def lex_comment(self, pos: int) -> int | None:
        text = self.text
        close = text.find("*/", pos + 2)
        if close < 0:
            return self.error("unclosed comment", pos)
        end = close + 2
        trim = self.at_trimmed_right_delim(end)
        if not trim and not text.startswith("}}", end):
            return self.error("comment ends before closing delimiter", pos)
        if self.emit_comments:
            self.emit(TokenType.COMMENT, text[pos:end], pos)
        if trim:
            return _SPACE_RUN.match(text, end + 4).end()
        return end + 2

    def at_trimmed_right_delim(self, pos: int) -> bool:
        return self.text[pos : pos + 1] in _SPACE_TUPLE and self.text.startswith("-}}", pos + 1)

    def lex_right_delim(self, pos: int) -> int | None:
        """`}}` or ` -}}` at `pos`; the position after it and any space it trims."""
        if self.paren_depth:
            return self.error("unclosed left paren", pos)
        if self.text[pos] != "}":
            self.emit(TokenType.RIGHT_DELIM, "}}", pos + 2)
            return _SPACE_RUN.match(self.text, pos + 4).end()
        self.emit(TokenType.RIGHT_DELIM, "}}", pos)
        return pos + 2

    def lex_inside_action(self, pos: int) -> int | None:
        """Tokens up to the closing delimiter; the position after it, or None after an error."""
        text, n, tokens = self.text, self.n, self.tokens
        while True:
            if pos >= n:
                return self.error("unclosed action", pos)
            char = text[pos]
            if char in _SPACE_CHARS:
                end = _SPACE_RUN.match(text, pos).end()
                if text.startswith("-}}", end):
                    end -= 1  # the last space belongs to " -}}"
                    if end == pos:
                        return self.lex_right_delim(pos)
                tokens.append((_SPACE, text[pos:end], pos))
                pos = end
                continue
            if char == "}" and text.startswith("}}", pos):
                return self.lex_right_delim(pos)
            pos = _SCANNERS.get(char, _Lexer.lex_other)(self, pos)
            if pos is None:
                return None

    def lex_other(self, pos: int) -> int | None:
        """A non-ASCII letter starts an identifier; anything else is a lone character."""
        if _is_alphanumeric(self.text[pos]):
            return self.lex_identifier(pos)
        return self.lex_char(pos)

    def lex_single(self, pos: int) -> int:
        self.emit(_SINGLE[self.text[pos]], self.text[pos], pos)
        return pos + 1

    def lex_declare(self, pos: int) -> int | None:
        if self.text[pos + 1 : pos + 2] != "=":
            return self.error("expected :=", pos)
        self.emit(TokenType.DECLARE, ":=", pos)
        return pos + 2

    def lex_left_paren(self, pos: int) -> int:
        self.paren_depth += 1
        self.emit(TokenType.LEFT_PAREN, "(", pos)
        return pos + 1

    def lex_right_paren(self, pos: int) -> int | None:
        self.paren_depth -= 1
        if self.paren_depth < 0:
            return self.error("unexpected right paren", pos)
        self.emit(TokenType.RIGHT_PAREN, ")", pos)
        return pos + 1

    def lex_quote(self, pos: int) -> int | None:
        match = _QUOTED.match(self.text, pos)
        if match is None:
            return self.error("unterminated quoted string", pos)
        self.tokens.append((TokenType.STRING, match.group(), pos))
        return match.end()

    def lex_raw_quote(self, pos: int) -> int | None:
        close = self.text.find("`", pos + 1)
        if close < 0:
            return self.error("unterminated raw quoted string", pos)
        self.emit(TokenType.RAW_STRING, self.text[pos : close + 1], pos)
        return close + 1

    def lex_char_constant(self, pos: int) -> int | None:
        match = _CHAR_CONSTANT.match(self.text, pos)
        if match is None:
            return self.error("unterminated character constant", pos)
        self.emit(TokenType.CHAR_CONSTANT, match.group(), pos)
        return match.end()

    def lex_variable(self, pos: int) -> int | None:
        return self.lex_chain(pos, TokenType.VARIABLE)

    def lex_dot(self, pos: int) -> int | None:
        following = self.text[pos + 1 : pos + 2]
        if not following or "0" <= following <= "9":
            return self.lex_number(pos)
        return self.lex_chain(pos, TokenType.FIELD)

    def lex_chain(self, pos: int, type_: TokenType) -> int | None:
        """`.A.B.C` or `$x.A.B` in one match when ASCII, emitted as Go's one token per part."""
        text = self.text
        match = _CHAIN.match(text, pos)
        if match is None:
            return self.lex_field_or_variable(pos, type_)
        end = match.end()
        tokens = self.tokens
        for part in text[pos + 1 : end].split("."):
            tokens.append((type_, text[pos] + part, pos))
            pos += len(part) + 1
            type_ = TokenType.FIELD
        return end

    def lex_field_or_variable(self, pos: int, type_: TokenType) -> int | None:
        """`.Name` or `$name`; a lone `.` is the dot and a lone `$` the variable `$`."""
        end = self.scan_word(pos + 1)
        if not self.at_terminator(end):
            return self.error(f"bad character {describe_rune(self.text[end])}", pos)
        if end == pos + 1 and type_ is TokenType.FIELD:
            type_ = TokenType.DOT
        self.emit(type_, self.text[pos:end], pos)
        return end

    def lex_identifier(self, pos: int) -> int | None:
        match = _ASCII_IDENTIFIER.match(self.text, pos)
        if match is not None:
            word = match.group()
            self.tokens.append((self.words.get(word, _IDENTIFIER), word, pos))
            return match.end()
        end = self.scan_word(pos)
        if not self.at_terminator(end):
            return self.error(f"bad character {describe_rune(self.text[end])}", pos)
        word = self.text[pos:end]
        self.tokens.append((self.words.get(word, TokenType.IDENTIFIER), word, pos))
        return end

    def lex_number(self, pos: int) -> int | None:
        text = self.text
        ok, end = _scan_number(text, pos)
        if not ok:
            return self.error(f"bad number syntax: {quote(text[pos:end])}", pos)
        if text[end : end + 1] in ("+", "-"):
            ok, end = _scan_number(text, end)
            if not ok or text[end - 1] != "i":
                return self.error(f"bad number syntax: {quote(text[pos:end])}", pos)
            self.emit(TokenType.COMPLEX, text[pos:end], pos)
        else:
            self.emit(TokenType.NUMBER, text[pos:end], pos)
        return end

    def lex_char(self, pos: int) -> int | None:
        char = self.text[pos]
        if " " < char < "\x7f":
            self.emit(TokenType.CHAR, char, pos)
            return pos + 1
        return self.error(f"unrecognized character in action: {describe_rune(char)}", pos)

    def scan_word(self, pos: int) -> int:
        text, n = self.text, self.n
        pos = _ASCII_WORD.match(text, pos).end()
        # Go's letters and digits are Unicode ones; take those one at a time.
        while pos < n and text[pos] >= "\x80" and _is_alphanumeric(text[pos]):
            pos = _ASCII_WORD.match(text, pos + 1).end()
        return pos

    def at_terminator(self, pos: int) -> bool:
        """Whether an identifier may end here; Go's way of splitting `.X.Y` and refusing `$x+2`."""
        if pos >= self.n:
            return True
        char = self.text[pos]
        return char in _TERMINATORS or (char == "}" and self.text.startswith("}}", pos))


_SCANNERS = {
    "=": _Lexer.lex_single,
    "|": _Lexer.lex_single,
    ":": _Lexer.lex_declare,
    "(": _Lexer.lex_left_paren,
    ")": _Lexer.lex_right_paren,
    '"': _Lexer.lex_quote,
    "`": _Lexer.lex_raw_quote,
    "'": _Lexer.lex_char_constant,
    "$": _Lexer.lex_variable,
    ".": _Lexer.lex_dot,
    "+": _Lexer.lex_number,
    "-": _Lexer.lex_number,
}
_SCANNERS |= dict.fromkeys("0123456789", _Lexer.lex_number)
_SCANNERS |= dict.fromkeys(string.ascii_letters + "_", _Lexer.lex_identifier)
