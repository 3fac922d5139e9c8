"""Side-by-side differences between two texts, grouped into hunks with a little context."""

import difflib
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Row:
    kind: str  # "same", "del", "add", "chg" or "sep" (a gap between hunks)
    old_number: int | None = None
    old_text: str = ""
    new_number: int | None = None
    new_text: str = ""


def side_by_side(old: str, new: str, context: int = 3) -> list[Row]:
    """Rows for a two-column diff; an empty list means the texts are the same."""
    a, b = old.splitlines(), new.splitlines()
    rows: list[Row] = []
    for group in difflib.SequenceMatcher(None, a, b, autojunk=False).get_grouped_opcodes(context):
        if rows:
            rows.append(Row("sep"))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                rows += [
                    Row("same", i + 1, a[i], j + 1, b[j])
                    for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
                ]
                continue
            old_lines, new_lines = range(i1, i2), range(j1, j2)
            for k in range(max(len(old_lines), len(new_lines))):
                i = old_lines[k] if k < len(old_lines) else None
                j = new_lines[k] if k < len(new_lines) else None
                kind = "chg" if i is not None and j is not None else ("del" if j is None else "add")
                rows.append(
                    Row(
                        kind,
                        None if i is None else i + 1,
                        "" if i is None else a[i],
                        None if j is None else j + 1,
                        "" if j is None else b[j],
                    )
                )
    return rows
