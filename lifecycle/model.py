"""Typed blueprint objects mirroring Kanister's CRD, each keeping the YAML node it came from."""

from dataclasses import dataclass, field

import yaml

from lifecycle.yamlpos import find

_NODE = {"repr": False, "compare": False}


@dataclass(frozen=True, slots=True)
class ObjectRef:
    """An entry of a phase's `objects` block: a Secret or ConfigMap fetched before the action."""

    key: str
    kind: str
    name: str
    namespace: str
    path: str
    node: yaml.Node = field(**_NODE)


@dataclass(frozen=True, slots=True)
class Artifact:
    name: str
    key_value: dict[str, object]
    kopia_snapshot: str
    path: str
    node: yaml.Node = field(**_NODE)


@dataclass(frozen=True, slots=True)
class Phase:
    name: str
    func: str
    args: dict[str, object]
    objects: dict[str, ObjectRef]
    path: str  # dotted location, e.g. actions.backup.phases[0]
    node: yaml.Node = field(**_NODE)
    is_defer: bool = False

    def arg_node(self, argument: str) -> yaml.Node | None:
        return find(self.node, "args", argument)

    def field_node(self, name: str) -> yaml.Node | None:
        return find(self.node, name)


@dataclass(frozen=True, slots=True)
class Action:
    name: str
    kind: str
    phases: tuple[Phase, ...]
    defer_phase: Phase | None
    output_artifacts: dict[str, Artifact]
    input_artifact_names: tuple[str, ...]
    config_map_names: tuple[str, ...]
    secret_names: tuple[str, ...]
    path: str
    node: yaml.Node = field(**_NODE)
    key_node: yaml.Node = field(**_NODE)

    @property
    def all_phases(self) -> tuple[Phase, ...]:
        """The phases in the order they run: the defer phase last."""
        return self.phases + ((self.defer_phase,) if self.defer_phase else ())

    def field_node(self, name: str) -> yaml.Node | None:
        return find(self.node, name)


@dataclass(frozen=True, slots=True)
class Blueprint:
    name: str
    namespace: str
    actions: dict[str, Action]
    node: yaml.Node = field(**_NODE)

    @property
    def label(self) -> str:
        return f"Blueprint/{self.name}" if self.name else "Blueprint"


@dataclass(frozen=True, slots=True)
class BlueprintBinding:
    name: str
    blueprint: str
    disabled: bool
    match_all: tuple[dict, ...]
    match_any: tuple[dict, ...]
    created: str
    node: yaml.Node = field(**_NODE)
    blueprint_node: yaml.Node | None = field(default=None, **_NODE)

    @property
    def label(self) -> str:
        return f"BlueprintBinding/{self.name}"


@dataclass(frozen=True, slots=True)
class PolicyHook:
    operation: str  # the policy action it wraps: backup, export or restore
    hook: str  # preHook, onSuccess or onFailure
    blueprint: str
    action_name: str
    path: str
    node: yaml.Node = field(**_NODE)


@dataclass(frozen=True, slots=True)
class Policy:
    name: str
    hooks: tuple[PolicyHook, ...]
    node: yaml.Node = field(**_NODE)
    selector: dict = field(default_factory=dict)  # spec.selector: the namespaces it protects

    @property
    def label(self) -> str:
        return f"Policy/{self.name}"


@dataclass(frozen=True, slots=True)
class Workload:
    """An inventory resource a binding or an annotation can attach a blueprint to."""

    group: str
    version: str
    kind: str
    resource: str
    name: str
    namespace: str
    labels: dict[str, str]
    annotations: dict[str, str]
    node: yaml.Node | None = field(default=None, **_NODE)  # None when read from stored columns

    @property
    def label(self) -> str:
        return (
            f"{self.kind}/{self.namespace}/{self.name}"
            if self.namespace
            else f"{self.kind}/{self.name}"
        )
