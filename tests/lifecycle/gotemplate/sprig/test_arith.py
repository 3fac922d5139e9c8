import pytest

from lifecycle.gotemplate.callables import GoPanic
from lifecycle.gotemplate.sprig.arith import FUNCTIONS
from lifecycle.gotemplate.values import Int64


def call(name, *args):
    return FUNCTIONS[name].impl(*args)


def test_add_reads_every_value_as_int64():
    assert call("add", 1, 2, 3) == 6
    assert call("add") == 0
    assert call("add", "4", 1.9, True, None) == 6
    assert type(call("add", 1)) is Int64


def test_results_wrap_around_like_int64():
    assert call("add", 9223372036854775807, 1) == -9223372036854775808
    assert call("mul", 4611686018427387904, 2) == -9223372036854775808


def test_division_truncates_toward_zero_and_the_remainder_keeps_the_dividend_sign():
    assert call("div", 7, 2) == 3
    assert call("div", -7, 2) == -3
    assert call("mod", -7, 3) == -1
    assert call("mod", 7, -3) == 1


def test_dividing_by_zero_is_gos_runtime_panic():
    with pytest.raises(GoPanic, match=r"^runtime error: integer divide by zero$"):
        call("div", 1, 0)
    with pytest.raises(GoPanic, match=r"^runtime error: integer divide by zero$"):
        call("mod", 1, "x")


def test_max_and_min_compare_as_int64():
    assert call("max", 1, 5, 3) == 5
    assert call("biggest", -1, "7") == 7
    assert call("min", 4, 2, 8) == 2
    assert call("min", 4) == 4


def test_ceil_floor_and_round_return_floats():
    assert call("ceil", 1.2) == 2.0 and isinstance(call("ceil", 1.2), float)
    assert call("floor", "2.7") == 2.0
    assert call("round", 3.14159, 2) == 3.14
    assert call("round", 1.2345, 3, 0.4) == 1.235


def test_round_goes_down_for_negative_halves():
    assert call("round", 2.5, 0) == 3.0
    assert call("round", -2.5, 0) == -3.0


def test_until_counts_toward_its_bound_and_until_step_needs_a_step_that_gets_there():
    assert call("until", 3) == [0, 1, 2]
    assert call("until", -3) == [0, -1, -2]
    assert call("until", 3).type_name == "[]int"
    assert call("untilStep", 0, 10, 3) == [0, 3, 6, 9]
    assert call("untilStep", 10, 0, -4) == [10, 6, 2]
    assert call("untilStep", 0, 10, 0) == []
    assert call("untilStep", 10, 0, 2) == []
