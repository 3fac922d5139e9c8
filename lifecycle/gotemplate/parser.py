"""Parse a template into a node tree exactly as Go's text/template/parse does, errors included."""

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import NoReturn

from lifecycle.gotemplate.errors import TemplateSyntaxError
from lifecycle.gotemplate.funcs import KANISTER_FUNCTIONS
from lifecycle.gotemplate.lexer import RawToken, Token, TokenType, lex_raw
from lifecycle.gotemplate.literals import INVALID_SYNTAX, parse_number, quote, unquote
from lifecycle.gotemplate.nodes import (
    ActionNode,
    BoolNode,
    BreakNode,
    ChainNode,
    CommandNode,
    CommentNode,
    ContinueNode,
    DotNode,
    ElseNode,
    EndNode,
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

T = TokenType
_SPACE, _FIELD, _VARIABLE = T.SPACE, T.FIELD, T.VARIABLE  # hot in loops; a global is cheaper
_OPERAND_STARTS = frozenset(
    (
        T.BOOL,
        T.CHAR_CONSTANT,
        T.COMPLEX,
        T.DOT,
        T.FIELD,
        T.IDENTIFIER,
        T.NUMBER,
        T.NIL,
        T.RAW_STRING,
        T.STRING,
        T.VARIABLE,
        T.LEFT_PAREN,
    )
)
_CONTROLS = frozenset(
    (T.BLOCK, T.BREAK, T.CONTINUE, T.ELSE, T.END, T.IF, T.RANGE, T.TEMPLATE, T.WITH)
)
_ELSE_CHAINS = {"if": T.IF, "with": T.WITH}
_LIST_ENDS = (EndNode, ElseNode)
_NOT_EXECUTABLE = (BoolNode, DotNode, NilNode, NumberNode, StringNode)
_NUMBER_KINDS = {T.NUMBER: "number", T.COMPLEX: "complex", T.CHAR_CONSTANT: "char"}
# Go allows 10,000 nested parentheses; Python's stack does not, so nesting of parentheses and
# of if/range/with/block together stops here, with Go's message for too deep an expression.
MAX_DEPTH = 100
# bytes.TrimSpace's notion of space, which decides whether a template body counts as empty.
_GO_SPACE = "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
_GO_SPACE += "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"


@dataclass(slots=True, eq=False)
class Tree:
    """One parsed template; `templates` maps every name defined in the text to its tree.

    To run the template named `name`, run `templates[name]`: like Go, a {{define}} of the same
    name replaces an otherwise empty top-level template. Never changed once parsed, but not
    frozen, like the nodes: a frozen dataclass is slower to build.
    """

    name: str
    root: ListNode
    text: str = field(repr=False)
    templates: dict[str, "Tree"] = field(repr=False)


def parse(
    text: str,
    name: str = "config",
    functions: Collection[str] = KANISTER_FUNCTIONS,
    *,
    comments: bool = False,
    variables: Sequence[str] = ("$",),
) -> Tree:
    """Parse `text` as Go's `template.New(name).Funcs(...).Parse(text)` would.

    `functions` is every function name the template may call, builtins included. `variables`
    are those in scope where the text starts: more than `$` only when the text is one action
    cut from a template that declared some before it. Raises TemplateSyntaxError with Go's
    wording.
    """
    if "{{" not in text:
        templates: dict[str, Tree] = {}
        nodes = (TextNode(0, len(text), text),) if text else ()
        tree = Tree(name, ListNode(0, nodes), text, templates)
        templates[name] = tree
        return tree
    tokens = lex_raw(
        text,
        break_ok="break" not in functions,
        continue_ok="continue" not in functions,
        emit_comments=comments,
    )
    # Go never reads past an error or EOF token; padding keeps look-ahead in range regardless.
    tokens += tokens[-1:] * 3
    parser = _Parser(name, name, text, tokens, functions, {})
    parser.vars = list(variables)
    return parser.parse_root()


class _Parser:
    """Parses one tree; {{define}} and {{block}} bodies get a parser of their own.

    Tokens are (type, value, pos) tuples read through an index, with Go's look-ahead rules.
    Go reports the line of the last token the tree fetched, `tokens[high - 1]`, which is not
    always the token it complains about.
    """

    __slots__ = (
        "action_pos",
        "depth",
        "functions",
        "high",
        "i",
        "name",
        "parse_name",
        "range_depth",
        "templates",
        "text",
        "tokens",
        "vars",
    )

    def __init__(self, name, parse_name, text, tokens, functions, templates) -> None:
        self.name: str = name
        self.parse_name: str = parse_name
        self.text: str = text
        self.tokens: list[RawToken] = tokens
        self.functions: Collection[str] = functions
        self.templates: dict[str, Tree] = templates
        self.i = 0
        self.high = 0
        self.vars = ["$"]
        self.action_pos = -1
        self.range_depth = 0
        self.depth = 0

    # Reading tokens.

    def next(self) -> RawToken:
        i = self.i
        self.i = i + 1
        if i >= self.high:
            self.high = i + 1
        return self.tokens[i]

    def peek(self) -> RawToken:
        i = self.i
        if i >= self.high:
            self.high = i + 1
        return self.tokens[i]

    def next_non_space(self) -> RawToken:
        tokens, i = self.tokens, self.i
        while tokens[i][0] is _SPACE:
            i += 1
        self.i = i + 1
        if i >= self.high:
            self.high = i + 1
        return tokens[i]

    def peek_non_space(self) -> RawToken:
        tokens, i = self.tokens, self.i
        while tokens[i][0] is _SPACE:
            i += 1
        self.i = i
        if i >= self.high:
            self.high = i + 1
        return tokens[i]

    def expect(self, expected: TokenType, context: str) -> RawToken:
        token = self.next_non_space()
        if token[0] is not expected:
            self.unexpected(token, context)
        return token

    # Failing.

    def line(self, pos: int) -> int:
        return 1 + self.text.count("\n", 0, pos)

    def errorf(self, reason: str, offset: int | None = None) -> NoReturn:
        last_pos = self.tokens[self.high - 1][2]
        raise TemplateSyntaxError(
            reason,
            name=self.parse_name,
            line=self.line(last_pos),
            offset=last_pos if offset is None else offset,
            text=self.text,
        )

    def unexpected(self, token: RawToken, context: str) -> NoReturn:
        kind, value, pos = token
        if kind is T.ERROR:
            extra = ""
            if self.action_pos >= 0 and self.line(self.action_pos) != self.line(pos):
                extra = f" in action started at {self.parse_name}:{self.line(self.action_pos)}"
                if value.endswith(" action"):
                    extra = extra[len(" in action") :]
            self.errorf(value + extra, pos)
        self.errorf(f"unexpected {Token(*token, self.line(pos))} in {context}", pos)

    def enter(self) -> None:
        if self.depth >= MAX_DEPTH:
            self.errorf("max expression depth exceeded")
        self.depth += 1

    # Trees.

    def subtree(self, name: str) -> "_Parser":
        sub = _Parser(name, self.parse_name, self.text, self.tokens, self.functions, self.templates)
        sub.i = sub.high = self.i
        sub.depth = self.depth
        return sub

    def resume_after(self, sub: "_Parser") -> None:
        # `high` stays: Go's parent tree still holds the token it fetched before the body.
        self.i = sub.i

    def add(self, root: ListNode) -> Tree:
        """Record the tree under its name; an empty body never replaces nor clashes (Go's add)."""
        tree = Tree(self.name, root, self.text, self.templates)
        existing = self.templates.get(self.name)
        if existing is None or _is_empty(existing.root):
            self.templates[self.name] = tree
        elif not _is_empty(root):
            self.errorf(f"template: multiple definition of template {quote(self.name)}")
        return tree

    # Grammar rules.

    def parse_root(self) -> Tree:
        """template: (text | comment | action | "{{" "define" define)* EOF"""
        pos = self.peek()[2]
        nodes: list[Node] = []
        while (token := self.peek())[0] is not T.EOF:
            if token[0] is T.LEFT_DELIM:
                self.i += 1  # as next() would: peek() has counted the token as read
                if self.peek_non_space()[0] is T.DEFINE:
                    self.next()
                    sub = self.subtree("definition")
                    sub.parse_define()
                    self.resume_after(sub)
                    continue
                node = self.parse_action(token[2])
            else:
                node = self.parse_text_or_action()
            if isinstance(node, _LIST_ENDS):
                self.errorf(f"unexpected {node}", node.pos)
            nodes.append(node)
        return self.add(ListNode(pos, tuple(nodes)))

    def parse_define(self) -> None:
        """define: string "}}" itemList "{{end}}"   ("{{define" already read)"""
        context = "define clause"
        token = self.next_non_space()
        if token[0] is not T.STRING and token[0] is not T.RAW_STRING:
            self.unexpected(token, context)
        self.name = self.unquote(token)
        self.expect(T.RIGHT_DELIM, context)
        root, end = self.parse_item_list()
        if not isinstance(end, EndNode):
            self.errorf(f"unexpected {end} in {context}", end.pos)
        self.add(root)

    def parse_item_list(self) -> tuple[ListNode, EndNode | ElseNode]:
        """itemList: textOrAction*   (ended by {{end}} or {{else}}, returned separately)"""
        pos = self.peek_non_space()[2]
        nodes: list[Node] = []
        while self.peek_non_space()[0] is not T.EOF:
            node = self.parse_text_or_action()
            if isinstance(node, _LIST_ENDS):
                return ListNode(pos, tuple(nodes)), node
            nodes.append(node)
        self.errorf("unexpected EOF")

    def parse_text_or_action(self) -> Node:
        """textOrAction: text | comment | "{{" action"""
        token = self.next_non_space()
        kind, value, pos = token
        if kind is T.TEXT:
            return TextNode(pos, pos + len(value), value)
        if kind is T.LEFT_DELIM:
            return self.parse_action(pos)
        if kind is T.COMMENT:
            return CommentNode(pos, value)
        self.unexpected(token, "input")

    def parse_action(self, delim_pos: int) -> Node:
        """action: control | pipeline "}}"
        control: if | range | with | block | template | break | continue | else | end
        (the `{{` at `delim_pos` has been read; errors name its line when on another one)"""
        self.action_pos = delim_pos
        try:
            token = self.next_non_space()
            control = _CONTROL_PARSERS.get(token[0])
            if control is not None:
                return control(self, token)
            self.i -= 1
            return ActionNode(token[2], self.parse_pipeline("command", T.RIGHT_DELIM))
        finally:
            self.action_pos = -1

    def parse_break(self, keyword: RawToken) -> BreakNode:
        """break: "{{break}}" inside a range"""
        token = self.next_non_space()
        if token[0] is not T.RIGHT_DELIM:
            self.unexpected(token, "{{break}}")
        if not self.range_depth:
            self.errorf("{{break}} outside {{range}}", keyword[2])
        return BreakNode(keyword[2])

    def parse_continue(self, keyword: RawToken) -> ContinueNode:
        """continue: "{{continue}}" inside a range"""
        token = self.next_non_space()
        if token[0] is not T.RIGHT_DELIM:
            self.unexpected(token, "{{continue}}")
        if not self.range_depth:
            self.errorf("{{continue}} outside {{range}}", keyword[2])
        return ContinueNode(keyword[2])

    def parse_if(self, keyword: RawToken) -> IfNode:
        """if: "{{if" pipeline "}}" itemList ("{{else}}" itemList | "{{else if" ...)? "{{end}}"
        ({{else if}} nests an if in the else list)"""
        return IfNode(*self.parse_control("if"))

    def parse_range(self, keyword: RawToken) -> RangeNode:
        """range: "{{range" pipeline "}}" itemList ("{{else}}" itemList)? "{{end}}" """
        return RangeNode(*self.parse_control("range"))

    def parse_with(self, keyword: RawToken) -> WithNode:
        """with: "{{with" pipeline "}}" itemList ("{{else}}" itemList | "{{else with" ...)?
        "{{end}}"   ({{else with}} nests a with in the else list)"""
        return WithNode(*self.parse_control("with"))

    def parse_control(self, context: str) -> tuple:
        """The part if, range and with share; `{{else if}}` nests an if in the else list."""
        depth, n_vars = self.depth, len(self.vars)
        self.enter()
        try:
            pipe = self.parse_pipeline(context, T.RIGHT_DELIM)
            if context == "range":
                self.range_depth += 1
            items, next_node = self.parse_item_list()
            if context == "range":
                self.range_depth -= 1
            else_list = None
            if isinstance(next_node, ElseNode):
                chained = _ELSE_CHAINS.get(context)
                if chained is not None and self.peek()[0] is chained:
                    inner = getattr(self, "parse_" + context)(self.next())
                    else_list = ListNode(next_node.pos, (inner,))
                else:
                    else_list, next_node = self.parse_item_list()
                    if not isinstance(next_node, EndNode):
                        self.errorf(f"expected end; found {next_node}", next_node.pos)
            return pipe.pos, pipe, items, else_list
        finally:
            self.depth = depth
            del self.vars[n_vars:]

    def parse_end(self, keyword: RawToken) -> EndNode:
        """end: "{{end}}" """
        return EndNode(self.expect(T.RIGHT_DELIM, "end")[2])

    def parse_else(self, keyword: RawToken) -> ElseNode:
        """else: "{{else}}" | "{{else" ("if" | "with") ...   (the if/with is left unread)"""
        token = self.peek_non_space()
        if token[0] is not T.IF and token[0] is not T.WITH:
            token = self.expect(T.RIGHT_DELIM, "else")
        return ElseNode(token[2])

    def parse_block(self, keyword: RawToken) -> TemplateNode:
        """block: "{{block" string pipeline "}}" itemList "{{end}}"   (defines and calls it)"""
        context = "block clause"
        token = self.next_non_space()
        name = self.template_name(token, context)
        pipe = self.parse_pipeline(context, T.RIGHT_DELIM)
        sub = self.subtree(name)
        sub.enter()
        root, end = sub.parse_item_list()
        if not isinstance(end, EndNode):
            self.errorf(f"unexpected {end} in {context}", end.pos)
        sub.add(root)
        self.resume_after(sub)
        return TemplateNode(token[2], name, pipe)

    def parse_template(self, keyword: RawToken) -> TemplateNode:
        """template: "{{template" string pipeline? "}}" """
        context = "template clause"
        token = self.next_non_space()
        name = self.template_name(token, context)
        pipe = None
        if self.next_non_space()[0] is not T.RIGHT_DELIM:
            self.i -= 1
            pipe = self.parse_pipeline(context, T.RIGHT_DELIM)
        return TemplateNode(token[2], name, pipe)

    def template_name(self, token: RawToken, context: str) -> str:
        if token[0] is not T.STRING and token[0] is not T.RAW_STRING:
            self.unexpected(token, context)
        return self.unquote(token)

    def parse_pipeline(self, context: str, end: TokenType) -> PipeNode:
        """pipeline: declarations? command ("|" command)*
        declarations: variable ("," variable)? (":=" | "=")   (two variables only in range)"""
        first = variable = self.peek_non_space()
        decl: list[VariableNode] = []
        is_assign = False
        while variable[0] is _VARIABLE:
            start = self.i
            self.next()
            following = self.peek_non_space()
            if following[0] is T.ASSIGN or following[0] is T.DECLARE:
                is_assign = following[0] is T.ASSIGN
                self.next_non_space()
                decl.append(self.declare(variable))
            elif following[0] is T.CHAR and following[1] == ",":
                self.next_non_space()
                decl.append(self.declare(variable))
                if context == "range" and len(decl) < 2:
                    variable = self.peek_non_space()
                    if variable[0] in (_VARIABLE, T.RIGHT_DELIM, T.RIGHT_PAREN):
                        continue
                    self.errorf("range can only initialize variables")
                self.errorf(f"too many declarations in {context}")
            else:
                self.i = start  # an argument, not a declaration: read it again as one
            break
        cmds: list[CommandNode] = []
        while True:
            token = self.next_non_space()
            kind = token[0]
            if kind is end:
                if len(cmds) != 1:  # one command is always a valid pipeline
                    self.check_pipeline(cmds, context)
                return PipeNode(first[2], cmds[-1].end, is_assign, tuple(decl), tuple(cmds))
            if kind not in _OPERAND_STARTS:
                self.unexpected(token, context)
            cmds.append(self.parse_command(token))

    def declare(self, token: RawToken) -> VariableNode:
        _, value, pos = token
        self.vars.append(value)
        return VariableNode(pos, pos + len(value), pos, (value,))

    def check_pipeline(self, cmds: list[CommandNode], context: str) -> None:
        if not cmds:
            self.errorf(f"missing value for {context}")
        # Only the first command may start with a value that cannot receive the piped one.
        for stage, cmd in enumerate(cmds[1:], start=2):
            if isinstance(cmd.args[0], _NOT_EXECUTABLE):
                self.errorf(f"non executable command in pipeline stage {stage}", cmd.pos)

    def parse_command(self, token: RawToken) -> CommandNode:
        """command: operand (space operand)*   (ends before "}}" or ")", or after "|")
        `token`, the start of the first operand, has been read."""
        tokens = self.tokens
        pos = token[2]
        args: list[Node] = []
        while True:
            args.append(self.parse_operand(token))
            after = self.i
            _, value, last_pos = tokens[after - 1]
            end = last_pos + len(value)
            token = self.next_non_space()
            if token[0] in _TERMS and self.i - 1 > after:
                continue  # another operand, after a space
            kind = token[0]
            if kind is T.RIGHT_DELIM or kind is T.RIGHT_PAREN:
                self.i -= 1
            elif kind is not T.PIPE:
                self.unexpected(token, "operand")
            return CommandNode(pos, end, tuple(args))

    def parse_operand(self, token: RawToken) -> Node:
        """operand: term field*   (fields written without spaces: `(x).A.B`)
        term: literal | function | "." | field | variable | "(" pipeline ")"
        literal: number | string | char | "true" | "false" | "nil"
        `token`, which starts a term, has been read. Field and variable terms take their fields
        themselves."""
        kind = token[0]
        node = _TERMS[kind](self, token)
        if kind is _FIELD or kind is _VARIABLE or self.peek()[0] is not _FIELD:
            return node
        fields, end, chain_pos = self.trailing_fields()
        if isinstance(node, _NOT_EXECUTABLE):
            self.errorf(f"unexpected . after term {quote(str(node))}", chain_pos)
        return ChainNode(token[2], end, chain_pos, node, fields)

    def trailing_fields(self) -> tuple[tuple[str, ...], int, int]:
        """The `.field` tokens right after a term: their names, the end of the last token read
        (the term's own when there are none), and where the first starts, which is where Go
        anchors the chain in execution errors."""
        tokens, i = self.tokens, self.i
        chain_pos = tokens[i][2]
        fields = []
        while (token := tokens[i])[0] is _FIELD:
            fields.append(token[1][1:])
            i += 1
        self.i = i
        if i >= self.high:  # as peek(): Go looks at the token after the fields
            self.high = i + 1
        _, value, last_pos = tokens[i - 1]
        return tuple(fields), last_pos + len(value), chain_pos

    # Terms, by token type.

    def term_identifier(self, token: RawToken) -> IdentifierNode:
        _, value, pos = token
        if value not in self.functions:
            self.errorf(f"function {quote(value)} not defined", pos)
        return IdentifierNode(pos, pos + len(value), value)

    def term_dot(self, token: RawToken) -> DotNode:
        return DotNode(token[2], token[2] + 1)

    def term_nil(self, token: RawToken) -> NilNode:
        return NilNode(token[2], token[2] + 3)

    def term_variable(self, token: RawToken) -> VariableNode:
        _, value, pos = token
        if value not in self.vars:
            self.errorf(f"undefined variable {quote(value)}", pos)
        fields, end, chain_pos = self.trailing_fields()
        if not fields:
            return VariableNode(pos, end, pos, (value,))
        return VariableNode(pos, end, chain_pos, (value, *fields))

    def term_field(self, token: RawToken) -> FieldNode:
        _, value, pos = token
        fields, end, chain_pos = self.trailing_fields()
        if not fields:
            return FieldNode(pos, end, pos, (value[1:],))
        return FieldNode(pos, end, chain_pos, (value[1:], *fields))

    def term_bool(self, token: RawToken) -> BoolNode:
        _, value, pos = token
        return BoolNode(pos, pos + len(value), value == "true")

    def term_number(self, token: RawToken) -> NumberNode:
        kind, value, pos = token
        try:
            number = parse_number(value, _NUMBER_KINDS[kind])
        except ValueError as error:
            self.errorf(str(error), pos)
        return NumberNode(pos, pos + len(value), value, number)

    def term_string(self, token: RawToken) -> StringNode:
        _, value, pos = token
        return StringNode(pos, pos + len(value), value, self.unquote(token))

    def term_parenthesized(self, token: RawToken) -> PipeNode:
        depth = self.depth
        self.enter()
        try:
            return self.parse_pipeline("parenthesized pipeline", T.RIGHT_PAREN)
        finally:
            self.depth = depth

    def unquote(self, token: RawToken) -> str:
        try:
            return unquote(token[1])
        except ValueError:
            self.errorf(INVALID_SYNTAX, token[2])


_CONTROL_PARSERS = {kind: getattr(_Parser, "parse_" + kind.value) for kind in _CONTROLS}
_TERMS = {
    T.IDENTIFIER: _Parser.term_identifier,
    T.DOT: _Parser.term_dot,
    T.NIL: _Parser.term_nil,
    T.VARIABLE: _Parser.term_variable,
    T.FIELD: _Parser.term_field,
    T.BOOL: _Parser.term_bool,
    T.CHAR_CONSTANT: _Parser.term_number,
    T.COMPLEX: _Parser.term_number,
    T.NUMBER: _Parser.term_number,
    T.LEFT_PAREN: _Parser.term_parenthesized,
    T.STRING: _Parser.term_string,
    T.RAW_STRING: _Parser.term_string,
}


def _is_empty(node: Node) -> bool:
    """Go's IsEmptyTree: nothing but space and comments."""
    if isinstance(node, ListNode):
        return all(_is_empty(child) for child in node.nodes)
    if isinstance(node, TextNode):
        return not node.text.strip(_GO_SPACE)
    return isinstance(node, CommentNode)
