"""Split a multi-document YAML stream into documents, each with its exact text and its nodes."""

import re
from dataclasses import dataclass, field

import yaml

from lifecycle.yamlpos.construction import OverLimits, construct_document, unreadable_scalar
from lifecycle.yamlpos.errors import LimitError, YamlError
from lifecycle.yamlpos.limits import Limits, check_events
from lifecycle.yamlpos.positions import Position


class JsonSafeLoader(yaml.CSafeLoader):
    """libyaml's safe loader, but building only what JSON can hold, as Kubernetes reads YAML."""


def _as_written(loader, node):
    return loader.construct_scalar(node)


JsonSafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _as_written)
JsonSafeLoader.add_constructor("tag:yaml.org,2002:binary", _as_written)
JsonSafeLoader.add_constructor(
    "tag:yaml.org,2002:set", lambda loader, node: sorted(loader.construct_mapping(node), key=str)
)

DEFAULT_LIMITS = Limits()
_SEPARATOR = re.compile(r"^---(?:[ \t].*)?$", re.MULTILINE)
# libyaml starts a line after any of its line breaks, and ends a marker with any blank or break.
_MARKER = re.compile(
    r"(?:^|(?<=[\r\x85\u2028\u2029]))(?:---|\.\.\.)(?=[ \t\r\n\x85\u2028\u2029]|\Z)", re.MULTILINE
)
_SHALLOW = 2000
# Where a nesting level can open (see _nesting_bound): everything else is deleted in one C pass.
_OPENERS = b"\n\r-?[{"
_NOT_OPENERS = bytes(sorted(set(range(256)) - set(_OPENERS)))
# What libyaml reads (YAML 1.1 printable characters); anything else fails the whole input.
_UNACCEPTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True, slots=True)
class Document:
    """One YAML document: its text as written (no `---`/`...` markers) and where it came from.

    `source` is what gets stored; `node` positions are those of the file (its content starts on
    line `content_line`, at character `offset`), so a header comment kept above the first `---`
    does not shift them.
    """

    file: str
    source: str
    content_line: int
    node: yaml.Node = field(repr=False, compare=False)
    data: object = field(repr=False, compare=False)
    offset: int = 0

    @property
    def position(self) -> Position:
        return self.position_of(self.node)

    def position_of(self, node: yaml.Node) -> Position:
        return Position.from_mark(self.file, node.start_mark, self.content_line - 1)

    def span_of(self, node: yaml.Node) -> tuple[int, int]:
        """Where a node starts and ends, as character offsets into the file."""
        return self.offset + node.start_mark.index, self.offset + node.end_mark.index

    def find(self, *path: str) -> yaml.Node | None:
        """The node at a path of mapping keys, or None where the path stops existing."""
        return find(self.node, *path)

    def position_at(self, *path: str) -> Position:
        """The position of the deepest existing node on the path (the document's at worst)."""
        for end in range(len(path), 0, -1):
            if (node := self.find(*path[:end])) is not None:
                return self.position_of(node)
        return self.position


def find(node: yaml.Node | None, *path: str) -> yaml.Node | None:
    """The value node at a path of mapping keys below `node`, or None where the path stops."""
    for key in path:
        if not isinstance(node, yaml.MappingNode):
            return None
        node = next((v for k, v in node.value if k.value == key), None)
    return node


@dataclass(frozen=True, slots=True)
class Split:
    documents: list[Document]
    errors: list[YamlError]


def split_documents(text: str, file: str, limits: Limits = DEFAULT_LIMITS) -> Split:
    """Every readable document; after a broken one, reading resumes at the next `---`."""
    if len(text.encode("utf-8", "surrogatepass")) > limits.max_bytes:
        error = LimitError(f"file is larger than {limits.max_bytes:,} bytes", Position(file, 1, 1))
        return Split([], [error])
    if single := _single_document(text, file, limits):
        return Split([single], [])
    documents: list[Document] = []
    errors: list[YamlError] = []
    offset = 0
    # libyaml refuses a whole input for one bad character: read around the documents holding one.
    for bad in _UNACCEPTABLE.finditer(text):
        if bad.start() < offset:
            continue
        _read_between(text, file, limits, offset, _document_start(text, bad.start(), offset),
                      documents, errors)  # fmt: skip
        reason = (
            "control characters are not allowed"
            if bad.group() < " " or ("\x7f" <= bad.group() <= "\x9f")
            else "this character is not allowed in YAML"
        )
        error = _character_error(text, bad.start(), ord(bad.group()), reason, file)
        errors.append(error)
        offset = _next_separator(text, error.position.line, after=bad.start())
    _read_between(text, file, limits, offset, len(text), documents, errors)
    return Split(documents, errors)


def _read_between(
    text: str,
    file: str,
    limits: Limits,
    offset: int,
    stop: int,
    documents: list[Document],
    errors: list[YamlError],
) -> None:
    while offset < stop:
        line_offset = text.count("\n", 0, offset)
        try:
            spans = _document_spans(text[offset:stop], file, limits, line_offset)
            for header, start, end in spans:
                if document := _load(text, header, offset + start, offset + end, file):
                    documents.append(document)
            break
        except YamlError as error:
            errors.append(error)
            offset = _next_separator(text, error.position.line, after=offset)


def _document_start(text: str, index: int, floor: int) -> int:
    """Where the document holding `index` starts: its `---` line, or `floor`."""
    start = floor
    for match in _SEPARATOR.finditer(text, floor, index):
        start = match.start()
    return start


def _single_document(text: str, file: str, limits: Limits) -> Document | None:
    """The common file read in one pass: one document, no `---`/`...`, no aliases, shallow.

    Anything else, every error included, gets None and goes the event-checked way, so both ways
    give the same documents. The nesting bound keeps libyaml's recursive composer (which has no
    depth check and crashes on a deep enough input) far from exhausting the C stack.
    """
    if text.startswith("\ufeff") or _nesting_bound(text) > _SHALLOW:
        return None
    # The substring tests are a fifth of the regular expression's cost, and most files pass them.
    if ("---" in text or "..." in text) and _MARKER.search(text):
        return None
    loader = JsonSafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        data = construct_document(loader, node, limits)
    except (yaml.YAMLError, OverLimits, ValueError):
        return None
    finally:
        loader.dispose()
    return Document(file, _ending_a_line(text), 1, node, data, 0)


def _nesting_bound(text: str) -> int:
    """No less than the nesting depth minus one: past the first, a level opens only at a line
    break, `-`, `?`, `{` or `[` (twice at `[`: `[a: b]` is a mapping inside a sequence)."""
    openers = text.encode("utf-8", "surrogatepass").translate(None, _NOT_OPENERS)
    bound = len(openers) + openers.count(b"[")
    if b"\r" in openers:
        bound -= text.count("\r\n")  # one line break, not two
    if not text.isascii():
        bound += sum(text.count(line_break) for line_break in "\x85\u2028\u2029")
    return bound


def _document_spans(text: str, file: str, limits: Limits, line_offset: int):
    """(header, start, end) for each document: its content's character offsets, markers excluded.

    `header` is the comment block written above the first `---`: it belongs to the first document.
    """
    start = 0
    header = ""
    try:
        events = check_events(yaml.parse(text, Loader=yaml.CSafeLoader), file, limits, line_offset)
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent) and event.explicit:
                if start == 0 and line_offset == 0:
                    header = _comment_block(text[: event.start_mark.index])
                start = _after_marker_line(text, event.end_mark.index)
            elif isinstance(event, yaml.DocumentEndEvent):
                end = event.start_mark.index if event.explicit else event.end_mark.index
                yield header, start, end
                header = ""
                start = _after_marker_line(text, event.end_mark.index) if event.explicit else end
    except (yaml.MarkedYAMLError, yaml.reader.ReaderError) as exc:
        raise _yaml_error(exc, text, file, line_offset) from None


def _comment_block(text: str) -> str:
    return (
        text
        if text.strip()
        and all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())
        else ""
    )


def _after_marker_line(text: str, marker_end: int) -> int:
    """Where a document's own text resumes after a `---` or `...` marker: the next line, unless
    something follows the marker on its line (`--- |`, `--- # note`), which the document keeps."""
    newline = text.find("\n", marker_end)
    if text[marker_end : newline if newline != -1 else len(text)].strip():
        return marker_end
    return newline + 1 if newline != -1 else len(text)


def _load(text: str, header: str, start: int, end: int, file: str) -> Document | None:
    content = text[start:end]
    content_line = text.count("\n", 0, start) + 1
    loader = JsonSafeLoader(content)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        data = loader.construct_document(node)
    except (yaml.MarkedYAMLError, yaml.reader.ReaderError) as exc:
        raise _yaml_error(exc, content, file, content_line - 1) from None
    except ValueError as exc:
        raise _unreadable_error(exc, loader, node, file, content_line - 1) from None
    finally:
        loader.dispose()
    # What followed a `---` on its line starts the stored text, without the blanks before it.
    source = header + (content.lstrip(" \t") if start and text[start - 1] != "\n" else content)
    return Document(file, _ending_a_line(source), content_line, node, data, start)


def _unreadable_error(
    exc: ValueError,
    loader: yaml.constructor.SafeConstructor,
    root: yaml.Node,
    file: str,
    line_offset: int,
) -> YamlError:
    node = unreadable_scalar(loader, root)
    if node is None:
        return YamlError(str(exc), Position.from_mark(file, root.start_mark, line_offset))
    kind = node.tag.rpartition(":")[2]
    return YamlError(
        f"cannot read {node.value!r} as {kind} (quote a value meant as a string)",
        Position.from_mark(file, node.start_mark, line_offset),
    )


def _ending_a_line(source: str) -> str:
    """The last document of a file may lack its final newline; stored text always ends a line."""
    return source if source.endswith("\n") else source + "\n"


def _next_separator(text: str, error_line: int, after: int) -> int:
    """Offset of the first `---` line from the error's line on (past `after`), or the text's end."""
    offset = 0
    for _ in range(error_line - 1):
        offset = text.find("\n", offset) + 1
        if offset == 0:
            return len(text)
    while match := _SEPARATOR.search(text, offset):
        if match.start() > after:
            return match.start()
        offset = match.end()
    return len(text)


def _character_error(
    text: str, index: int, character: int, reason: str, file: str, line_offset: int = 0
) -> YamlError:
    """A character libyaml refuses, at its line and column."""
    line = text.count("\n", 0, index) + line_offset + 1
    column = index - text.rfind("\n", 0, index)
    return YamlError(
        f"unacceptable character #x{character:04x}: {reason}", Position(file, line, column)
    )


def _yaml_error(
    exc: yaml.MarkedYAMLError | yaml.reader.ReaderError, text: str, file: str, line_offset: int
) -> YamlError:
    if isinstance(exc, yaml.reader.ReaderError):
        # Raised before any mark exists: libyaml refuses a character outright.
        return _character_error(text, exc.position, exc.character, exc.reason, file, line_offset)
    mark = exc.problem_mark or exc.context_mark
    message = exc.problem or "invalid YAML"
    if message == "found undefined alias":
        # libyaml's composer does not say which alias; it is the word at the mark.
        alias = re.match(r"\*[^\s,\[\]{}]+", text[mark.index :])
        message += f" {alias.group()}" if alias else ""
    if exc.context:
        where = ""
        if exc.context_mark and exc.problem_mark and exc.context_mark.line != mark.line:
            where = f" (started at line {exc.context_mark.line + line_offset + 1})"
        message = f"{exc.context}{where}: {message}"
    return YamlError(message, Position.from_mark(file, mark, line_offset))
