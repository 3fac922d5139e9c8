"""Where rules put their findings: one reporter per document, locating nodes in the file."""

import yaml

from lifecycle.lint.findings import Finding
from lifecycle.lint.rules import RULES
from lifecycle.yamlpos import Document
from lifecycle.yamlpos.scalars import value_offsets


class Reporter:
    """Collects findings about one object of a document into its file's list."""

    def __init__(self, document: Document, label: str, findings: list[Finding], text: str) -> None:
        self.document = document
        self.label = label
        self.findings = findings
        self.text = text  # the whole file: scalar values are mapped back into it
        self._offsets: dict[int, list[int]] = {}

    def value_offsets(self, node: yaml.ScalarNode) -> list[int]:
        """File offsets of each character of a scalar's value (see yamlpos.scalars), mapped once
        per scalar however many findings it has."""
        offsets = self._offsets.get(id(node))
        if offsets is None:
            offsets = self._offsets[id(node)] = value_offsets(self.text, node, self.document.offset)
        return offsets

    def __call__(
        self, code: str, node: yaml.Node, message: str, hint: str = "", location: str = ""
    ) -> None:
        start, end = self.document.span_of(_head(node))
        self.span(code, start, end, message, hint, location)

    def span(
        self, code: str, start: int, end: int, message: str, hint: str = "", location: str = ""
    ) -> None:
        rule = RULES[code]
        self.findings.append(
            Finding(code, rule.severity, message, hint, start, end, self.label, location)
        )


class Silent(Reporter):
    """For context-only objects (stored bindings, inventory): their findings are dropped."""

    def __init__(self, document: Document, label: str, text: str) -> None:
        super().__init__(document, label, [], text)

    def span(self, *args, **kwargs) -> None:
        pass


def _head(node: yaml.Node) -> yaml.Node:
    """What to underline for a node: a collection is shown by its first key or item's first line."""
    while isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.value:
        node = node.value[0][0] if isinstance(node, yaml.MappingNode) else node.value[0]
    return node
