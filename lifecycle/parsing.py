"""Typed blueprint objects built from parsed documents, reporting every shape problem on the way."""

from collections.abc import Callable

import yaml

from lifecycle.kinds import KASTEN_NAMESPACE
from lifecycle.model import Action, Artifact, Blueprint, ObjectRef, Phase
from lifecycle.suggest import did_you_mean
from lifecycle.yamlpos import Document, find

# report(code, node, message, hint, location): how parsing tells the linter what it found.
Report = Callable[[str, yaml.Node, str, str, str], None]

BLUEPRINT_FIELDS = ("apiVersion", "kind", "metadata", "actions")
ACTION_FIELDS = (
    "name",
    "kind",
    "configMapNames",
    "secretNames",
    "inputArtifactNames",
    "outputArtifacts",
    "phases",
    "deferPhase",
)
PHASE_FIELDS = ("func", "name", "objects", "args")
OBJECT_FIELDS = ("apiVersion", "group", "resource", "kind", "name", "namespace")
ARTIFACT_FIELDS = ("keyValue", "kopiaSnapshot")


def _ignore(code, node, message, hint, location) -> None:
    pass


def parse_blueprint(document: Document, report: Report = _ignore) -> Blueprint:
    """blueprint := apiVersion kind metadata{name namespace?} actions{name: action}"""
    parser = _Parser(report)
    return parser.blueprint(document.node, document.data)


class _Parser:
    def __init__(self, report: Report) -> None:
        self.report = report

    def blueprint(self, node: yaml.Node, data: object) -> Blueprint:
        self.unknown_fields(node, BLUEPRINT_FIELDS, "", "blueprint")
        metadata = find(node, "metadata")
        name_node = find(metadata, "name")
        name = _text(name_node)
        if not name:
            self.report(
                "BP003",
                name_node or metadata or node,
                "metadata.name is missing: annotations, bindings and hooks name a blueprint by it",
                "add `metadata: {name: my-blueprint}`",
                "metadata.name",
            )
        namespace = _text(find(metadata, "namespace"))
        actions_node = find(node, "actions")
        actions: dict[str, Action] = {}
        if actions_node is None or is_null(actions_node):
            self.report(
                "BP004",
                actions_node or node,
                "the blueprint defines no actions",
                "add an `actions:` mapping, e.g. `actions: {backupPrehook: {phases: [...]}}`",
                "actions",
            )
        elif self.expect(actions_node, yaml.MappingNode, "actions", "a mapping of action names"):
            if not actions_node.value:
                self.report(
                    "BP004",
                    actions_node,
                    "`actions` is empty",
                    "add at least one action",
                    "actions",
                )
            for key, value in actions_node.value:
                action_name = str(key.value)
                actions[action_name] = self.action(
                    action_name, key, value, _item(_item(data, "actions"), action_name)
                )
        return Blueprint(name, namespace or KASTEN_NAMESPACE, actions, node)

    def action(self, name: str, key: yaml.Node, node: yaml.Node, data: object) -> Action:
        """action := kind? configMapNames? secretNames? inputArtifactNames? outputArtifacts?
        phases deferPhase?"""
        path = f"actions.{name}"
        if not self.expect(node, yaml.MappingNode, path, "a mapping with `phases`"):
            return Action(name, "", (), None, {}, (), (), (), path, node, key)
        self.unknown_fields(node, ACTION_FIELDS, path, "action")
        fields = _fields(node)
        phases: list[Phase] = []
        phases_node = fields.get("phases")
        if (
            phases_node is None
            or is_null(phases_node)
            or (isinstance(phases_node, yaml.SequenceNode) and not phases_node.value)
        ):
            self.report(
                "BP005",
                phases_node or key,
                f"action {name!r} has no phases",
                "list the steps under `phases:`; an action without phases does nothing",
                f"{path}.phases",
            )
        elif self.expect(phases_node, yaml.SequenceNode, f"{path}.phases", "a list of phases"):
            for index, item in enumerate(phases_node.value):
                phases.append(
                    self.phase(
                        item,
                        _index(_item(data, "phases"), index),
                        f"{path}.phases[{index}]",
                        is_defer=False,
                    )
                )
        defer_node = fields.get("deferPhase")
        defer = None
        if defer_node is not None and not is_null(defer_node):
            defer = self.phase(
                defer_node, _item(data, "deferPhase"), f"{path}.deferPhase", is_defer=True
            )
        return Action(
            name,
            _text(fields.get("kind")),
            tuple(phases),
            defer,
            self.artifacts(
                fields.get("outputArtifacts"),
                _item(data, "outputArtifacts"),
                f"{path}.outputArtifacts",
            ),
            self.names(fields, "inputArtifactNames", path),
            self.names(fields, "configMapNames", path),
            self.names(fields, "secretNames", path),
            path,
            node,
            key,
        )

    def phase(self, node: yaml.Node, data: object, path: str, *, is_defer: bool) -> Phase:
        """phase := func name args objects?"""
        if not self.expect(node, yaml.MappingNode, path, "a mapping with func, name and args"):
            return Phase("", "", {}, {}, path, node, is_defer)
        self.unknown_fields(node, PHASE_FIELDS, path, "phase")
        fields = _fields(node)
        missing = [f for f in ("func", "name", "args") if f not in fields]
        if missing:
            listed = ", ".join(missing)
            self.report(
                "BP006",
                node,
                f"phase is missing {listed}",
                "every phase needs `func` (the Kanister function), `name` and `args`",
                path,
            )
        args_node = fields.get("args")
        args = {}
        if args_node is not None and self.expect(
            args_node, yaml.MappingNode, f"{path}.args", "a mapping of arguments"
        ):
            args_data = _item(data, "args")
            args = {str(k): v for k, v in args_data.items()} if isinstance(args_data, dict) else {}
        for key in ("func", "name"):
            value = fields.get(key)
            if value is not None and not isinstance(value, yaml.ScalarNode):
                self.expect(value, yaml.ScalarNode, f"{path}.{key}", "a string")
        return Phase(
            _text(fields.get("name")),
            _text(fields.get("func")),
            args,
            self.objects(fields.get("objects"), f"{path}.objects"),
            path,
            node,
            is_defer,
        )

    def objects(self, node: yaml.Node | None, path: str) -> dict[str, ObjectRef]:
        """objects := {key: {kind name namespace}}"""
        if node is None or not self.expect(
            node, yaml.MappingNode, path, "a mapping of object references"
        ):
            return {}
        refs = {}
        for key, value in node.value:
            where = f"{path}.{key.value}"
            if self.expect(
                value, yaml.MappingNode, where, "a mapping with kind, name and namespace"
            ):
                self.unknown_fields(value, OBJECT_FIELDS, where, "object reference")
                fields = _fields(value)
                refs[str(key.value)] = ObjectRef(
                    str(key.value),
                    _text(fields.get("kind")),
                    _text(fields.get("name")),
                    _text(fields.get("namespace")),
                    where,
                    value,
                )
        return refs

    def artifacts(self, node: yaml.Node | None, data: object, path: str) -> dict[str, Artifact]:
        """outputArtifacts := {name: {keyValue: {key: template}, kopiaSnapshot: template}}"""
        if node is None or not self.expect(node, yaml.MappingNode, path, "a mapping of artifacts"):
            return {}
        artifacts = {}
        for key, value in node.value:
            where = f"{path}.{key.value}"
            if self.expect(value, yaml.MappingNode, where, "a mapping with keyValue"):
                self.unknown_fields(value, ARTIFACT_FIELDS, where, "artifact")
                key_value = find(value, "keyValue")
                if key_value is not None:
                    self.expect(key_value, yaml.MappingNode, f"{where}.keyValue", "a mapping")
                values = _item(_item(data, str(key.value)), "keyValue")
                values = values if isinstance(values, dict) else {}
                artifacts[str(key.value)] = Artifact(
                    str(key.value), values, _text(find(value, "kopiaSnapshot")), where, value
                )
        return artifacts

    def names(self, fields: dict[str, yaml.Node], field: str, path: str) -> tuple[str, ...]:
        value = fields.get(field)
        if value is None or is_null(value):
            return ()
        if not self.expect(value, yaml.SequenceNode, f"{path}.{field}", "a list of names"):
            return ()
        return tuple(_text(item) for item in value.value if isinstance(item, yaml.ScalarNode))

    def expect(self, node: yaml.Node, kind: type, path: str, wanted: str) -> bool:
        if isinstance(node, kind):
            return True
        self.report(
            "BP008",
            node,
            f"{path} must be {wanted}, found {describe(node)}",
            "check the indentation: a missing or extra space often turns a mapping into a string",
            path,
        )
        return False

    def unknown_fields(self, node: yaml.Node, known: tuple[str, ...], path: str, what: str) -> None:
        for key, _ in node.value:
            name = str(key.value)
            if name in known:
                continue
            guess = did_you_mean(name, known)
            hint = f"did you mean `{guess}`?" if guess else f"{what} fields are: {', '.join(known)}"
            if what == "action" and name == "objects":
                hint = "declare objects on each phase: Kanister reads them only there"
            self.report(
                "BP007",
                key,
                f"unknown {what} field {name!r}: Kanister ignores it",
                hint,
                f"{path}.{name}" if path else name,
            )


def _fields(node: yaml.MappingNode) -> dict[str, yaml.Node]:
    """A mapping's values by key, as `find` reads them: the first of repeated keys."""
    fields: dict[str, yaml.Node] = {}
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode):
            fields.setdefault(key.value, value)
    return fields


def _text(node: yaml.Node | None) -> str:
    if isinstance(node, yaml.ScalarNode) and not is_null(node):
        return str(node.value)
    return ""


def is_null(node: yaml.Node) -> bool:
    return node.tag == "tag:yaml.org,2002:null"


def _item(data: object, key: str) -> object:
    """The constructed value beside a node: the document's data walked along the same path."""
    return data.get(key) if isinstance(data, dict) else None


def _index(data: object, index: int) -> object:
    return data[index] if isinstance(data, list) and index < len(data) else None


def describe(node: yaml.Node) -> str:
    """What a node holds, as a message shows it: `a mapping`, `a list`, `nothing (null)`, or the
    scalar as written."""
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if is_null(node):
        return "nothing (null)"
    return f"{node.value!r}"
