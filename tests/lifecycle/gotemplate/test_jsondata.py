"""Template data in JSON reads as the Go oracle reads it."""

import pytest

from lifecycle.gotemplate.jsondata import loads


def test_bytes_ints_and_floats_are_told_apart_as_go_does():
    data = loads('{"s": {"$bytes": "cGFzcw=="}, "i": 3, "f": 1.5, "e": 1e3, "n": null}')
    assert data == {"s": b"pass", "i": 3, "f": 1.5, "e": 1000.0, "n": None}
    assert isinstance(data["e"], float) and isinstance(data["i"], int)


def test_an_integer_beyond_int64_is_a_float64():
    assert loads("[9223372036854775807, 9223372036854775808]") == [2**63 - 1, 2.0**63]
    assert isinstance(loads("9223372036854775808"), float)


def test_a_bytes_marker_that_is_not_base64_or_not_alone_stays_a_map():
    assert loads('{"$bytes": "!!"}') == {"$bytes": "!!"}
    assert loads('{"$bytes": "cGFzcw==", "x": 1}') == {"$bytes": "cGFzcw==", "x": 1}


def test_nan_and_infinity_are_not_json():
    with pytest.raises(ValueError, match="NaN is not JSON"):
        loads('{"x": NaN}')
