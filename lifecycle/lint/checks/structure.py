"""Blueprint-wide structure: apiVersion and kind, namespace, phase names (BP002, BP009, BP019)."""

from lifecycle.kinds import KASTEN_NAMESPACE
from lifecycle.lint.options import Options
from lifecycle.lint.report import Reporter
from lifecycle.model import Blueprint
from lifecycle.yamlpos import Document, find

API_VERSION = "cr.kanister.io/v1alpha1"


def check_identity(document: Document, report: Reporter) -> None:
    data = document.data
    api_version, kind = data.get("apiVersion"), data.get("kind")
    if api_version != API_VERSION:
        node = document.find("apiVersion") or document.node
        found = f"{api_version!r}" if api_version is not None else "nothing"
        report(
            "BP002",
            node,
            f"apiVersion must be {API_VERSION} for a Blueprint, found {found}",
            f"write `apiVersion: {API_VERSION}`: Kanister serves no other version",
            "apiVersion",
        )
    if kind != "Blueprint":
        node = document.find("kind") or document.node
        found = f"{kind!r}" if kind is not None else "nothing"
        report(
            "BP002",
            node,
            f"kind must be Blueprint, found {found}",
            "write `kind: Blueprint` (kinds are case-sensitive)",
            "kind",
        )


def check(blueprint: Blueprint, report: Reporter, options: Options) -> None:
    if options.kasten and blueprint.namespace != KASTEN_NAMESPACE:
        node = _namespace_node(blueprint)
        report(
            "BP009",
            node,
            f"blueprint is in namespace {blueprint.namespace!r}: Kasten only reads blueprints "
            f"in its own namespace ({KASTEN_NAMESPACE} by default)",
            f"set `metadata.namespace: {KASTEN_NAMESPACE}` (or your Kasten namespace)",
            "metadata.namespace",
        )
    seen: dict[str, str] = {}
    for action in blueprint.actions.values():
        for phase in action.all_phases:
            if not phase.name:
                continue
            if phase.name in seen:
                report(
                    "BP019",
                    phase.field_node("name") or phase.node,
                    f"phase name {phase.name!r} is already used at {seen[phase.name]}",
                    "phase names must be unique across the whole blueprint, defer phases "
                    "included: `kanctl validate` refuses duplicates and .Phases.<name> would be "
                    "ambiguous",
                    f"{phase.path}.name",
                )
            else:
                seen[phase.name] = phase.path


def _namespace_node(blueprint: Blueprint):
    metadata = find(blueprint.node, "metadata")
    return find(metadata, "namespace") or metadata or blueprint.node
