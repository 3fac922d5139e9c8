"""Templates as Kanister renders them: Go's text/template, missingkey=error, and sprig v2.22.0's
TxtFuncMap registered over Go's builtins (shared/reference/kanister-templates.md §2-3)."""

import re
from dataclasses import dataclass

from lifecycle.gotemplate.builtins import BUILTINS
from lifecycle.gotemplate.errors import TemplateSyntaxError
from lifecycle.gotemplate.exec import TemplateExecError
from lifecycle.gotemplate.exec import render as execute
from lifecycle.gotemplate.sprig import FUNCTIONS as SPRIG

# Functions given to Funcs take precedence over builtins of the same name (sprig's `slice`).
FUNCTIONS = BUILTINS | SPRIG
# What a missing map key does, as people choose it (Go also reads "invalid" as "default").
MISSINGKEY_CHOICES = ("error", "zero", "default")
_GO_PREFIX = re.compile(r"^template: [^:]*:\d+(?::\d+)?: ")


@dataclass(frozen=True, slots=True)
class RenderError:
    """Why a template did not render: Go's whole message, the part after Go's `template:
    NAME:LINE:COL:` prefix, where (1-based characters), and what Kanister reports."""

    message: str
    reason: str
    line: int
    column: int
    executing: bool  # failed while running (else Go refused to parse it)
    partial: str  # what was written before the error
    kanister_message: str


@dataclass(frozen=True, slots=True)
class Outcome:
    output: str | None
    error: RenderError | None = None


def render(text: str, data: object, missingkey: str = "error") -> Outcome:
    """`text` rendered against `data` with Kanister's functions; a failure is an Outcome too."""
    try:
        return Outcome(execute(text, data, FUNCTIONS, missingkey))
    except TemplateSyntaxError as error:
        failure = RenderError(
            error.message, error.reason, error.line, error.column, False, "", error.message
        )
    except TemplateExecError as error:
        failure = RenderError(
            error.message,
            _GO_PREFIX.sub("", error.message),
            error.line,
            error.column,
            True,
            error.partial,
            error.kanister_message,
        )
    return Outcome(None, failure)
