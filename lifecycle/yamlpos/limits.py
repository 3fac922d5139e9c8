"""Bounds on untrusted YAML, checked on the event stream before any object is built."""

from dataclasses import dataclass

import yaml

from lifecycle.yamlpos.errors import LimitError
from lifecycle.yamlpos.positions import Position


@dataclass(frozen=True, slots=True)
class Limits:
    max_bytes: int = 2 * 1024 * 1024
    max_depth: int = 100
    # Nodes a document would have with every alias expanded: a "billion laughs" is caught here,
    # from the event stream, before PyYAML builds (and a later walk expands) the shared objects.
    max_expanded_nodes: int = 500_000


class _Frame:
    __slots__ = ("anchor", "size")

    def __init__(self, anchor: str | None) -> None:
        self.anchor = anchor
        self.size = 1


def check_events(events, file: str, limits: Limits, line_offset: int = 0):
    """Yield the events unchanged, raising LimitError as soon as a bound is crossed."""
    stack: list[_Frame] = []
    anchored: dict[str, int] = {}
    total = 0

    def fail(message: str, event) -> LimitError:
        return LimitError(message, Position.from_mark(file, event.start_mark, line_offset))

    for event in events:
        if isinstance(event, yaml.DocumentStartEvent):
            anchored.clear()
            total = 0
        elif isinstance(event, yaml.CollectionStartEvent):
            stack.append(_Frame(event.anchor))
            if len(stack) > limits.max_depth:
                raise fail(f"nesting deeper than {limits.max_depth} levels", event)
        elif isinstance(event, yaml.CollectionEndEvent):
            frame = stack.pop()
            if frame.anchor:
                anchored[frame.anchor] = frame.size
            if stack:
                stack[-1].size += frame.size
        elif isinstance(event, yaml.ScalarEvent | yaml.AliasEvent):
            size = anchored.get(event.anchor, 1) if isinstance(event, yaml.AliasEvent) else 1
            if isinstance(event, yaml.ScalarEvent) and event.anchor:
                anchored[event.anchor] = 1
            if stack:
                stack[-1].size += size
            total += size
            if total > limits.max_expanded_nodes:
                raise fail(
                    f"document expands to more than {limits.max_expanded_nodes:,} nodes "
                    "(aliases repeat too much data)",
                    event,
                )
        yield event
