"""A timeline from YAML files: the blueprints, bindings, policies and workloads they hold."""

from collections.abc import Iterable

from lifecycle.kinds import Category
from lifecycle.lint.workspace import binding_of, policy_of, workload_of
from lifecycle.manifests import Manifest, ManifestError, expand_list, read_manifest
from lifecycle.parsing import parse_blueprint
from lifecycle.timeline.model import Inventory
from lifecycle.yamlpos import split_documents


def read_manifests(files: Iterable[tuple[str, str]]) -> tuple[list[Manifest], list[str]]:
    """Every document of the (path, text) pairs, and each unreadable one as `file:line:col: why`."""
    manifests: list[Manifest] = []
    errors: list[str] = []
    for path, text in files:
        split = split_documents(text, path)
        errors += [f"{error.position}: {error.message}" for error in split.errors]
        for document in split.documents:
            for item in expand_list(document):
                try:
                    manifests.append(read_manifest(item))
                except ManifestError as error:
                    errors.append(str(error))
    return manifests, errors


def inventory_of(manifests: Iterable[Manifest]) -> Inventory:
    blueprints, bindings, policies, workloads = {}, [], [], []
    for manifest in manifests:
        category = manifest.category
        if category is Category.BLUEPRINT:
            blueprint = parse_blueprint(manifest.document)
            blueprints[blueprint.name] = blueprint
        elif category is Category.BINDING:
            bindings.append(binding_of(manifest))
        elif category is Category.POLICY:
            policies.append(policy_of(manifest))
        elif category is Category.RESOURCE:
            workloads.append(workload_of(manifest))
    return Inventory(blueprints, tuple(bindings), tuple(policies), tuple(workloads))
