"""Where each character of a scalar's value was written in the file, whatever its YAML style."""

import re

import yaml

_WHITESPACE = " \t\r\n"
_NEXT_WHITESPACE = re.compile(r"[ \t\r\n]")
_ESCAPE_LENGTHS = {"x": 4, "u": 6, "U": 10}


def value_offsets(text: str, node: yaml.ScalarNode, base: int = 0) -> list[int]:
    """For each character of `node.value`, its offset in `text`; one more entry for the end.

    The node's marks index `text` from `base` on (a document's offset in its file).
    Block indentation, quotes, escapes and folded line breaks are skipped in step with the value.
    """
    start, end = base + node.start_mark.index, base + node.end_mark.index
    raw, value = text[start:end], node.value
    size, last = end - start, max(end - start - 1, 0)
    p = _content_start(raw, node.style)
    quoted = node.style == '"'
    offsets: list[int] = []
    i = 0
    while i < len(value):
        if quoted:
            while raw.startswith("\\\n", p):
                p = _skip_blanks(raw, p + 2)
            if p < size and raw[p] == "\\":
                offsets.append(start + p)
                p += _ESCAPE_LENGTHS.get(raw[p + 1 : p + 2], 2)
                i += 1
                continue
        # Most of a line is written as it reads: such a run maps one to one, at C speed.
        run = _same_run(raw, p, value, i, quoted)
        if run:
            offsets.extend(range(start + p, start + p + run))
            p += run
            i += run
            continue
        # Otherwise skip what the value does not hold (indentation, a quote, a folded break).
        if value[i] in _WHITESPACE:
            match = _NEXT_WHITESPACE.search(raw, p)
            p = match.start() if match else max(p, size)
        else:
            found = raw.find(value[i], p)
            p = found if found != -1 else max(p, size)
        offsets.append(start + min(p, last))
        p += 1
        i += 1
    offsets.append(start + min(p, size))
    return offsets


def _same_run(raw: str, p: int, value: str, i: int, quoted: bool) -> int:
    """How many characters from value[i] on are written unchanged from raw[p] on, within the
    line (of both) and, in a double-quoted scalar, before the next backslash."""
    if p >= len(raw) or raw[p] != value[i]:
        return 0
    value_line = value.find("\n", i)
    raw_line = raw.find("\n", p)
    limit = min(
        (value_line + 1 if value_line != -1 else len(value)) - i,
        (raw_line + 1 if raw_line != -1 else len(raw)) - p,
    )
    if quoted:
        backslash = raw.find("\\", p, p + limit)
        if backslash != -1:
            limit = backslash - p
    if raw.startswith(value[i : i + limit], p):
        return limit
    low, high = 1, limit - 1  # raw[p] matched; the whole stretch did not
    while low < high:
        middle = (low + high + 1) // 2
        if raw.startswith(value[i : i + middle], p):
            low = middle
        else:
            high = middle - 1
    return low


def _content_start(raw: str, style: str | None) -> int:
    if style in ("|", ">"):
        newline = raw.find("\n")
        return newline + 1 if newline != -1 else len(raw)
    return 1 if style in ("'", '"') else 0


def _skip_blanks(raw: str, p: int) -> int:
    while p < len(raw) and raw[p] in " \t":
        p += 1
    return p
