"""Go functions as a template calls them: a Go signature beside a Python implementation.

The interpreter checks and converts arguments against `params` as Go's reflect-based call does
(an untyped number constant becomes the parameter's type; a value of the wrong type fails with
`wrong type for value; expected string; got int`), then calls `impl` with Go values (see
values.py). An implementation reports Go's error result by raising GoError and a Go panic by
raising GoPanic; the interpreter turns both into `error calling NAME: MESSAGE`.
"""

from collections.abc import Callable
from dataclasses import dataclass


class GoError(Exception):
    """The function returned a non-nil error (its second result)."""


class GoPanic(Exception):
    """The function panicked; text/template recovers and reports it like an error."""


@dataclass(frozen=True, slots=True)
class Function:
    """`params` are Go type spellings as reflect prints them ("string", "int", "interface {}",
    "[]interface {}", "map[string]interface {}", "time.Time", ...); when `variadic`, the last one
    is the element type of the `...` parameter. `returns_error` says the Go function has a second,
    error result. `varies` marks what a preview cannot reproduce: random values, the current
    time, the controller's environment or DNS."""

    name: str
    params: tuple[str, ...]
    impl: Callable[..., object]
    variadic: bool = False
    returns_error: bool = False
    varies: bool = False
