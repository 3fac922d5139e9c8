"""Go's text/template parser, with the static questions a blueprint linter asks of a template."""

from lifecycle.gotemplate.analysis import FunctionUse, Reference, functions_used, references
from lifecycle.gotemplate.errors import TemplateSyntaxError
from lifecycle.gotemplate.parser import Tree, parse

__all__ = [
    "FunctionUse",
    "Reference",
    "TemplateSyntaxError",
    "Tree",
    "functions_used",
    "parse",
    "references",
]
