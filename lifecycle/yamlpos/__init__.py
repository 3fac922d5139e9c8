"""YAML read with the libyaml C parser, keeping where every document and node came from."""

from lifecycle.yamlpos.documents import Document, find, split_documents
from lifecycle.yamlpos.errors import LimitError, YamlError
from lifecycle.yamlpos.limits import Limits
from lifecycle.yamlpos.positions import LineIndex, Position

__all__ = [
    "Document",
    "LimitError",
    "Limits",
    "LineIndex",
    "Position",
    "YamlError",
    "find",
    "split_documents",
]
