"""The references of a blueprint's template strings, each distinct action parsed once."""

import re
from dataclasses import dataclass, replace

from lifecycle.gotemplate import Reference, TemplateSyntaxError, parse, references
from lifecycle.gotemplate.funcs import KANISTER_FUNCTIONS, KUBECTL_TEMPLATE_FUNCTIONS

# (offset of the reference's action in the string, a reference counted from that action)
Located = tuple[int, Reference]
Analysed = TemplateSyntaxError | list[Located]

_ACTION = re.compile(r"\{\{.*?\}\}", re.DOTALL)
# An action that depends on others in ways the memo does not follow (a comment, a variable,
# define/block/template, break/continue) or that holds `{{` or `}}` inside a literal: such
# strings are parsed whole.
_NOT_ALONE = re.compile(
    r"^\{\{(?:-\s)?\s*(?:define|block|template|break|continue)\b"
    r"|^\{\{(?:-\s)?\s*/\*|\$\w|.\{\{"
)
_OPENS = re.compile(r"^\{\{(?:-\s)?\s*(if|range|with|else\s+if|else\s+with)\s")
_CLOSES = re.compile(r"^\{\{(?:-\s)?\s*(end|else)(?:\s+-)?\s*\}\}$")


@dataclass(slots=True)
class _Block:
    kind: str  # if, range or with
    dot: bool  # whether dot is the template's own data inside the current branch
    outer: bool  # whether it is outside the block (and in its else branch)
    closed_else: bool = False  # a plain {{else}} was seen: only {{end}} may follow


class TemplateMemo:
    """Blueprint scripts repeat the same few actions (`{{ .StatefulSet.Namespace }}`) inside
    strings that are all different. A string is analysed action by action, one parse per
    distinct action, when its actions only nest (if, range, with, else, end) and use no
    variables or comments; dot's rebinding in range and with bodies is followed as Go's
    analysis does. Any other string, and any string where an action does not parse alone or
    the nesting does not close, is parsed whole, so a syntax error is always Go's error for the
    whole string."""

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
        nested = any(_OPENS.match(m.group()) or _CLOSES.match(m.group()) for m in actions)
        if nested and any("$" in m.group() for m in actions):
            return None  # `$` stays rooted in range bodies: leave that to the whole parse
        found: list[Located] = []
        blocks: list[_Block] = []
        dot = True
        for match in actions:
            action = match.group()
            if _NOT_ALONE.search(action):
                return None
            if closing := _CLOSES.match(action):
                dot = _close(blocks, closing.group(1))
                if dot is None:
                    return None
                continue
            opening = _OPENS.match(action)
            if opening:
                keyword = opening.group(1).split()[-1]
                start, end = opening.span(1)
                # The pipeline alone, at the same offsets: the keyword blanked out.
                action = action[:start] + " " * (end - start) + action[end:]
            references_ = self._references(action, kubectl)
            if references_ is None:
                return None
            if opening:
                dot = _open(blocks, opening.group(1), keyword, dot)
                if dot is None:
                    return None
                pipe_dot = blocks[-1].outer
                found.extend(
                    (match.start(), replace(r, rooted=pipe_dot, printed=False)) for r in references_
                )
            else:
                found.extend((match.start(), replace(r, rooted=dot)) for r in references_)
        return None if blocks else found

    def _references(self, action: str, kubectl: bool) -> list[Reference] | None:
        key = (action, kubectl)
        analysed = self._actions.get(key)
        if analysed is None:
            analysed = self._actions[key] = _analyse(action, kubectl)
        if isinstance(analysed, TemplateSyntaxError):
            return None
        return [reference for _, reference in analysed]


def _open(blocks: list[_Block], written: str, keyword: str, dot: bool) -> bool | None:
    """Dot inside the branch an `if`/`range`/`with` (or `else if`/`else with`) opens."""
    if written.startswith("else"):
        if not blocks or blocks[-1].closed_else or blocks[-1].kind != keyword:
            return None  # Go reads these otherwise: leave them to the whole parse
        block = blocks[-1]
        block.dot = block.outer if keyword == "if" else False
        return block.dot
    inner = dot if keyword == "if" else False
    blocks.append(_Block(keyword, inner, dot))
    return inner


def _close(blocks: list[_Block], keyword: str) -> bool | None:
    """Dot after an `{{else}}` or `{{end}}`, or None when the nesting is not Go's."""
    if not blocks or blocks[-1].closed_else:
        if keyword == "end" and blocks:
            return blocks.pop().outer
        return None
    block = blocks[-1]
    if keyword == "end":
        blocks.pop()
        return block.outer
    block.closed_else = True
    block.dot = block.outer
    return block.dot


def _analyse(text: str, kubectl: bool) -> Analysed:
    """A whole template's references, or its syntax error."""
    try:
        tree = parse(text, functions=KUBECTL_TEMPLATE_FUNCTIONS if kubectl else KANISTER_FUNCTIONS)
    except TemplateSyntaxError as error:
        return error
    return [(0, reference) for reference in references(tree)]
