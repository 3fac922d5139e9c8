"""sprig v2.22.0's arithmetic: int64 maths on values read by cast (see conversion.py).

Results wrap around like Go's int64; dividing by zero is Go's runtime panic.
"""

import math

from lifecycle.gotemplate.callables import Function, GoPanic
from lifecycle.gotemplate.sprig.conversion import to_float64, to_int64, wrap_int64
from lifecycle.gotemplate.values import Int64, TypedList


def add(*values: object) -> Int64:
    return Int64(wrap_int64(sum(map(to_int64, values))))


def add1(value: object) -> Int64:
    return Int64(wrap_int64(to_int64(value) + 1))


def sub(a: object, b: object) -> Int64:
    return Int64(wrap_int64(to_int64(a) - to_int64(b)))


def mul(a: object, *values: object) -> Int64:
    product = to_int64(a)
    for value in values:
        product = wrap_int64(product * to_int64(value))
    return Int64(product)


def _divisor(value: object) -> int:
    divisor = to_int64(value)
    if divisor == 0:
        raise GoPanic("runtime error: integer divide by zero")
    return divisor


def div(a: object, b: object) -> Int64:
    """Go's integer division truncates toward zero (Python's floors)."""
    dividend, divisor = to_int64(a), _divisor(b)
    quotient = abs(dividend) // abs(divisor)
    return Int64(wrap_int64(quotient if (dividend < 0) == (divisor < 0) else -quotient))


def mod(a: object, b: object) -> Int64:
    """Go's remainder takes the dividend's sign."""
    dividend, divisor = to_int64(a), _divisor(b)
    remainder = abs(dividend) % abs(divisor)
    return Int64(-remainder if dividend < 0 else remainder)


def biggest(a: object, *values: object) -> Int64:
    return Int64(max(map(to_int64, (a, *values))))


def smallest(a: object, *values: object) -> Int64:
    return Int64(min(map(to_int64, (a, *values))))


def round_(value: object, places: int, *round_on: float) -> float:
    """sprig's round: up once the fraction reaches `round_on` (0.5), which for negative
    numbers, whose fraction is negative, means always down."""
    threshold = round_on[0] if round_on else 0.5
    power = math.pow(10, float(places))
    digits = power * to_float64(value)
    fraction = math.modf(digits)[0]
    return (math.ceil(digits) if fraction >= threshold else math.floor(digits)) / power


def until_step(start: int, stop: int, step: int) -> TypedList:
    if (stop < start and step < 0) or (stop >= start and step > 0):
        return TypedList(range(start, stop, step), type_name="[]int")
    return TypedList(type_name="[]int")


def until(count: int) -> TypedList:
    return until_step(0, count, -1 if count < 0 else 1)


_ANY = "interface {}"
_I = "int"

FUNCTIONS: dict[str, Function] = {
    "add": Function("add", (_ANY,), add, variadic=True),
    "add1": Function("add1", (_ANY,), add1),
    "sub": Function("sub", (_ANY, _ANY), sub),
    "mul": Function("mul", (_ANY, _ANY), mul, variadic=True),
    "div": Function("div", (_ANY, _ANY), div),
    "mod": Function("mod", (_ANY, _ANY), mod),
    "max": Function("max", (_ANY, _ANY), biggest, variadic=True),
    "biggest": Function("biggest", (_ANY, _ANY), biggest, variadic=True),
    "min": Function("min", (_ANY, _ANY), smallest, variadic=True),
    "ceil": Function("ceil", (_ANY,), lambda value: float(math.ceil(to_float64(value)))),
    "floor": Function("floor", (_ANY,), lambda value: float(math.floor(to_float64(value)))),
    "round": Function("round", (_ANY, _I, "float64"), round_, variadic=True),
    "until": Function("until", (_I,), until),
    "untilStep": Function("untilStep", (_I, _I, _I), until_step),
}
