"""Where each character of a scalar's value was written in the file, whatever its YAML style."""

import yaml

_WHITESPACE = " \t\r\n"
_ESCAPE_LENGTHS = {"x": 4, "u": 6, "U": 10}


def value_offsets(text: str, node: yaml.ScalarNode, base: int = 0) -> list[int]:
    """For each character of `node.value`, its offset in `text`; one more entry for the end.

    The node's marks index `text` from `base` on (a document's offset in its file).
    Block indentation, quotes, escapes and folded line breaks are skipped in step with the value.
    """
    start, end = base + node.start_mark.index, base + node.end_mark.index
    raw = text[start:end]
    p = _content_start(raw, node.style)
    quoted = node.style == '"'
    offsets = []
    for char in node.value:
        while quoted and raw.startswith("\\\n", p):
            p = _skip_blanks(raw, p + 2)
        if quoted and p < len(raw) and raw[p] == "\\":
            offsets.append(start + p)
            p += _ESCAPE_LENGTHS.get(raw[p + 1 : p + 2], 2)
            continue
        if char in _WHITESPACE:
            while p < len(raw) and raw[p] not in _WHITESPACE:
                p += 1
        else:
            while p < len(raw) and raw[p] != char:
                p += 1
        offsets.append(start + min(p, max(len(raw) - 1, 0)))
        p += 1
    offsets.append(start + min(p, len(raw)))
    return offsets


def _content_start(raw: str, style: str | None) -> int:
    if style in ("|", ">"):
        newline = raw.find("\n")
        return newline + 1 if newline != -1 else len(raw)
    return 1 if style in ("'", '"') else 0


def _skip_blanks(raw: str, p: int) -> int:
    while p < len(raw) and raw[p] in " \t":
        p += 1
    return p
