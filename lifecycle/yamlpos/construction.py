"""Build a composed document's data as PyYAML's safe constructor does, checking the limits too."""

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from lifecycle.yamlpos.limits import Limits

_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
# Scalars whose constructor reads nothing but the node's value: called just as PyYAML calls them.
_BY_CONSTRUCTOR = frozenset(
    "tag:yaml.org,2002:" + name for name in ("bool", "int", "float", "timestamp", "binary")
)


class OverLimits(Exception):
    """The document crosses a bound; the event-checked read then says which one, and where."""


class _Unusual(Exception):
    """Something the quick walk leaves to PyYAML (another tag, a merge or value key, ...)."""


def construct_document(
    loader: yaml.constructor.SafeConstructor, root: yaml.Node, limits: Limits
) -> object:
    """What `loader.construct_document(root)` gives, raising OverLimits where `within_limits` fails.

    PyYAML's constructor, in Python, costs two thirds of libyaml's composing; one walk over plain
    strings, numbers, mappings and sequences, limits included, costs a quarter of it. On anything
    else, an error included, the walk stops and PyYAML builds (or refuses) the whole document
    itself, in its own order.
    """
    try:
        return _build(loader, root, limits)
    except OverLimits:
        raise
    except Exception:
        if not within_limits(root, limits):
            raise OverLimits from None
        return loader.construct_document(root)


def _build(loader: yaml.constructor.SafeConstructor, root: yaml.Node, limits: Limits) -> object:
    """The walk of `within_limits`, building each collection's content as it goes."""
    constructors = loader.yaml_constructors

    def scalar(node: yaml.Node) -> object:
        if type(node) is not ScalarNode:
            raise _Unusual
        tag = node.tag
        if tag == _STR:
            return node.value
        if tag == _NULL:
            return None
        if tag in _BY_CONSTRUCTOR:
            return constructors[tag](loader, node)
        raise _Unusual

    def collection(node: yaml.Node) -> dict | list:
        kind = type(node)
        if kind is MappingNode and node.tag == _MAP:
            return {}
        if kind is SequenceNode and node.tag == _SEQ:
            return []
        raise _Unusual

    if type(root) is ScalarNode:
        return scalar(root)
    data = collection(root)
    stack = [(root, data, 1)]
    seen: set[int] = set()
    count = 1
    while stack:
        node, into, depth = stack.pop()
        if depth > limits.max_depth or id(node) in seen:
            raise OverLimits
        seen.add(id(node))
        pairs = node.value
        count += 2 * len(pairs) if type(into) is dict else len(pairs)
        if count > limits.max_expanded_nodes:
            raise OverLimits
        if type(into) is dict:
            for key_node, value_node in pairs:
                key = scalar(key_node)
                if key != key:
                    # A NaN key: whether two NaN keys are one depends on their being one object
                    # in PyYAML (an alias, or `.nan`).
                    raise _Unusual
                if type(value_node) is ScalarNode:
                    into[key] = scalar(value_node)
                else:
                    into[key] = value = collection(value_node)
                    stack.append((value_node, value, depth + 1))
        else:
            for item in pairs:
                if type(item) is ScalarNode:
                    into.append(scalar(item))
                else:
                    into.append(value := collection(item))
                    stack.append((item, value, depth + 1))
    return data


def within_limits(root: yaml.Node, limits: Limits) -> bool:
    """No collection reached twice (an alias to one), and depth and size within the limits.

    Scalars are only counted: an alias to a scalar repeats one node, as the event check counts it.
    """
    seen: set[int] = set()
    count = 1
    stack = [(root, 1)] if not isinstance(root, yaml.ScalarNode) else []
    while stack:
        node, depth = stack.pop()
        if depth > limits.max_depth or id(node) in seen:
            return False
        seen.add(id(node))
        children = (
            [child for pair in node.value for child in pair]
            if isinstance(node, yaml.MappingNode)
            else node.value
        )
        count += len(children)
        if count > limits.max_expanded_nodes:
            return False
        stack.extend(
            (child, depth + 1) for child in children if not isinstance(child, yaml.ScalarNode)
        )
    return True


def unreadable_scalar(
    loader: yaml.constructor.SafeConstructor, root: yaml.Node
) -> ScalarNode | None:
    """The first scalar, in text order, that its tag's constructor refuses with a ValueError
    (`!!int x`, or `0b_`, which YAML 1.1 resolves as an int): PyYAML lets that error out without
    saying where."""
    constructors = loader.yaml_constructors
    scalars: list[ScalarNode] = []
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, ScalarNode):
            scalars.append(node)
        elif isinstance(node, MappingNode):
            stack.extend(child for pair in node.value for child in pair)
        else:
            stack.extend(node.value)
    for node in sorted(scalars, key=lambda scalar: scalar.start_mark.index):
        constructor = constructors.get(node.tag)
        try:
            if constructor is not None:
                constructor(loader, node)
        except ValueError:
            return node
    return None
