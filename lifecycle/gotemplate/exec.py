"""Run a parsed template as Go's text/template/exec.go does: same output, same errors.

Go values are held as values.py describes. Two of reflect's distinctions survive here because
Go's messages show them: None is a nil interface{} (a map entry or list element that is nil),
which a pipeline turns into NO_VALUE, reflect's invalid value; and an element of a
[]interface{} or map[string]interface{} that a range hands out as dot or as a variable is
boxed, so a field read on it fails "in type interface {}", as in Go.
"""

from collections.abc import Mapping
from contextlib import suppress
from dataclasses import replace
from typing import NoReturn

from lifecycle.gotemplate.builtins import BUILTINS, go_type_name
from lifecycle.gotemplate.callables import Function, GoError, GoPanic
from lifecycle.gotemplate.gofmt import sprint
from lifecycle.gotemplate.literals import quote
from lifecycle.gotemplate.nodes import (
    ActionNode,
    BoolNode,
    BreakNode,
    ChainNode,
    CommentNode,
    ContinueNode,
    DotNode,
    FieldNode,
    IdentifierNode,
    IfNode,
    ListNode,
    NilNode,
    Node,
    NumberNode,
    PipeNode,
    RangeNode,
    StringNode,
    TemplateNode,
    TextNode,
    VariableNode,
    WithNode,
)
from lifecycle.gotemplate.parser import Tree, parse
from lifecycle.gotemplate.values import (
    NO_VALUE,
    Int64,
    NilPointer,
    Struct,
    TypedList,
    TypedMap,
    is_true,
)

MISSINGKEY_MODES = ("error", "default", "invalid", "zero")
# Go stops at 100,000 nested {{template}} calls; Python's stack gives out long before (after a
# few hundred), and that is reported with Go's message, at the call that went too deep.
_MAX_DEPTH_MESSAGE = "exceeded maximum template depth (100000)"
_MISSING_KEY = "map has no entry for key "
_INTERFACE = "interface {}"
_REFLECT_VALUE = "reflect.Value"
_ANY = (_INTERFACE, _REFLECT_VALUE)
_INT_TYPES = frozenset(("int", "int8", "int16", "int32", "int64"))
_UINT_TYPES = frozenset(("uint", "uint8", "uint16", "uint32", "uint64", "uintptr"))
_FLOAT_TYPES = frozenset(("float32", "float64"))
_COMPLEX_TYPES = frozenset(("complex64", "complex128"))
_CANNOT_BE_NIL = object()


class TemplateExecError(Exception):
    """A template failed while running; `message` is Go's full text.

    `partial` is the output written before the error. `line` and `column` (1-based, in
    characters) locate the node Go blames; Go's own message gives a 0-based byte column.
    `kanister_message` is what Kanister puts in the ActionSet's status instead.
    """

    def __init__(self, message: str, *, partial: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.partial = partial
        self.line = line
        self.column = column

    @property
    def kanister_message(self) -> str:
        """Kanister rewrites a missing map key into its own sentence and keeps other errors."""
        if _MISSING_KEY not in self.message:
            return self.message
        key = self.message.rsplit(_MISSING_KEY, 1)[1].strip('"')
        return f'Failed to render template: "{key}" not found'


class _Boxed:
    """A non-nil value held in an interface{}: what a range over []interface{} or
    map[string]interface{} gives as dot and to its variables."""

    __slots__ = ("value",)
    go_type_name = "interface {}"  # what Go's slice calls an index it was given this way

    def __init__(self, value: object) -> None:
        self.value = value


class _Break(Exception):
    """{{break}}, caught by the innermost range."""


class _Continue(Exception):
    """{{continue}}, caught by the innermost range's iteration."""


# Arguments that give a builtin the value as read, in its interface{} when a map held it.
_HOLDING_NODES = (ChainNode, DotNode, FieldNode, VariableNode)
_MISSING = object()  # Go's missingVal: no value piped in from a previous command


def render(
    text: str,
    data: object,
    functions: Mapping[str, Function] = BUILTINS,
    missingkey: str = "error",
    name: str = "config",
) -> str:
    """Parse and run `text` as `template.New(name).Option("missingkey=...").Funcs(...)` would.

    Raises TemplateSyntaxError when Go refuses to parse it, TemplateExecError when it fails.
    """
    return execute(parse(text, name, functions), data, functions, missingkey)


def execute(
    tree: Tree, data: object, functions: Mapping[str, Function] = BUILTINS, missingkey="error"
) -> str:
    """Run a parsed template on `data`, the value of dot and `$`."""
    if missingkey not in MISSINGKEY_MODES:
        raise ValueError(f"unrecognized option: missingkey={missingkey}")
    state = _State(tree, functions, missingkey)
    value = NO_VALUE if data is None else data
    state.vars = [["$", value]]
    state.walk(value, tree.templates[tree.name].root)
    return "".join(state.out)


class _State:
    """One execution: output so far, variables in scope, and the node Go would blame."""

    __slots__ = ("functions", "held", "missingkey", "name", "node", "out", "tree", "vars")

    def __init__(self, tree: Tree, functions: Mapping[str, Function], missingkey: str) -> None:
        self.tree = tree
        self.functions = functions
        self.missingkey = missingkey
        self.name = tree.name  # the template being run, for "executing NAME"
        self.node: Node | None = None
        self.held = False  # whether the last value read was held in an interface{}
        self.out: list[str] = []
        self.vars: list[list] = []

    def errorf(self, reason: str) -> NoReturn:
        """Fail at the current node, as Go's state.errorf does."""
        node = self.node
        text = self.tree.text
        pos = getattr(node, "go_pos", node.pos)
        line_start = text.rfind("\n", 0, pos) + 1
        line = 1 + text.count("\n", 0, pos)
        byte_column = len(text[line_start:pos].encode("utf-8", "surrogateescape"))
        message = (
            f"template: {self.tree.name}:{line}:{byte_column}: "
            f"executing {quote(self.name)} at <{node}>: {reason}"
        )
        raise TemplateExecError(
            message, partial="".join(self.out), line=line, column=pos - line_start + 1
        )

    # Variables.

    def var_value(self, name: str) -> object:
        for variable in reversed(self.vars):
            if variable[0] == name:
                return variable[1]
        self.errorf(f"undefined variable: {name}")

    def set_var(self, name: str, value: object) -> None:
        for variable in reversed(self.vars):
            if variable[0] == name:
                variable[1] = value
                return
        self.errorf(f"undefined variable: {name}")

    # Walking the tree, which writes the output.

    def walk(self, dot: object, node: Node) -> None:
        self.node = node
        _WALKERS[type(node)](self, dot, node)

    def walk_list(self, dot: object, node: ListNode) -> None:
        # Text is most of a template and can never fail: it is written here, not dispatched.
        out = self.out
        for child in node.nodes:
            if type(child) is TextNode:
                out.append(child.text)
            else:
                self.node = child
                _WALKERS[type(child)](self, dot, child)

    def walk_action(self, dot: object, node: ActionNode) -> None:
        # Variables an action declares stay until the end of the enclosing block.
        value = self.eval_pipeline(dot, node.pipe)
        if not node.pipe.decl:
            self.print_value(node, value)

    def walk_comment(self, dot: object, node: CommentNode) -> None:
        pass

    def walk_break(self, dot: object, node: BreakNode) -> None:
        raise _Break

    def walk_continue(self, dot: object, node: ContinueNode) -> None:
        raise _Continue

    def walk_if_or_with(self, dot: object, node: IfNode | WithNode) -> None:
        """Go's walkIfOrWith: `with` runs its body with the pipeline's value as dot."""
        mark = len(self.vars)
        value = self.eval_pipeline(dot, node.pipe)
        if is_true(value):
            self.walk(value if type(node) is WithNode else dot, node.list)
        elif node.else_list is not None:
            self.walk(dot, node.else_list)
        del self.vars[mark:]

    def walk_range(self, dot: object, node: RangeNode) -> None:
        outer_mark = len(self.vars)
        value = self.eval_pipeline(dot, node.pipe)
        mark = len(self.vars)
        items = self.range_items(value, len(node.pipe.decl))
        try:
            ran = False
            for index, element in items:
                ran = True
                self.walk_iteration(node, index, element, mark)
            if not ran and node.else_list is not None:
                self.walk(dot, node.else_list)
        except _Break:
            pass  # the loop is over; its else does not run
        del self.vars[outer_mark:]

    def range_items(self, value: object, n_vars: int):
        """(index, element) pairs in Go's order: maps by sorted key, integers from 0."""
        kind = type(value)
        if kind is list:
            return ((i, _box(item)) for i, item in enumerate(value))
        if kind is dict:
            return ((key, _box(value[key])) for key in sorted(value))
        if kind is TypedList or kind is bytes:
            return enumerate(value)
        if kind is TypedMap:
            return ((key, value[key]) for key in sorted(value))
        if kind is int or kind is Int64:
            if n_vars > 1:
                self.errorf(f"can't use {value} to iterate over more than one variable")
            return ((NO_VALUE, i) for i in range(value))
        if value is NO_VALUE:
            return ()
        if isinstance(value, Struct) and value.pointer:
            value = replace(value, pointer=False)
        self.errorf(f"range can't iterate over {sprint(value)}")

    def walk_iteration(self, node: RangeNode, index: object, element: object, mark: int) -> None:
        pipe = node.pipe
        decl = pipe.decl
        if decl:
            if pipe.is_assign:
                self.set_var(decl[0].ident[0], index if len(decl) > 1 else element)
                if len(decl) > 1:
                    self.set_var(decl[1].ident[0], element)
            else:
                self.vars[-1][1] = element
                if len(decl) > 1:
                    self.vars[-2][1] = index
        with suppress(_Continue):
            self.walk(element, node.list)
        del self.vars[mark:]

    def walk_template(self, dot: object, node: TemplateNode) -> None:
        template = self.tree.templates.get(node.name)
        if template is None:
            self.errorf(f"template {quote(node.name)} not defined")
        dot = self.eval_pipeline(dot, node.pipe)
        # No dynamic scoping: the called template sees only its own `$`.
        outer_vars, outer_name = self.vars, self.name
        self.vars, self.name = [["$", dot]], node.name
        try:
            self.walk(dot, template.root)
        except RecursionError:
            self.node = node
            self.errorf(_MAX_DEPTH_MESSAGE)
        self.vars, self.name = outer_vars, outer_name

    def print_value(self, node: Node, value: object) -> None:
        self.node = node
        kind = type(value)
        if kind is str:
            self.out.append(value)
        elif kind is int:
            self.out.append(str(value))
        elif value is NO_VALUE:
            self.out.append("<no value>")
        elif isinstance(value, Function):
            self.errorf(f"can't print {node} of type {go_type_name(value)}")
        else:
            # Go prints what a pointer points to: a struct without its `&`.
            if isinstance(value, Struct) and value.pointer:
                value = replace(value, pointer=False)
            self.out.append(sprint(value))

    # Evaluating pipelines, commands and their arguments.

    def eval_pipeline(self, dot: object, pipe: PipeNode | None) -> object:
        if pipe is None:
            return NO_VALUE
        self.node = pipe
        value = _MISSING
        for cmd in pipe.cmds:
            value = self.eval_command(dot, cmd, value)
            # A value held in an interface{} is taken out of it, and a nil one is no value.
            if type(value) is _Boxed:
                value = value.value
            elif value is None:
                value = NO_VALUE
        for variable in pipe.decl:
            if pipe.is_assign:
                self.set_var(variable.ident[0], value)
            else:
                self.vars.append([variable.ident[0], value])
        return value

    def eval_command(self, dot: object, cmd, final: object) -> object:
        first = cmd.args[0]
        kind = type(first)
        if kind is FieldNode:
            self.node = first
            return self.eval_field_chain(dot, dot, first, first.ident, cmd.args, final)
        if kind is IdentifierNode:
            return self.eval_function(dot, first, cmd, cmd.args, final)
        if kind is VariableNode:
            return self.eval_variable(dot, first, cmd.args, final)
        if kind is ChainNode:
            return self.eval_chain(dot, first, cmd.args, final)
        if kind is PipeNode:
            self.not_a_function(cmd.args, final)
            return self.eval_pipeline(dot, first)
        self.node = first
        self.not_a_function(cmd.args, final)
        if kind is StringNode:
            return first.text
        if kind is DotNode:
            return dot
        if kind is NumberNode:
            return self.ideal_constant(first)
        if kind is BoolNode:
            return first.value
        if kind is NilNode:
            self.errorf("nil is not a command")
        self.errorf(f"can't evaluate command {quote(str(first))}")

    def not_a_function(self, args, final: object) -> None:
        if (args is not None and len(args) > 1) or final is not _MISSING:
            self.errorf(f"can't give argument to non-function {args[0]}")

    def ideal_constant(self, node: NumberNode) -> object:
        """A number whose type nothing asks for: its spelling decides, as Go's rules do."""
        self.node = node
        number, text = node.value, node.text
        if number.is_complex:
            return number.complex128
        if (
            number.is_float
            and not _is_hex_int(text)
            and text[0] != "'"
            and any(char in text for char in ".eEpP")
        ):
            return number.float64
        if number.is_int:
            return number.int64
        if number.is_uint:
            self.errorf(f"{text} overflows int")
        return NO_VALUE

    def eval_variable(self, dot: object, node: VariableNode, args, final: object) -> object:
        self.node = node
        value = self.var_value(node.ident[0])
        if len(node.ident) == 1:
            self.not_a_function(args, final)
            return value
        return self.eval_field_chain(dot, value, node, node.ident[1:], args, final)

    def eval_chain(self, dot: object, node: ChainNode, args, final: object) -> object:
        self.node = node
        receiver = self.eval_arg(dot, None, node.node)
        return self.eval_field_chain(dot, receiver, node, node.field, args, final)

    def eval_field_chain(self, dot, receiver, node, names, args, final) -> object:
        """.X.Y.Z: each name is read from what the one before gave; only the last gets the
        arguments. `dot` is where arguments are evaluated."""
        boxed = type(receiver) is _Boxed
        if boxed:
            receiver = receiver.value
        for name in names[:-1]:
            value = self.eval_field(name, None, _MISSING, receiver, boxed)
            boxed = type(receiver) is dict and value is not None
            receiver = value
        self.held = type(receiver) is dict  # an element of map[string]interface{}
        return self.eval_field(names[-1], args, final, receiver, boxed)

    def eval_field(self, name: str, args, final: object, receiver: object, boxed: bool):
        """One `.Name` read from `receiver`, a map key or a struct field."""
        has_args = (args is not None and len(args) > 1) or final is not _MISSING
        if isinstance(receiver, dict):
            if has_args:
                self.errorf(f"{name} is not a method but has arguments")
            value = receiver.get(name, _MISSING)
            return self.missing_key(name, receiver) if value is _MISSING else value
        if isinstance(receiver, Struct):
            if name in receiver.fields:
                if has_args:
                    self.errorf(f"{name} has arguments but cannot be invoked as function")
                return receiver.fields[name]
        elif receiver is NO_VALUE:
            if self.missingkey == "error":
                self.errorf(f"nil data; no entry for key {quote(name)}")
            return NO_VALUE
        elif receiver is None or isinstance(receiver, NilPointer):
            typ = _INTERFACE if boxed or receiver is None else receiver.type_name
            self.errorf(f"nil pointer evaluating {typ}.{name}")
        typ = _INTERFACE if boxed else go_type_name(receiver)
        self.errorf(f"can't evaluate field {name} in type {typ}")

    def missing_key(self, name: str, mapping: dict) -> object:
        mode = self.missingkey
        if mode == "error":
            self.errorf(f"map has no entry for key {quote(name)}")
        if mode == "zero":
            return mapping.zero if type(mapping) is TypedMap else None
        return NO_VALUE

    def eval_function(self, dot, node: IdentifierNode, cmd, args, final: object) -> object:
        self.node = node
        name = node.ident
        function = self.functions.get(name)
        if function is None:
            self.errorf(f"{quote(name)} is not a defined function")
        is_builtin = function is BUILTINS.get(name)
        return self.eval_call(dot, function, is_builtin, cmd, args[1:] if args else (), final)

    def eval_call(self, dot, function: Function, is_builtin: bool, node, args, final) -> object:
        """Check and convert the arguments against the Go signature, then call."""
        name, params = function.name, function.params
        n_in = len(args) + (final is not _MISSING)
        n_fixed = len(args)
        if function.variadic:
            n_fixed = len(params) - 1
            if n_in < n_fixed:
                self.errorf(
                    f"wrong number of args for {name}: want at least {n_fixed} got {len(args)}"
                )
        elif n_in != len(params):
            self.errorf(f"wrong number of args for {name}: want {len(params)} got {n_in}")

        if is_builtin and (name == "and" or name == "or"):
            return self.eval_and_or(dot, name == "or", args, final)

        if is_builtin and name == "slice":
            argv = self.eval_slice_args(dot, args)
        else:
            argv = [
                self.eval_arg(dot, params[i] if i < n_fixed else params[-1], arg)
                for i, arg in enumerate(args)
            ]
        if final is not _MISSING:
            last = params[-1]
            if function.variadic and n_in - 1 < n_fixed:
                last = params[n_in - 1]
            argv.append(self.validate(final, last))
        if is_builtin and name == "call":
            # Go's call names the function it was given in its errors: the argument's text.
            argv.insert(0, str(args[0]) if args else str(final))
        try:
            return function.impl(*argv)
        except (GoError, GoPanic) as error:
            self.node = node
            self.errorf(f"error calling {name}: {error}")

    def eval_and_or(self, dot, is_or: bool, args, final: object) -> object:
        """and/or stop at the first argument that decides, which they return (Go ≥ 1.18)."""
        value = NO_VALUE
        for arg in args:
            value = self.eval_arg(dot, _REFLECT_VALUE, arg)
            if is_true(value) == is_or:
                return value
        if final is not _MISSING:
            value = self.validate(final, _REFLECT_VALUE)
        return value

    def eval_slice_args(self, dot: object, args) -> list:
        """Go's slice, alone among the builtins, does not take its indexes out of the
        interface{} that holds them, and refuses them as of type interface {}: such an index
        is passed on boxed."""
        argv = [self.eval_arg(dot, _REFLECT_VALUE, arg) for arg in args[:1]]
        for arg in args[1:]:
            self.held = False
            value = self.eval_arg(dot, _REFLECT_VALUE, arg)
            held = self.held and value is not NO_VALUE and type(arg) in _HOLDING_NODES
            argv.append(_Boxed(value) if held or value is None else value)
        return argv

    def eval_arg(self, dot: object, typ: str | None, node: Node) -> object:
        """An argument for a parameter of Go type `typ` (None: any, unconverted)."""
        self.node = node
        kind = type(node)
        if kind is FieldNode:
            value = self.eval_field_chain(dot, dot, node, node.ident, (node,), _MISSING)
            return self.validate(value, typ)
        if kind is VariableNode:
            return self.validate(self.eval_variable(dot, node, None, _MISSING), typ)
        if kind is DotNode:
            return self.validate(dot, typ)
        if kind is PipeNode:
            return self.validate(self.eval_pipeline(dot, node), typ)
        if kind is IdentifierNode:
            return self.validate(self.eval_function(dot, node, node, None, _MISSING), typ)
        if kind is ChainNode:
            return self.validate(self.eval_chain(dot, node, None, _MISSING), typ)
        if kind is NilNode:
            zero = _nil_of(typ)
            if zero is _CANNOT_BE_NIL:
                self.errorf(f"cannot assign nil to {typ}")
            return zero
        return self.eval_literal(typ, node)

    def eval_literal(self, typ: str, node: Node) -> object:
        """A literal argument: converted to the parameter's type as Go converts constants."""
        kind = type(node)
        if typ in _ANY:
            if kind is StringNode:
                return node.text
            if kind is NumberNode:
                return self.ideal_constant(node)
            if kind is BoolNode:
                return node.value
            self.errorf(f"can't handle assignment of {node} to empty interface argument")
        if typ == "string":
            if kind is StringNode:
                return node.text
            self.errorf(f"expected string; found {node}")
        if typ in _INT_TYPES:
            if kind is NumberNode and node.value.is_int:
                return Int64(node.value.int64) if typ == "int64" else node.value.int64
            self.errorf(f"expected integer; found {node}")
        if typ in _FLOAT_TYPES:
            if kind is NumberNode and node.value.is_float:
                return node.value.float64
            self.errorf(f"expected float; found {node}")
        if typ == "bool":
            if kind is BoolNode:
                return node.value
            self.errorf(f"expected bool; found {node}")
        if typ in _UINT_TYPES:
            if kind is NumberNode and node.value.is_uint:
                return node.value.uint64
            self.errorf(f"expected unsigned integer; found {node}")
        if typ in _COMPLEX_TYPES:
            if kind is NumberNode and node.value.is_complex:
                return node.value.complex128
            self.errorf(f"expected complex; found {node}")
        self.errorf(f"can't handle {node} for arg of type {typ}")

    def validate(self, value: object, typ: str | None) -> object:
        """Go's validateType: `value` as a `typ`, or Go's error when it is not one."""
        if type(value) is _Boxed:
            value = value.value
            self.held = True
        if value is NO_VALUE:
            if typ is None or typ == _REFLECT_VALUE:
                return NO_VALUE
            zero = _nil_of(typ)
            if zero is _CANNOT_BE_NIL:
                self.errorf(f"invalid value; expected {typ}")
            return zero
        if typ is None or typ in _ANY:
            return value
        actual = _INTERFACE if value is None else go_type_name(value)
        if actual == typ:
            return value
        if actual == "*" + typ:  # one dereference, as Go allows
            if isinstance(value, NilPointer):
                self.errorf(f"dereference of nil pointer of type {typ}")
            return replace(value, pointer=False)
        self.errorf(f"wrong type for value; expected {typ}; got {actual}")


_WALKERS = {
    ActionNode: _State.walk_action,
    BreakNode: _State.walk_break,
    CommentNode: _State.walk_comment,
    ContinueNode: _State.walk_continue,
    IfNode: _State.walk_if_or_with,
    ListNode: _State.walk_list,
    RangeNode: _State.walk_range,
    TemplateNode: _State.walk_template,
    WithNode: _State.walk_if_or_with,
}


def _is_hex_int(text: str) -> bool:
    return len(text) > 2 and text[0] == "0" and text[1] in "xX" and not any(c in text for c in "pP")


def _box(value: object) -> object:
    return value if value is None else _Boxed(value)


def _nil_of(typ: str | None) -> object:
    """Go's zero value of a type that can be nil, or _CANNOT_BE_NIL."""
    if typ is None or typ == _INTERFACE or typ.startswith("func"):
        return None
    if typ == _REFLECT_VALUE:
        return NO_VALUE
    if typ == "[]interface {}":
        return []
    if typ.startswith("[]"):
        return TypedList(type_name=typ)
    if typ == "map[string]interface {}":
        return {}
    if typ.startswith("map["):
        return TypedMap(type_name=typ, zero=_ZEROS.get(typ[typ.index("]") + 1 :]))
    if typ.startswith("*"):
        return NilPointer(typ)
    return _CANNOT_BE_NIL


_ZEROS = {"string": "", "int": 0, "int64": Int64(0), "float64": 0.0, "bool": False}
