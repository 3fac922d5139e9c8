"""Go's lexer: token kinds, offsets, lines, trim markers and lexical errors."""

from lifecycle.gotemplate.lexer import Token, TokenType, lex

T = TokenType


def kinds_and_values(text, **options):
    return [(token.type, token.value) for token in lex(text, **options)]


def test_text_without_actions_is_one_text_token_then_eof():
    assert lex("just text") == [Token(T.TEXT, "just text", 0, 1), Token(T.EOF, "", 9, 1)]


def test_tokens_carry_their_character_offset_and_line():
    tokens = lex("é\n{{ .A }}\nx")
    assert [(t.type, t.pos, t.line) for t in tokens] == [
        (T.TEXT, 0, 1),
        (T.LEFT_DELIM, 2, 2),
        (T.SPACE, 4, 2),
        (T.FIELD, 5, 2),
        (T.SPACE, 7, 2),
        (T.RIGHT_DELIM, 8, 2),
        (T.TEXT, 10, 2),
        (T.EOF, 12, 3),
    ]


def test_trim_markers_remove_the_space_around_an_action():
    assert kinds_and_values("a \n{{- 1 -}}\t b") == [
        (T.TEXT, "a"),
        (T.LEFT_DELIM, "{{"),
        (T.NUMBER, "1"),
        (T.RIGHT_DELIM, "}}"),
        (T.TEXT, "b"),
        (T.EOF, ""),
    ]


def test_a_minus_without_a_space_is_a_negative_number_not_a_trim_marker():
    expected = [(T.TEXT, "a "), (T.LEFT_DELIM, "{{"), (T.NUMBER, "-3")]
    assert kinds_and_values("a {{-3}}")[:3] == expected


def test_a_field_chain_is_one_token_per_field():
    assert kinds_and_values("{{$x.A.B .C.d1}}")[1:-2] == [
        (T.VARIABLE, "$x"),
        (T.FIELD, ".A"),
        (T.FIELD, ".B"),
        (T.SPACE, " "),
        (T.FIELD, ".C"),
        (T.FIELD, ".d1"),
    ]


def test_unicode_letters_belong_to_names():
    assert kinds_and_values("{{.Größe.ß}}")[1:3] == [(T.FIELD, ".Größe"), (T.FIELD, ".ß")]


def test_a_lone_dot_is_the_cursor_and_a_lone_dollar_a_variable():
    assert kinds_and_values("{{. $ $.A}}")[1:-2] == [
        (T.DOT, "."),
        (T.SPACE, " "),
        (T.VARIABLE, "$"),
        (T.SPACE, " "),
        (T.VARIABLE, "$"),
        (T.FIELD, ".A"),
    ]


def test_keywords_booleans_and_identifiers():
    text = "{{if else end range with define template block break continue nil true f}}"
    words = [t for t in kinds_and_values(text)[1:-2] if t[0] is not T.SPACE]
    assert words == [
        (T.IF, "if"),
        (T.ELSE, "else"),
        (T.END, "end"),
        (T.RANGE, "range"),
        (T.WITH, "with"),
        (T.DEFINE, "define"),
        (T.TEMPLATE, "template"),
        (T.BLOCK, "block"),
        (T.BREAK, "break"),
        (T.CONTINUE, "continue"),
        (T.NIL, "nil"),
        (T.BOOL, "true"),
        (T.IDENTIFIER, "f"),
    ]


def test_break_is_an_identifier_when_a_function_has_that_name():
    assert kinds_and_values("{{break}}", break_ok=False)[1] == (T.IDENTIFIER, "break")


def test_numbers_of_every_go_form_are_single_tokens():
    text = "{{0x1F 0o17 0b101 1_000 1e3 .5 0x1p-2 1i 'a'}}"
    values = [t for t in kinds_and_values(text)[1:-2] if t[0] is not T.SPACE]
    assert values == [
        (T.NUMBER, "0x1F"),
        (T.NUMBER, "0o17"),
        (T.NUMBER, "0b101"),
        (T.NUMBER, "1_000"),
        (T.NUMBER, "1e3"),
        (T.NUMBER, ".5"),
        (T.NUMBER, "0x1p-2"),
        (T.NUMBER, "1i"),
        (T.CHAR_CONSTANT, "'a'"),
    ]


def test_a_sign_after_a_number_makes_a_complex_constant():
    assert kinds_and_values("{{1+2i}}")[1] == (T.COMPLEX, "1+2i")


def test_quoted_strings_keep_their_quotes_and_escapes():
    text = '{{"a\\"b" `r\\n`}}'
    assert kinds_and_values(text)[1:4] == [
        (T.STRING, '"a\\"b"'),
        (T.SPACE, " "),
        (T.RAW_STRING, "`r\\n`"),
    ]


def test_operators_and_parentheses():
    values = kinds_and_values("{{$x := (f 1) | g, $y = 2}}")[1:-2]
    assert [t for t in values if t[0] is not T.SPACE] == [
        (T.VARIABLE, "$x"),
        (T.DECLARE, ":="),
        (T.LEFT_PAREN, "("),
        (T.IDENTIFIER, "f"),
        (T.NUMBER, "1"),
        (T.RIGHT_PAREN, ")"),
        (T.PIPE, "|"),
        (T.IDENTIFIER, "g"),
        (T.CHAR, ","),
        (T.VARIABLE, "$y"),
        (T.ASSIGN, "="),
        (T.NUMBER, "2"),
    ]


def test_comments_are_dropped_unless_asked_for():
    assert kinds_and_values("a{{/* c */}}b") == [(T.TEXT, "a"), (T.TEXT, "b"), (T.EOF, "")]
    assert kinds_and_values("{{- /* c */ -}}", emit_comments=True)[0] == (T.COMMENT, "/* c */")


def test_an_error_token_ends_the_stream_at_the_offending_offset():
    assert lex("{{ .A 1x }}")[-1] == Token(T.ERROR, 'bad number syntax: "1x"', 6, 1)
    assert lex("{{ .A\n")[-1] == Token(T.ERROR, "unclosed action", 6, 2)
    assert lex("{{ (1 }}")[-1] == Token(T.ERROR, "unclosed left paren", 6, 1)
    assert lex("{{ § }}")[-1].value == "unrecognized character in action: U+00A7 '§'"


def test_a_name_must_end_at_a_terminator():
    assert lex("{{ .A-1 }}")[-1] == Token(T.ERROR, "bad character U+002D '-'", 3, 1)


def test_tokens_print_as_go_names_them_in_messages():
    assert str(Token(T.IF, "if", 0, 1)) == "<if>"
    assert str(Token(T.CHAR, "}", 0, 1)) == '"}"'
    assert str(Token(T.STRING, '"0123456789abc"', 0, 1)) == '"\\"012345678"...'
    assert str(Token(T.EOF, "", 0, 1)) == "EOF"
