import pytest

from lifecycle.gotemplate.callables import GoPanic
from lifecycle.gotemplate.sprig.strings import FUNCTIONS


def call(name, *args):
    return FUNCTIONS[name].impl(*args)


def test_signatures_take_the_string_last_so_pipelines_feed_it():
    assert FUNCTIONS["trunc"].params == ("int", "string")
    assert FUNCTIONS["substr"].params == ("int", "int", "string")
    assert FUNCTIONS["replace"].params == ("string", "string", "string")
    assert FUNCTIONS["quote"].params == ("interface {}",) and FUNCTIONS["quote"].variadic


def test_trim_removes_go_spaces_only():
    assert call("trim", " \t\n x \u00a0\u0085") == "x"
    assert call("trim", "\x1cx\x1f") == "\x1cx\x1f"  # Python's isspace would strip these


def test_trim_all_prefix_and_suffix_take_the_cutset_first():
    assert call("trimAll", "$", "$$5.00$") == "5.00"
    assert call("trimall", "ab", "abcba") == "c"
    assert call("trimPrefix", "/", "/backups/") == "backups/"
    assert call("trimSuffix", "/", "/backups/") == "/backups"


def test_case_changes_map_each_rune_to_one_rune():
    assert call("upper", "straße") == "STRAßE"
    assert call("upper", "\u1fb3") == "\u1fbc"  # not two letters, as Python spells it
    assert call("lower", "HELLO İ") == "hello i"


def test_title_upper_cases_after_any_separator_but_not_after_underscore():
    assert call("title", "hello wide-world o'neil") == "Hello Wide-World O'Neil"
    assert call("title", "héllo_world 3rd") == "Héllo_world 3rd"
    assert call("untitle", "Hello World") == "hello world"


def test_substr_counts_bytes_and_panics_like_a_go_slice():
    assert call("substr", 0, 5, "hello world") == "hello"
    assert call("substr", 6, -1, "hello world") == "world"
    assert call("substr", -1, 3, "hello") == "hel"
    assert call("substr", 2, 99, "hello") == "llo"
    assert call("substr", 0, 1, "é") == "\udcc3"  # half a UTF-8 sequence, kept as a raw byte
    with pytest.raises(GoPanic, match=r"^runtime error: slice bounds out of range \[:10\] with"):
        call("substr", -1, 10, "hello")
    with pytest.raises(GoPanic, match=r"^runtime error: slice bounds out of range \[7:5\]$"):
        call("substr", 7, 9, "hello")
    with pytest.raises(GoPanic, match=r"^runtime error: slice bounds out of range \[3:2\]$"):
        call("substr", 3, 2, "hello")


def test_trunc_keeps_the_end_for_a_negative_count():
    assert call("trunc", 5, "hello world") == "hello"
    assert call("trunc", -5, "hello world") == "world"
    assert call("trunc", -50, "hello") == "hello"


def test_repeat_refuses_a_negative_count():
    assert call("repeat", 3, "ab") == "ababab"
    with pytest.raises(GoPanic, match=r"^strings: negative Repeat count$"):
        call("repeat", -1, "x")


def test_nospace_reads_bytes_as_runes_once_it_removes_a_space():
    assert call("nospace", "a b\tc\nd") == "abcd"
    assert call("nospace", "héllo") == "héllo"
    assert call("nospace", "h é") == "hÃ©"


def test_abbrev_and_abbrevboth_follow_goutils():
    assert call("abbrev", 5, "hello world") == "he..."
    assert call("abbrev", 3, "hello world") == "hello world"
    assert call("abbrevboth", 5, 10, "1234 5678 9123") == "...5678..."
    assert call("abbrevboth", 1, 6, "1234 5678 9123") == "1234 5678 9123"


def test_initials_take_the_first_byte_of_each_word():
    assert call("initials", "First Try") == "FT"
    assert call("initials", "élan vital") == "Ãv"


def test_wrap_breaks_at_spaces_and_wrap_with_also_splits_long_words():
    assert call("wrap", 10, "The quick brown fox jumps") == "The quick\nbrown fox\njumps"
    assert call("wrap", 3, "abcdefgh ij") == "abcdefgh\nij"
    assert call("wrapWith", 3, "|", "abcdefgh") == "abc|def|gh"


def test_contains_and_prefixes_take_the_needle_first():
    assert call("contains", "cat", "catch") is True
    assert call("hasPrefix", "cat", "catch") is True
    assert call("hasSuffix", "cat", "catch") is False


def test_quote_and_squote_skip_nil_and_print_the_rest():
    assert call("quote", 'a"b', 1, None, b"pass") == '"a\\"b" "1" "pass"'
    assert call("squote", 1, None, "x") == "'1' 'x'"
    assert call("squote", b"ab") == "'[97 98]'"  # squote prints with %v, bytes as numbers
    assert call("quote") == ""


def test_cat_joins_non_nil_values_with_spaces():
    assert call("cat", "a", None, 1, 2.5, [1, 2]) == "a 1 2.5 [1 2]"


def test_indent_pads_every_line_and_nindent_starts_a_new_one():
    assert call("indent", 2, "a\nb") == "  a\n  b"
    assert call("nindent", 2, "a\nb") == "\n  a\n  b"


def test_replace_with_an_empty_old_string_inserts_around_each_rune():
    assert call("replace", "-", "_", "a-b-c") == "a_b_c"
    assert call("replace", "", "-", "abc") == "-a-b-c-"


def test_plural_is_one_only_for_exactly_one():
    assert [call("plural", "one", "many", n) for n in (0, 1, 2)] == ["many", "one", "many"]


def test_case_conversions_follow_xstrings_examples():
    assert call("snakecase", "FirstName") == "first_name"
    assert call("snakecase", "HTTPServer") == "http_server"
    assert call("snakecase", "NoHTTPS") == "no_https"
    assert call("snakecase", "GO_PATH") == "go_path"
    assert call("kebabcase", "FirstName") == "first-name"
    assert call("camelcase", "http_server") == "HttpServer"
    assert call("camelcase", "_complex__case_") == "_Complex_Case_"
    assert call("swapcase", "Hello World 123") == "hELLO wORLD 123"


def test_random_functions_are_marked_and_draw_from_their_alphabets():
    assert all(FUNCTIONS[name].varies for name in ("shuffle", "randAlphaNum", "randAscii"))
    assert call("randAlphaNum", 40).isalnum() and len(call("randAlphaNum", 40)) == 40
    assert call("randNumeric", 10).isdigit()
    assert call("randAlpha", 10).isalpha()
    assert call("randAlphaNum", -1) == ""
    assert sorted(call("shuffle", "abc")) == ["a", "b", "c"]
