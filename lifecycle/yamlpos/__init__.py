"""YAML read with the libyaml C parser, keeping where every document and node came from."""

from lifecycle.yamlpos.documents import Document, split_documents
from lifecycle.yamlpos.errors import LimitError, YamlError
from lifecycle.yamlpos.limits import Limits
from lifecycle.yamlpos.positions import Position

__all__ = ["Document", "LimitError", "Limits", "Position", "YamlError", "split_documents"]
