"""The objects and timeouts a timeline is computed over, read from what is stored."""

from dataclasses import replace

from django.db.models import Q

from blueprints_ui.blueprints.models import Blueprint
from blueprints_ui.inventory.models import Resource
from blueprints_ui.kasten.models import BlueprintBinding, Policy
from blueprints_ui.timeline.models import TimelineSettings
from lifecycle import model as core
from lifecycle.kinds import KASTEN_NAMESPACE, split_api_version
from lifecycle.lint.workspace import binding_of, policy_of
from lifecycle.manifests import read_manifest
from lifecycle.parsing import parse_blueprint
from lifecycle.timeline.model import Inventory
from lifecycle.yamlpos import Document, split_documents

WORKLOAD_COLUMNS = (
    "api_group",
    "api_version",
    "kind",
    "resource",
    "name",
    "namespace",
    "labels",
    "annotations",
)


def stored_inventory(namespace: str | None = None) -> Inventory:
    """Every stored blueprint Kasten can use, binding and policy, and the inventory resources:
    only `namespace`'s when it is given, with every Namespace object (policies select those)."""
    return Inventory(
        blueprints={
            blueprint.name: blueprint
            for blueprint in (
                parse_blueprint(document) for document in _documents(Blueprint, KASTEN_NAMESPACE)
            )
        },
        bindings=_bindings(),
        policies=[policy_of(read_manifest(document)) for document in _documents(Policy)],
        workloads=_workloads(namespace),
    )


def stored_timeouts() -> dict[str, int]:
    """Helm timeout setting -> minutes, as set on the settings page or else Kasten's defaults."""
    return TimelineSettings.current().minutes()


def _documents(model, namespace: str | None = None) -> list[Document]:
    rows = model.objects.order_by("namespace", "name")
    if namespace is not None:
        rows = rows.filter(namespace=namespace)
    return [_document(*row) for row in rows.values_list("namespace", "name", "source")]


def _document(namespace: str, name: str, source: str) -> Document:
    # Every stored source was read as exactly one valid document before it was saved.
    return split_documents(source, f"stored/{namespace}/{name}").documents[0]


def _bindings() -> list[core.BlueprintBinding]:
    rows = BlueprintBinding.objects.order_by("namespace", "name")
    bindings = []
    for namespace, name, source, created in rows.values_list(
        "namespace", "name", "source", "created"
    ):
        binding = binding_of(read_manifest(_document(namespace, name, source)))
        # The stored creation time, not the YAML's creationTimestamp: a binding written without
        # one was stamped when first stored, and the earliest-created rule needs an order.
        bindings.append(replace(binding, created=created.isoformat()))
    return bindings


def _workloads(namespace: str | None) -> list[core.Workload]:
    """Resources built from their columns: re-reading 5,000 YAML sources would take seconds."""
    rows = Resource.objects.order_by("namespace", "kind", "name")
    if namespace is not None:
        rows = rows.filter(Q(namespace=namespace) | Q(kind="Namespace", api_group=""))
    workloads = []
    for group, api_version, kind, resource, name, ns, labels, annotations in rows.values_list(
        *WORKLOAD_COLUMNS
    ):
        workloads.append(
            core.Workload(
                group,
                split_api_version(api_version)[1],
                kind,
                resource,
                name,
                ns,
                labels,
                annotations,
            )
        )
    return workloads
