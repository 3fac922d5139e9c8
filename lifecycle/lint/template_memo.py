"""The references of a blueprint's template strings, each distinct action parsed once."""

import re

from lifecycle.gotemplate import Reference, TemplateSyntaxError, parse, references
from lifecycle.gotemplate.funcs import KANISTER_FUNCTIONS, KUBECTL_TEMPLATE_FUNCTIONS

# (offset of the action in the string, a reference whose offsets count from that action)
Located = tuple[int, Reference]
Analysed = TemplateSyntaxError | list[Located]

_ACTION = re.compile(r"\{\{.*?\}\}", re.DOTALL)
# An action that depends on others (a control structure, a comment, a named variable) or that
# holds `{{` or `}}` inside a literal: such strings are parsed whole.
_NOT_ALONE = re.compile(
    r"^\{\{-?\s*(?:if|else|end|range|with|define|block|template|break|continue)\b"
    r"|^\{\{-?\s*/\*|\$\w|.\{\{"
)


class TemplateMemo:
    """Blueprint scripts repeat the same few actions (`{{ .StatefulSet.Namespace }}`) inside
    strings that are all different. A string whose actions stand alone (no control structure,
    no variable, no comment) is analysed action by action with one parse per distinct action;
    any other string, and any string with an action that does not parse alone, is parsed whole,
    so a syntax error is always Go's error for the whole string."""

    def __init__(self) -> None:
        self._strings: dict[tuple[str, bool], Analysed] = {}
        self._actions: dict[tuple[str, bool], Analysed] = {}

    def analyse(self, text: str, kubectl: bool) -> Analysed:
        key = (text, kubectl)
        found = self._strings.get(key)
        if found is None:
            found = self._by_action(text, kubectl)
            if found is None:
                found = _analyse(text, kubectl)
            self._strings[key] = found
        return found

    def _by_action(self, text: str, kubectl: bool) -> list[Located] | None:
        actions = list(_ACTION.finditer(text))
        if len(actions) != text.count("{{"):
            return None
        found: list[Located] = []
        for match in actions:
            action = match.group()
            if _NOT_ALONE.search(action):
                return None
            key = (action, kubectl)
            analysed = self._actions.get(key)
            if analysed is None:
                analysed = self._actions[key] = _analyse(action, kubectl)
            if isinstance(analysed, TemplateSyntaxError):
                return None
            found.extend((match.start(), reference) for _, reference in analysed)
        return found


def _analyse(text: str, kubectl: bool) -> Analysed:
    """A whole template's references, or its syntax error."""
    try:
        tree = parse(text, functions=KUBECTL_TEMPLATE_FUNCTIONS if kubectl else KANISTER_FUNCTIONS)
    except TemplateSyntaxError as error:
        return error
    return [(0, reference) for reference in references(tree)]
