"""What a blueprint's template strings read from their data, each distinct action parsed once."""

import re
from dataclasses import dataclass

from lifecycle.gotemplate import Reference, TemplateSyntaxError, parse, references
from lifecycle.gotemplate.funcs import KANISTER_FUNCTIONS, KUBECTL_TEMPLATE_FUNCTIONS
from lifecycle.gotemplate.nodes import ActionNode, BranchNode

# (offset of an action in the string, the references it reads counted from that offset)
Located = tuple[int, tuple[Reference, ...]]
Analysed = TemplateSyntaxError | list[Located]

_ACTION = re.compile(r"(\{\{.*?\}\})", re.DOTALL)
# An action that depends on others in ways the memo does not follow (a comment,
# define/block/template, break/continue), or one that holds `{{` inside a literal: such strings
# are parsed whole.
_NOT_ALONE = re.compile(r"\{\{(?:-\s)?\s*(?:(?:define|block|template|break|continue)\b|/\*)")
_OPENS = re.compile(r"^\{\{(?:-\s)?\s*(if|range|with|else\s+if|else\s+with)\s")
_CLOSES = re.compile(r"^\{\{(?:-\s)?\s*(end|else)(?:\s+-)?\s*\}\}$")
_UNSEEN = object()
# Go's parser refuses nesting (blocks and parentheses together) past 100 levels; strings that
# come anywhere near are parsed whole, so that they get its error.
_MAX_BLOCKS = 10
_MAX_PARENTHESES = 80
# The commonest action by far, `{{ .StatefulSet.Namespace }}`: a field chain printed as it is,
# read without the parser. Go's trim markers are `-` and one of these four spaces.
_FIELD_CHAIN = re.compile(
    r"\{\{(?:-[ \t\r\n])?[ \t\r\n]*((?:\.[A-Za-z_][A-Za-z0-9_]*)+)[ \t\r\n]*(?:[ \t\r\n]-)?\}\}"
)


@dataclass(frozen=True, slots=True)
class _Step:
    """What one action, written where some variables are in scope, contributes to its string."""

    closes: str = ""  # "end" or "else"
    opens: str = ""  # "if", "range", "with", "else if" or "else with"
    data_reads: tuple[Reference, ...] = ()  # where dot is the template's data
    dollar_reads: tuple[Reference, ...] = ()  # where it is not: only chains from `$` remain
    declares: tuple[str, ...] = ()

    @property
    def plain(self) -> bool:
        """Whether the action only prints: it leaves dot and the variables as they were."""
        return not (self.closes or self.opens or self.declares)


@dataclass(slots=True)
class _Block:
    kind: str  # if, range or with
    dot: bool  # whether dot is the template's own data inside the current branch
    outer: bool  # whether it is outside the block (and in its else branch)
    variables: int  # how many variables were in scope before the block
    closed_else: bool = False  # a plain {{else}} was seen: only {{end}} may follow


class TemplateMemo:
    """Blueprint scripts repeat the same few actions (`{{ .StatefulSet.Namespace }}`) inside
    strings that are all different. A string is analysed action by action, one parse per
    distinct action and variables in scope, when its actions only nest (if, range, with, else,
    end), declare and use variables, and print; dot's rebinding in range and with bodies and
    the variables' scopes are followed as Go's parser and analysis do. Any other string, and
    any string where an action does not parse alone or the nesting does not close, is parsed
    whole, so a syntax error is always Go's error for the whole string.

    Only the reads of the template's own data are kept: chains from a rooted dot or from `$`,
    with at least one field.
    """

    def __init__(self) -> None:
        self._strings: dict[tuple[str, bool], Analysed] = {}
        # Steps by action, for each (kubectl, variables in scope).
        self._scopes: dict[tuple[bool, tuple[str, ...]], dict[str, _Step | None]] = {}

    def reads(self, text: str, kubectl: bool) -> Analysed:
        key = (text, kubectl)
        found = self._strings.get(key)
        if found is None:
            found = self._by_action(text, kubectl)
            if found is None:
                found = _analyse(text, kubectl)
            self._strings[key] = found
        return found

    def _by_action(self, text: str, kubectl: bool) -> list[Located] | None:
        pieces = _ACTION.split(text)  # text, action, text, action, ..., text
        if len(pieces) // 2 != text.count("{{"):
            return None
        found: list[Located] = []
        blocks: list[_Block] = []
        variables: tuple[str, ...] = ("$",)
        steps = self._steps(kubectl, variables)
        dot = True
        start = len(pieces[0])
        for index in range(1, len(pieces), 2):
            action = pieces[index]
            at, start = start, start + len(action) + len(pieces[index + 1])
            step = steps.get(action, _UNSEEN)
            if step is _UNSEEN:
                step = steps[action] = _step(action, kubectl, variables)
            if step is None:
                return None
            if step.plain:
                reads = step.data_reads if dot else step.dollar_reads
                if reads:
                    found.append((at, reads))
                continue
            if step.closes:
                if not blocks:
                    return None
                block = blocks[-1]
                dot = _close(blocks, step.closes)
                if dot is None:
                    return None
                if step.closes == "end" and len(variables) > block.variables:
                    variables = variables[: block.variables]
                    steps = self._steps(kubectl, variables)
                continue
            reads_dot = dot
            if step.opens:
                dot = _open(blocks, step.opens, dot, len(variables))
                if dot is None or len(blocks) > _MAX_BLOCKS:
                    return None
                reads_dot = blocks[-1].outer
            reads = step.data_reads if reads_dot else step.dollar_reads
            if reads:
                found.append((at, reads))
            if step.declares:
                variables += step.declares
                steps = self._steps(kubectl, variables)
        return None if blocks else found

    def _steps(self, kubectl: bool, variables: tuple[str, ...]) -> dict[str, "_Step | None"]:
        return self._scopes.setdefault((kubectl, variables), {})


def _step(action: str, kubectl: bool, variables: tuple[str, ...]) -> _Step | None:
    """One action's part in its string, or None when the string must be parsed whole."""
    if (
        _NOT_ALONE.match(action)
        or action.find("{{", 2) != -1
        or action.count("(") > _MAX_PARENTHESES
    ):
        return None
    if closing := _CLOSES.match(action):
        return _Step(closes=closing.group(1))
    if chain := _FIELD_CHAIN.fullmatch(action):
        path = tuple(chain.group(1)[1:].split("."))
        return _Step(data_reads=(Reference(".", path, chain.start(1), chain.end(1), True, True),))
    opening = _OPENS.match(action)
    text = action
    if opening:
        written = opening.group(1)
        if written.startswith("else"):
            # The chained block on its own, at the same offsets: "else" blanked out.
            start = opening.start(1)
            text = action[:start] + "    " + action[start + 4 :]
        text += "{{end}}"
    try:
        tree = parse(text, functions=_functions(kubectl), variables=variables)
    except TemplateSyntaxError:
        return None
    node = tree.root.nodes[0]
    if not isinstance(node, BranchNode if opening else ActionNode):
        return None
    # Read as if dot were not the data: then only the chains from `$` are rooted.
    chains = [r for r in references(tree, dot_is_data=False) if r.root == "." and r.path]
    return _Step(
        opens=" ".join(opening.group(1).split()) if opening else "",
        data_reads=tuple(
            r
            if r.rooted
            else Reference(r.root, r.path, r.start, r.end, True, r.printed, r.consumers)
            for r in chains
        ),
        dollar_reads=tuple(r for r in chains if r.rooted),
        # Go's parser puts an assigned variable in scope too, as if declared there.
        declares=tuple(variable.ident[0] for variable in node.pipe.decl),
    )


def _open(blocks: list[_Block], written: str, dot: bool, variables: int) -> bool | None:
    """Dot inside the branch an `if`/`range`/`with` (or `else if`/`else with`) opens."""
    keyword = written.split()[-1]
    if written.startswith("else"):
        if not blocks or blocks[-1].closed_else or blocks[-1].kind != keyword:
            return None  # Go reads these otherwise: leave them to the whole parse
        block = blocks[-1]
        block.dot = block.outer if keyword == "if" else False
        return block.dot
    inner = dot if keyword == "if" else False
    blocks.append(_Block(keyword, inner, dot, variables))
    return inner


def _close(blocks: list[_Block], keyword: str) -> bool | None:
    """Dot after an `{{else}}` or `{{end}}`, or None when the nesting is not Go's."""
    block = blocks[-1]
    if keyword == "end":
        blocks.pop()
        return block.outer
    if block.closed_else:
        return None
    block.closed_else = True
    block.dot = block.outer
    return block.dot


def _analyse(text: str, kubectl: bool) -> Analysed:
    """A whole template's reads of its data, or its syntax error."""
    try:
        tree = parse(text, functions=_functions(kubectl))
    except TemplateSyntaxError as error:
        return error
    return [
        (
            0,
            tuple(r for r in references(tree) if r.root == "." and r.rooted and r.path),
        )
    ]


def _functions(kubectl: bool) -> frozenset[str]:
    return KUBECTL_TEMPLATE_FUNCTIONS if kubectl else KANISTER_FUNCTIONS
