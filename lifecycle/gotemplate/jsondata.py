"""Template data written as JSON, read as the Go oracle reads it.

`{"$bytes": "<base64>"}` is a []byte (Secret data is bytes in Kanister), a number that is an
int64 is a Go int, any other number a float64; objects are map[string]interface{}.
"""

import base64
import binascii
import json

_INT64 = range(-(2**63), 2**63)


def loads(text: str) -> object:
    """Template data from JSON text; ValueError (json.JSONDecodeError) when it is not JSON."""
    return from_json(json.loads(text, parse_int=_number, parse_constant=_refuse))


def from_json(value: object) -> object:
    """Template data from already decoded JSON."""
    if isinstance(value, dict):
        if len(value) == 1 and isinstance(value.get("$bytes"), str):
            try:
                return base64.b64decode(value["$bytes"], validate=True)
            except binascii.Error:
                pass  # Go keeps a map whose "$bytes" is not base64 as the map it is
        return {key: from_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [from_json(item) for item in value]
    if isinstance(value, int) and not isinstance(value, bool) and value not in _INT64:
        return float(value)
    return value


def _number(text: str) -> int | float:
    number = int(text)
    return number if number in _INT64 else float(text)


def _refuse(name: str) -> float:
    raise ValueError(f"{name} is not JSON")
