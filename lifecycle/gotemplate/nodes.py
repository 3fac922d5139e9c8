"""The nodes of a parsed template, mirroring Go's text/template/parse/node.go.

`pos` is the character offset where Go anchors the node (its start, except that if/range/with
nodes start at their pipeline and template nodes at their name). `end` is the offset just past
the node's text. `str(node)` is Go's `String()`, which re-creates the source in canonical form.
Go's deprecated `Line` fields are left out: a line is 1 + the newlines before `pos`.
"""

from dataclasses import dataclass

from lifecycle.gotemplate.literals import NumberValue, quote

# Nodes are never changed once the parser has built them, but they are not frozen: a frozen
# dataclass sets each field through object.__setattr__, which made building nodes a quarter
# of parse time. unsafe_hash keeps them hashable by value, as they were when frozen.
_node = dataclass(slots=True, unsafe_hash=True)


class Node:
    __slots__ = ()


@_node
class ListNode(Node):
    pos: int
    nodes: tuple[Node, ...]

    def __str__(self) -> str:
        return "".join(map(str, self.nodes))


@_node
class TextNode(Node):
    pos: int
    end: int
    text: str

    def __str__(self) -> str:
        return self.text


@_node
class CommentNode(Node):
    """Only in trees parsed with `comments=True`; `text` keeps the `/*` and `*/`."""

    pos: int
    text: str

    def __str__(self) -> str:
        return "{{" + self.text + "}}"


@_node
class IdentifierNode(Node):
    """A function name; Go has no other identifiers."""

    pos: int
    end: int
    ident: str

    def __str__(self) -> str:
        return self.ident


@_node
class DotNode(Node):
    pos: int
    end: int

    def __str__(self) -> str:
        return "."


@_node
class NilNode(Node):
    pos: int
    end: int

    def __str__(self) -> str:
        return "nil"


@_node
class BoolNode(Node):
    pos: int
    end: int
    value: bool

    def __str__(self) -> str:
        return "true" if self.value else "false"


@_node
class NumberNode(Node):
    """A number or character constant, with every Go type its value fits (see `NumberValue`)."""

    pos: int
    end: int
    text: str
    value: NumberValue

    def __str__(self) -> str:
        return self.text


@_node
class StringNode(Node):
    pos: int
    end: int
    quoted: str
    text: str

    def __str__(self) -> str:
        return self.quoted


@_node
class FieldNode(Node):
    """`.A.B.C`, ident ("A", "B", "C").

    `go_pos` is where Go anchors it in execution errors: the second field of a chain.
    """

    pos: int
    end: int
    go_pos: int
    ident: tuple[str, ...]

    def __str__(self) -> str:
        return "".join("." + name for name in self.ident)


@_node
class VariableNode(Node):
    """`$x.A.B`, ident ("$x", "A", "B"); `go_pos` as for FieldNode."""

    pos: int
    end: int
    go_pos: int
    ident: tuple[str, ...]

    def __str__(self) -> str:
        return ".".join(self.ident)


@_node
class CommandNode(Node):
    """One stage of a pipeline; `end` includes a closing parenthesis of the last argument."""

    pos: int
    end: int
    args: tuple[Node, ...]

    def __str__(self) -> str:
        return " ".join(f"({arg})" if isinstance(arg, PipeNode) else str(arg) for arg in self.args)


@_node
class PipeNode(Node):
    """Declarations and commands; a parenthesised pipeline spans its inside, not the parentheses."""

    pos: int
    end: int
    is_assign: bool
    decl: tuple[VariableNode, ...]
    cmds: tuple[CommandNode, ...]

    def __str__(self) -> str:
        commands = " | ".join(map(str, self.cmds))
        if not self.decl:
            return commands
        operator = " = " if self.is_assign else " := "
        return ", ".join(map(str, self.decl)) + operator + commands


@_node
class ChainNode(Node):
    """A term other than a field or variable followed by fields: `(index .X 0).name`."""

    pos: int
    end: int
    go_pos: int
    node: Node
    field: tuple[str, ...]

    def __str__(self) -> str:
        base = f"({self.node})" if isinstance(self.node, PipeNode) else str(self.node)
        return base + "".join("." + name for name in self.field)


@_node
class ActionNode(Node):
    pos: int
    pipe: PipeNode

    def __str__(self) -> str:
        return "{{" + str(self.pipe) + "}}"


@_node
class BranchNode(Node):
    """What if, range and with share; `else_list` is None when there is no {{else}}."""

    pos: int
    pipe: PipeNode
    list: ListNode
    else_list: ListNode | None

    keyword = ""

    def __str__(self) -> str:
        text = "{{" + self.keyword + " " + str(self.pipe) + "}}" + str(self.list)
        if self.else_list is not None:
            text += "{{else}}" + str(self.else_list)
        return text + "{{end}}"


class IfNode(BranchNode):
    __slots__ = ()
    keyword = "if"


class RangeNode(BranchNode):
    __slots__ = ()
    keyword = "range"


class WithNode(BranchNode):
    __slots__ = ()
    keyword = "with"


@_node
class BreakNode(Node):
    pos: int

    def __str__(self) -> str:
        return "{{break}}"


@_node
class ContinueNode(Node):
    pos: int

    def __str__(self) -> str:
        return "{{continue}}"


@_node
class TemplateNode(Node):
    """{{template "name" pipeline}}, and the call that a {{block}} leaves in its place."""

    pos: int
    name: str
    pipe: PipeNode | None

    def __str__(self) -> str:
        pipe = "" if self.pipe is None else " " + str(self.pipe)
        return "{{template " + quote(self.name) + pipe + "}}"


@_node
class EndNode(Node):
    """{{end}}: ends a list while parsing, never part of a finished tree."""

    pos: int

    def __str__(self) -> str:
        return "{{end}}"


@_node
class ElseNode(Node):
    """{{else}}: ends a list while parsing, never part of a finished tree."""

    pos: int

    def __str__(self) -> str:
        return "{{else}}"
