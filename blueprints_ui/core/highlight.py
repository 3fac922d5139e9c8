"""YAML shown with syntax colours and linkable line numbers."""

from markupsafe import Markup
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import YamlLexer

_LEXER = YamlLexer(stripnl=False, ensurenl=False)


def highlight_yaml(source: str, marked_lines: tuple[int, ...] = ()) -> Markup:
    """An HTML table: numbers link to `#L<n>`, marked lines are highlighted."""
    formatter = HtmlFormatter(
        linenos="table",
        lineanchors="L",
        anchorlinenos=True,
        hl_lines=list(marked_lines),
        wrapcode=True,
    )
    return Markup(highlight(source, _LEXER, formatter))
