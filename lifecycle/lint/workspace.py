"""Everything one lint run looks at: the blueprints, bindings, policies and workloads it read."""

from dataclasses import dataclass, field

import yaml

from lifecycle.kinds import Category
from lifecycle.lint.report import Reporter
from lifecycle.manifests import HOOKED_PARAMETERS, Manifest, hook_refs
from lifecycle.model import Blueprint, BlueprintBinding, Policy, PolicyHook, Workload
from lifecycle.yamlpos import find


@dataclass
class Workspace:
    """Parsed objects, each with the reporter its findings go to."""

    blueprints: list[tuple[Blueprint, Reporter]] = field(default_factory=list)
    bindings: list[tuple[BlueprintBinding, Reporter]] = field(default_factory=list)
    policies: list[tuple[Policy, Reporter]] = field(default_factory=list)
    workloads: list[tuple[Workload, Reporter]] = field(default_factory=list)

    def blueprint(self, name: str) -> Blueprint | None:
        return next((b for b, _ in self.blueprints if b.name == name), None)

    def add(self, manifest: Manifest, reporter: Reporter) -> None:
        """Keeps a binding, a policy or an inventory resource (blueprints are added parsed)."""
        category = manifest.category
        if category is Category.BINDING:
            self.bindings.append((binding_of(manifest), reporter))
        elif category is Category.POLICY:
            self.policies.append((policy_of(manifest), reporter))
        elif category is Category.RESOURCE:
            self.workloads.append((workload_of(manifest), reporter))


def binding_of(manifest: Manifest) -> BlueprintBinding:
    document, data = manifest.document, manifest.data
    spec = data.get("spec") if isinstance(data.get("spec"), dict) else {}
    ref = spec.get("blueprintRef") if isinstance(spec.get("blueprintRef"), dict) else {}
    resources = spec.get("resources") if isinstance(spec.get("resources"), dict) else {}
    metadata = data.get("metadata") if isinstance(data.get("metadata"), dict) else {}
    return BlueprintBinding(
        manifest.name,
        str(ref.get("name") or ""),
        spec.get("disabled") is True,
        tuple(_list(resources.get("matchAll"))),
        tuple(_list(resources.get("matchAny"))),
        str(metadata.get("creationTimestamp") or ""),
        document.node,
        document.find("spec", "blueprintRef", "name") or document.find("spec"),
    )


def policy_of(manifest: Manifest) -> Policy:
    document = manifest.document
    actions_node = document.find("spec", "actions")
    items = actions_node.value if isinstance(actions_node, yaml.SequenceNode) else []
    hooks = []
    for index, action, hook, ref in hook_refs(manifest.data):
        parameters = HOOKED_PARAMETERS[action]
        node = items[index] if index < len(items) else document.node
        hooks.append(
            PolicyHook(
                action,
                hook,
                str(ref.get("blueprint") or ""),
                str(ref.get("actionName") or ""),
                f"spec.actions[{index}].{parameters}.hooks.{hook}",
                find(node, parameters, "hooks", hook) or node,
            )
        )
    spec = manifest.data.get("spec")
    selector = spec.get("selector") if isinstance(spec, dict) else None
    return Policy(
        manifest.name,
        tuple(hooks),
        document.node,
        selector if isinstance(selector, dict) else {},
    )


def workload_of(manifest: Manifest) -> Workload:
    kind = manifest.classification.type
    return Workload(
        kind.group,
        kind.version,
        kind.kind,
        kind.resource,
        manifest.name,
        manifest.namespace,
        manifest.labels,
        manifest.annotations,
        manifest.document.node,
    )


def _list(value) -> list:
    return value if isinstance(value, list) else []
