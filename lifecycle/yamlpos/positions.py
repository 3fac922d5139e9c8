"""Where something is in a source file: a file name with a 1-based line and column."""

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
