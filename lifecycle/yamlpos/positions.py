"""Where something is in a source file: a file name with a 1-based line and column."""

import bisect
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Position:
    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"

    @classmethod
    def from_mark(cls, file: str, mark, line_offset: int = 0) -> "Position":
        """From a libyaml mark (0-based line and column), shifted when parsing started mid-file."""
        return cls(file, mark.line + line_offset + 1, mark.column + 1)


class LineIndex:
    """Turns character offsets into 1-based (line, column) pairs for one text."""

    def __init__(self, text: str) -> None:
        self._starts = [0]
        start = text.find("\n")
        while start != -1:
            self._starts.append(start + 1)
            start = text.find("\n", start + 1)

    def line_column(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def offset(self, line: int, column: int) -> int:
        """The offset of a 1-based line and column (clamped to the text's lines)."""
        line = min(max(line, 1), len(self._starts))
        return self._starts[line - 1] + column - 1
