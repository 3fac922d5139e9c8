"""YAML shown with syntax colours and linkable line numbers."""

from collections.abc import Mapping

from markupsafe import Markup, escape
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import YamlLexer

_LEXER = YamlLexer(stripnl=False, ensurenl=False)

# line number -> (CSS class, text shown on hover and read by `title`)
Notes = Mapping[int, tuple[str, str]]


class _NotingFormatter(HtmlFormatter):
    """Wraps each noted line in a span with its class and title (`wrap` is Pygments' hook)."""

    def __init__(self, notes: Notes, **options) -> None:
        super().__init__(**options)
        self.notes = notes

    def wrap(self, source):
        return super().wrap(self._noted(source))

    def _noted(self, source):
        number = 0
        for is_line, html in source:
            if is_line:
                number += 1
                if note := self.notes.get(number):
                    css, title = note
                    html = f'<span class="note {css}" title="{escape(title)}">{html}</span>'
            yield is_line, html


def highlight_yaml(
    source: str, marked_lines: tuple[int, ...] = (), notes: Notes | None = None
) -> Markup:
    """An HTML table: numbers link to `#L-<n>`, marked lines are highlighted, noted lines carry
    their note's class and title."""
    formatter = _NotingFormatter(
        notes or {},
        linenos="table",
        lineanchors="L",
        anchorlinenos=True,
        hl_lines=list(marked_lines),
        wrapcode=True,
    )
    return Markup(highlight(source, _LEXER, formatter))
