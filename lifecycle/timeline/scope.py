"""Which namespaces a policy protects, and which blueprint applies to each of their resources."""

from collections.abc import Mapping, Sequence
from fnmatch import fnmatchcase

from lifecycle.actions import LATER_RESERVED_ACTIONS, reserved_actions
from lifecycle.kinds import BLUEPRINT_ANNOTATION
from lifecycle.matching import Bindings
from lifecycle.model import Blueprint, BlueprintBinding, Policy, Workload
from lifecycle.timeline.model import IgnoredAction, Lane

# kasten-api.md §4: the selector key naming application namespaces (values may hold wildcards).
APP_NAMESPACE = "k10.kasten.io/appNamespace"
# Kubernetes labels every namespace with its own name.
NAME_LABEL = "kubernetes.io/metadata.name"
EMPTY_SELECTOR = (
    "A policy without a namespace selector is taken to protect every namespace of the inventory."
)


def namespace_labels(workloads: Sequence[Workload]) -> dict[str, dict[str, str]]:
    """Every namespace the inventory knows, by name, with its labels (from its Namespace object)."""
    labels: dict[str, dict[str, str]] = {}
    for workload in workloads:
        if workload.kind == "Namespace" and not workload.group:
            labels[workload.name] = {**workload.labels, NAME_LABEL: workload.name}
        elif workload.namespace:
            labels.setdefault(workload.namespace, {NAME_LABEL: workload.namespace})
    return labels


def covered_namespaces(workloads: Sequence[Workload], policy: Policy | None) -> list[str]:
    """The namespaces of the inventory the policy protects, or all of them without a policy."""
    labels = namespace_labels(workloads)
    return sorted(n for n, found in labels.items() if policy is None or protected(policy, n, found))


def protected(policy: Policy, name: str, labels: Mapping[str, str]) -> bool:
    """Whether the policy's spec.selector selects the namespace (kasten-api.md §4)."""
    selector = policy.selector
    for key, value in (selector.get("matchLabels") or {}).items():
        actual = name if key == APP_NAMESPACE else labels.get(key)
        if actual is None or not fnmatchcase(actual, str(value)):
            return False
    return all(_expression(item, name, labels) for item in selector.get("matchExpressions") or ())


def _expression(item: Mapping, name: str, labels: Mapping[str, str]) -> bool:
    key, operator = item.get("key"), item.get("operator")
    values = [str(value) for value in item.get("values") or ()]
    present, actual = (True, name) if key == APP_NAMESPACE else (key in labels, labels.get(key))
    found = present and any(fnmatchcase(actual, value) for value in values)
    if operator == "In":
        return found
    if operator == "NotIn":
        return not found
    if operator == "Exists":
        return present
    if operator == "DoesNotExist":
        return not present
    return False  # Kubernetes refuses any other operator, so such a policy selects nothing


class Binder:
    """Decides the blueprint of each resource: the earliest-created matching enabled binding, else
    the annotation (kasten-api.md §3.2)."""

    def __init__(
        self,
        blueprints: Mapping[str, Blueprint],
        bindings: Sequence[BlueprintBinding],
        kasten_version: tuple[int, int, int],
    ) -> None:
        self.blueprints = blueprints
        self.bindings = Bindings(bindings)
        self.reserved = reserved_actions(kasten_version)
        self._ignored: dict[str, tuple[IgnoredAction, ...]] = {}

    def lane(self, workload: Workload, problems: list[str]) -> Lane | None:
        choice = self.bindings.choose(workload)
        if choice.winner is not None:
            name, via = choice.winner.blueprint, choice.winner.label
        elif choice.ambiguous:
            names = ", ".join(binding.name for binding in choice.matching)
            problems.append(
                f"{workload.label}: bindings {names} all match and their creation order is not "
                "known, so which one Kasten uses cannot be decided; the resource is left out."
            )
            return None
        elif annotated := workload.annotations.get(BLUEPRINT_ANNOTATION):
            name, via = annotated, "annotation"
        else:
            return None
        blueprint = self.blueprints.get(name)
        if blueprint is None:
            problems.append(
                f"{workload.label}: {via} names Blueprint/{name}, which is not among the objects "
                "read, so its actions are unknown."
            )
            return Lane(workload.label, workload.kind, name, via)
        return Lane(workload.label, workload.kind, name, via, self.ignored(blueprint))

    def ignored(self, blueprint: Blueprint) -> tuple[IgnoredAction, ...]:
        if blueprint.name not in self._ignored:
            self._ignored[blueprint.name] = self._unreserved(blueprint)
        return self._ignored[blueprint.name]

    def _unreserved(self, blueprint: Blueprint) -> tuple[IgnoredAction, ...]:
        return tuple(
            IgnoredAction(name, _ignored_reason(name))
            for name in blueprint.actions
            if name not in self.reserved
        )


def _ignored_reason(name: str) -> str:
    if name in LATER_RESERVED_ACTIONS:
        since = ".".join(map(str, LATER_RESERVED_ACTIONS[name]))
        return (
            f"{name} is a reserved action name only from Kasten {since} on (kasten-api.md §7.1); "
            "earlier versions ignore it on a resource-bound blueprint."
        )
    return (
        f"{name} is not a reserved action name: Kasten ignores it on a resource-bound blueprint "
        "(seed 001). It can still run as a policy action hook."
    )
