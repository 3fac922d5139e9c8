"""What a linter asks of a parsed template: the data paths it reads and the functions it calls."""

from collections.abc import Iterator
from dataclasses import dataclass
from operator import attrgetter

from lifecycle.gotemplate.nodes import (
    ActionNode,
    BranchNode,
    ChainNode,
    CommandNode,
    DotNode,
    FieldNode,
    IdentifierNode,
    IfNode,
    ListNode,
    Node,
    NumberNode,
    PipeNode,
    RangeNode,
    StringNode,
    TemplateNode,
    VariableNode,
    WithNode,
)
from lifecycle.gotemplate.parser import Tree


@dataclass(frozen=True, slots=True)
class Reference:
    """A field or variable chain read by the template, with `index` literal keys folded in.

    `root` is "." for a chain from dot or from `$`, else the variable (`$x`). `rooted` is true
    when that dot is the template's own data: top-level dot outside range/with bodies, or `$`,
    and never inside define/block bodies, whose data comes from the caller. `printed` is true
    when the action prints exactly this value; `consumers` names the function receiving it.
    """

    root: str
    path: tuple[str | int, ...]
    start: int
    end: int
    rooted: bool
    printed: bool = False
    consumers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FunctionUse:
    name: str
    start: int
    end: int


def references(tree: Tree, dot_is_data: bool = True) -> list[Reference]:
    """Every field and variable chain in `tree` and its define/block bodies, in text order.

    `dot_is_data` is false when the text is one action cut from inside a range or with body,
    where dot is no longer the template's data (but `$` still is).
    """
    finder = _ReferenceFinder()
    for each in _trees(tree):
        own_data = each is tree
        finder.visit(each.root, own_data and dot_is_data, own_data)
    return sorted(finder.found, key=_start)


_start = attrgetter("start")


def functions_used(tree: Tree) -> list[FunctionUse]:
    """Every call of a function by name, in text order."""
    uses = [
        FunctionUse(node.ident, node.pos, node.end)
        for each in _trees(tree)
        for node in _walk(each.root)
        if isinstance(node, IdentifierNode)
    ]
    return sorted(uses, key=lambda use: use.start)


def _trees(tree: Tree) -> list[Tree]:
    if len(tree.templates) == 1 and tree.templates.get(tree.name) is tree:
        return [tree]  # the usual case: no define or block
    return [tree, *(other for other in tree.templates.values() if other is not tree)]


class _ReferenceFinder:
    """Visits nodes by class name; `dot` and `dollar` say whether `.` and `$` are rooted there."""

    def __init__(self) -> None:
        self.found: list[Reference] = []

    def visit(self, node: Node, dot: bool, dollar: bool) -> None:
        _VISITORS.get(type(node), _ignore)(self, node, dot, dollar)

    def visit_ListNode(self, node: ListNode, dot: bool, dollar: bool) -> None:
        visitors = _VISITORS
        for child in node.nodes:
            visitors.get(type(child), _ignore)(self, child, dot, dollar)

    def visit_ActionNode(self, node: ActionNode, dot: bool, dollar: bool) -> None:
        # An action that declares or assigns variables prints nothing.
        self.pipeline(node.pipe, dot, dollar, printing=not node.pipe.decl)

    def visit_IfNode(self, node: IfNode, dot: bool, dollar: bool) -> None:
        self.branch(node, dot, dollar, body_dot=dot)

    def visit_RangeNode(self, node: RangeNode, dot: bool, dollar: bool) -> None:
        self.branch(node, dot, dollar, body_dot=False)

    def visit_WithNode(self, node: WithNode, dot: bool, dollar: bool) -> None:
        self.branch(node, dot, dollar, body_dot=False)

    def visit_TemplateNode(self, node: TemplateNode, dot: bool, dollar: bool) -> None:
        if node.pipe is not None:
            self.pipeline(node.pipe, dot, dollar, printing=False)

    def branch(self, node: BranchNode, dot: bool, dollar: bool, body_dot: bool) -> None:
        """The body of range and with sees another dot; their else branch keeps the outer one."""
        self.pipeline(node.pipe, dot, dollar, printing=False)
        self.visit(node.list, body_dot, dollar)
        if node.else_list is not None:
            self.visit(node.else_list, dot, dollar)

    def pipeline(self, pipe: PipeNode, dot: bool, dollar: bool, printing: bool) -> None:
        cmds = pipe.cmds
        last = len(cmds) - 1
        for stage, cmd in enumerate(cmds):
            receiver = _function_of(cmds[stage + 1]) if stage < last else None
            self.command(cmd, dot, dollar, receiver, printing and stage == last)

    def command(
        self, cmd: CommandNode, dot: bool, dollar: bool, receiver: str | None, printed: bool
    ) -> None:
        """`receiver` is the function the command's value is piped into, if any."""
        resolved = _resolve_command(cmd, dot, dollar)
        if resolved is not None:
            chain, rest = resolved
            self.found.append(Reference(*chain, printed, (receiver,) if receiver else ()))
            for arg in rest:
                self.argument(arg, dot, dollar, "index")
            return
        function = _function_of(cmd)
        for arg in cmd.args[1:] if function else cmd.args:
            self.argument(arg, dot, dollar, function)

    def argument(self, node: Node, dot: bool, dollar: bool, consumer: str | None) -> None:
        resolved = _resolve(node, dot, dollar)
        if resolved is not None:
            chain, rest = resolved
            self.found.append(Reference(*chain, False, (consumer,) if consumer else ()))
            for arg in rest:
                self.argument(arg, dot, dollar, "index")
        elif isinstance(node, PipeNode):
            self.pipeline(node, dot, dollar, printing=False)
        elif isinstance(node, ChainNode):
            # Fields of an unknown value: only what the inner part reads is known.
            self.argument(node.node, dot, dollar, None)


def _ignore(finder: _ReferenceFinder, node: Node, dot: bool, dollar: bool) -> None:
    """Text, comments, break and continue read nothing."""


# Looked up once here rather than by getattr on every node; still one visit_<class> per class.
_VISITORS = {
    cls: getattr(_ReferenceFinder, "visit_" + cls.__name__)
    for cls in (ListNode, ActionNode, IfNode, RangeNode, WithNode, TemplateNode)
}

# A Reference's first five fields (root, path, start, end, rooted): resolving builds and extends
# these plain tuples, and a Reference is made once per chain found, when its use is known.
Chain = tuple[str, tuple[str | int, ...], int, int, bool]
Resolved = tuple[Chain, tuple[Node, ...]]


def _resolve(node: Node, dot: bool, dollar: bool) -> Resolved | None:
    """The reference `node` stands for, and the `index` keys that stopped it from going deeper.

    None when the node is not a chain from dot or a variable.
    """
    if isinstance(node, FieldNode):
        return (".", node.ident, node.pos, node.end, dot), ()
    if isinstance(node, DotNode):
        return (".", (), node.pos, node.end, dot), ()
    if isinstance(node, VariableNode):
        name, *path = node.ident
        if name == "$":
            return (".", tuple(path), node.pos, node.end, dollar), ()
        return (name, tuple(path), node.pos, node.end, False), ()
    if isinstance(node, ChainNode):
        inner = _resolve(node.node, dot, dollar)
        if inner is None or inner[1]:
            return None
        root, path, _, _, rooted = inner[0]
        return (root, path + node.field, node.pos, node.end, rooted), ()
    if isinstance(node, PipeNode) and not node.decl and len(node.cmds) == 1:
        return _resolve_command(node.cmds[0], dot, dollar)
    return None


def _resolve_command(cmd: CommandNode, dot: bool, dollar: bool) -> Resolved | None:
    """A command that is a reference on its own, or `index REF key...` extending one."""
    args = cmd.args
    if len(args) == 1:
        return _resolve(args[0], dot, dollar)
    if _function_of(cmd) != "index" or len(args) < 2:
        return None
    base = _resolve(args[1], dot, dollar)
    if base is None or base[1]:
        return None
    keys: list[str | int] = []
    for key in args[2:]:
        literal = _literal_key(key)
        if literal is None:
            break
        keys.append(literal)
    root, path, _, _, rooted = base[0]
    rest = args[2 + len(keys) :]
    return (root, path + tuple(keys), cmd.pos, cmd.end, rooted), rest


def _literal_key(node: Node) -> str | int | None:
    """A string, or a number Go passes to `index` as an int (not 1.0, 1e3, or a huge one)."""
    if isinstance(node, StringNode):
        return node.text
    if isinstance(node, NumberNode):
        value, text = node.value, node.text.lower()
        hex_int = text.startswith("0x") and "p" not in text
        looks_float = not hex_int and not text.startswith("'") and any(c in text for c in ".ep")
        if value.is_int and not value.is_complex and not looks_float:
            return value.int64
    return None


def _function_of(cmd: CommandNode) -> str | None:
    head = cmd.args[0]
    return head.ident if isinstance(head, IdentifierNode) else None


def _walk(root: Node) -> Iterator[Node]:
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(_children(node))


def _children(node: Node) -> tuple[Node, ...]:
    if isinstance(node, ListNode):
        return node.nodes
    if isinstance(node, ActionNode):
        return (node.pipe,)
    if isinstance(node, PipeNode):
        return node.decl + node.cmds
    if isinstance(node, CommandNode):
        return node.args
    if isinstance(node, ChainNode):
        return (node.node,)
    if isinstance(node, BranchNode):
        return (node.pipe, node.list) + ((node.else_list,) if node.else_list else ())
    if isinstance(node, TemplateNode) and node.pipe is not None:
        return (node.pipe,)
    return ()
