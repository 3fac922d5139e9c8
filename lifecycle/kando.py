"""The output keys a phase's commands write with kando (shared/reference/kanister-templates.md
§4): `kando output KEY VALUE`, and `kando location push`, which writes the key its
`--output-name` gives (default `kandoOutput`)."""

import re
from collections.abc import Iterator

from lifecycle.model import Phase

_OUTPUT = re.compile(r"\bkando\s+output\s+(['\"]?)([A-Za-z0-9_]+)\1(?=\s)")
_COMPUTED = re.compile(r"\bkando\s+output\s+['\"]?[$`{]")
_PUSH = re.compile(r"\bkando\s+location\s+push\b")
_OUTPUT_NAME = re.compile(r"--output-name[= ]+(['\"]?)([A-Za-z0-9_]+)\1")
PUSH_OUTPUT = "kandoOutput"


def written_keys(phase: Phase) -> list[str]:
    """The keys the phase's commands write, in order, once each."""
    text = _commands(phase)
    keys = [match.group(2) for match in _OUTPUT.finditer(text)]
    if _PUSH.search(text):
        keys += [m.group(2) for m in _OUTPUT_NAME.finditer(text)] or [PUSH_OUTPUT]
    return list(dict.fromkeys(keys))


def computes_a_key(phase: Phase) -> bool:
    """Whether a command writes a key named by a variable or a template (`kando output $k`):
    then which keys it writes cannot be known."""
    return bool(_COMPUTED.search(_commands(phase)))


def _commands(phase: Phase) -> str:
    # A key must be followed by a space: the text ends with one so a last word counts.
    return "\n".join(strings_in(phase.args)) + "\n"


def strings_in(value: object) -> Iterator[str]:
    """Every string value inside nested maps and lists."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)
