import pytest

from lifecycle.gotemplate.callables import GoPanic
from lifecycle.gotemplate.sprig.regex import FUNCTIONS


def call(name, *args):
    return FUNCTIONS[name].impl(*args)


def test_regex_match_searches_anywhere_and_is_false_for_a_bad_pattern():
    assert call("regexMatch", "[0-9]", "a1") is True
    assert call("regexMatch", "(", "x") is False


def test_dollar_is_the_end_of_the_text_unless_multiline():
    assert call("regexMatch", "a$", "a\n") is False
    assert call("regexMatch", "(?m)a$", "a\nb") is True


def test_perl_classes_and_word_boundaries_are_ascii():
    assert call("regexFind", "\\d+", "\u0663 42") == "42"
    assert call("regexFindAll", "\\s", "a\vb c", -1) == [" "]
    assert call("regexFindAll", "\\w+", "héllo", -1) == ["h", "llo"]


def test_flags_apply_to_the_rest_of_their_group():
    assert call("regexFindAll", "a(?i)b", "aB AB", -1) == ["aB"]
    assert call("regexFindAll", "(a(?i)b)c", "aBc aBC", -1) == ["aBc"]
    assert call("regexFindAll", "(?U)a+", "aaa", -1) == ["a", "a", "a"]


def test_find_all_skips_an_empty_match_right_after_a_match():
    assert call("regexFindAll", "a*", "baaac", -1) == ["", "aaa", ""]
    assert call("regexFindAll", "[0-9]+", "a1b22c333", 2) == ["1", "22"]
    assert call("regexFindAll", "x", "abc", -1) == []


def test_replace_all_expands_go_references():
    assert call("regexReplaceAll", "a(x*)b", "-ab-axxb-", "${1}W") == "-W-xxW-"
    assert call("regexReplaceAll", "a(x*)b", "-ab-axxb-", "$1W") == "---"
    assert call("regexReplaceAll", "(?P<k>\\w+)=(?P<v>\\w+)", "a=1", "$v:$k") == "1:a"
    assert call("regexReplaceAll", "(\\w+)", "hello", "$$1 $ ${1") == "$1 $ ${1"
    assert call("regexReplaceAll", "a*", "baaac", "-") == "-b-c-"


def test_replace_all_literal_takes_the_replacement_as_is():
    assert call("regexReplaceAllLiteral", "a(x*)b", "-ab-", "${1}") == "-${1}-"


def test_split_limits_pieces_and_gives_nothing_for_zero():
    assert call("regexSplit", ",", "a,b,c", -1) == ["a", "b", "c"]
    assert call("regexSplit", ",", "a,b,c", 2) == ["a", "b,c"]
    assert call("regexSplit", ",", "a,b,c", 0) == []
    assert call("regexSplit", "", "abc", -1) == ["a", "b", "c"]
    assert call("regexSplit", "x*", "axbc", -1) == ["a", "b", "c"]


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("(", "missing closing ): `(`"),
        (")", "unexpected ): `)`"),
        ("a**", "invalid nested repetition operator: `**`"),
        ("*", "missing argument to repetition operator: `*`"),
        ("a{2,1}", "invalid repeat count: `{2,1}`"),
        ("(a{1000}){1000}", "invalid repeat count: `{1000}`"),
        ("(?=a)", "invalid or unsupported Perl syntax: `(?=`"),
        ("\\1", "invalid escape sequence: `\\1`"),
        ("[z-a]", "invalid character class range: `z-a`"),
        ("[[:foo:]]", "invalid character class range: `[:foo:]`"),
        ("[a", "missing closing ]: `[a`"),
        ("(?P<a-b>x)", "invalid named capture: `(?P<a-b>`"),
        ("a\\", "trailing backslash at end of expression: ``"),
    ],
)
def test_patterns_re2_refuses_panic_with_gos_message(pattern, message):
    with pytest.raises(GoPanic) as panic:
        call("regexFind", pattern, "x")
    assert str(panic.value) == f"regexp: Compile(`{pattern}`): error parsing regexp: {message}"


def test_a_pattern_that_cannot_be_backquoted_is_quoted_in_the_panic():
    with pytest.raises(GoPanic, match=r'^regexp: Compile\("`\("\)'):
        call("regexFind", "`(", "x")


def test_re2_syntax_python_lacks_still_works():
    assert call("regexFind", "[[:alpha:]]+", "12ab3") == "ab"
    assert call("regexFind", "\\Qa.b\\E", "axb a.b") == "a.b"
    assert call("regexFind", "\\x{41}\\101", "AA") == "AA"
    assert call("regexFind", "a{,2}", "a{,2}") == "a{,2}"
    assert call("regexFind", "(?P<1a>x)", "x") == "x"
    assert call("regexFind", "\\pL+", "héllo") == "héllo"
