import math

import pytest

from lifecycle.gotemplate.sprig.conversion import FUNCTIONS, parse_float, parse_int
from lifecycle.gotemplate.values import Int64


def call(name, *args):
    return FUNCTIONS[name].impl(*args)


def test_to_string_gives_bytes_as_text_and_anything_else_as_go_prints_it():
    assert call("toString", b"pass") == "pass"
    assert call("toString", 42) == "42"
    assert call("toString", None) == "<nil>"
    assert call("toString", [1, "a"]) == "[1 a]"
    assert call("toString", {"b": 1, "a": 2}) == "map[a:2 b:1]"


@pytest.mark.parametrize(
    ("text", "value"),
    [("42", 42), ("-7", -7), ("0x1F", 31), ("0b101", 5), ("0o17", 15), ("010", 8),
     ("1_000", 1000), ("0_7", 7), ("9223372036854775807", 9223372036854775807)],
)  # fmt: skip
def test_parse_int_reads_go_integer_literals(text, value):
    assert parse_int(text) == value


@pytest.mark.parametrize(
    "text", ["08", "", " 1", "1.0", "_1", "1_", "1__0", "0x", "9223372036854775808"]
)
def test_parse_int_refuses_what_strconv_refuses(text):
    assert parse_int(text) is None


def test_parse_float_reads_go_float_literals_and_refuses_overflow():
    assert parse_float("1_000.5") == 1000.5
    assert parse_float("0x1p4") == 16.0
    assert parse_float("-Infinity") == -math.inf
    assert math.isnan(parse_float("NaN"))
    assert parse_float("1e-400") == 0.0
    for text in ("1e400", "+nan", "1_e5", "0x1", "1e", ".", "infx"):
        assert parse_float(text) is None


def test_int_and_int64_read_values_as_cast_does():
    assert call("int", "42") == 42
    assert call("int", 3.9) == 3 and call("int", -3.9) == -3
    assert call("int", "3.9") == 0
    assert call("int", True) == 1
    assert call("int", None) == 0
    assert call("int", "08") == 0
    assert call("int", [1]) == 0
    assert type(call("int64", "5")) is Int64


def test_float64_reads_strings_and_bools():
    assert call("float64", "2.5") == 2.5
    assert call("float64", True) == 1.0
    assert call("float64", "abc") == 0.0


def test_atoi_keeps_the_clamped_value_strconv_returns_with_its_range_error():
    assert call("atoi", "42") == 42
    assert call("atoi", "4x") == 0
    assert call("atoi", "0x1F") == 0
    assert call("atoi", "99999999999999999999") == 9223372036854775807


def test_to_decimal_reads_the_printed_value_as_octal():
    assert call("toDecimal", "0777") == 511
    assert call("toDecimal", 755) == 493
    assert call("toDecimal", "8") == 0
