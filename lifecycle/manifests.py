"""The identity and the summary fields of a manifest, read from a parsed YAML document."""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

import yaml

from lifecycle.kinds import KASTEN_NAMESPACE, Category, Classification, classify
from lifecycle.yamlpos import Document, Limits, Position, split_documents

# RFC 1123 subdomain: what Kubernetes accepts for most object names.
_NAME = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
HOOK_NAMES = ("preHook", "onSuccess", "onFailure")
HOOKED_PARAMETERS = {
    "backup": "backupParameters",
    "export": "exportParameters",
    "restore": "restoreParameters",
}


CATEGORY_NAMES = {
    Category.BLUEPRINT: "a Blueprint (cr.kanister.io/v1alpha1)",
    Category.BINDING: "a BlueprintBinding (config.kio.kasten.io/v1alpha1)",
    Category.POLICY: "a Policy (config.kio.kasten.io/v1alpha1)",
    Category.RESOURCE: "a namespace, workload, PVC or custom resource",
}
Problems = list[tuple[Position, str]]


class ManifestError(ValueError):
    """A document that parses as YAML but cannot be stored: what is wrong and where."""

    def __init__(self, message: str, position: Position) -> None:
        super().__init__(f"{position}: {message}")
        self.message = message
        self.position = position


@dataclass(frozen=True, slots=True)
class Hook:
    action: str  # the policy action it wraps: backup, export or restore
    hook: str  # preHook, onSuccess or onFailure
    blueprint: str
    action_name: str


@dataclass(frozen=True, slots=True)
class Manifest:
    document: Document
    classification: Classification
    name: str
    namespace: str
    labels: dict[str, str] = field(default_factory=dict)
    annotations: dict[str, str] = field(default_factory=dict)

    @property
    def category(self) -> Category:
        return self.classification.category

    @property
    def data(self) -> dict:
        return self.document.data


def read_manifest(document: Document) -> Manifest:
    """Identity of a document; raises ManifestError for a missing or malformed name or metadata."""
    data = document.data
    if not isinstance(data, dict):
        found = type(data).__name__
        raise ManifestError(
            f"expected a mapping with apiVersion and kind, found a {found}", document.position
        )
    classification = classify(data.get("apiVersion"), data.get("kind"))
    if classification.category is Category.UNKNOWN:
        return Manifest(document, classification, _text(data, "metadata", "name"), "")
    metadata = _mapping(document, data, "metadata")
    name = metadata.get("name")
    if not isinstance(name, str) or not name:
        raise ManifestError("metadata.name is required", document.position_at("metadata", "name"))
    if len(name) > 253 or not _NAME.match(name):
        raise ManifestError(
            f"metadata.name {name!r} is not a valid Kubernetes name "
            "(lower-case letters, digits, '-' and '.', starting and ending with a letter or digit)",
            document.position_at("metadata", "name"),
        )
    namespace = metadata.get("namespace", _default_namespace(classification))
    if not classification.type.namespaced:
        namespace = ""
    elif not isinstance(namespace, str) or not _NAME.match(namespace):
        raise ManifestError(
            f"metadata.namespace {namespace!r} is not a valid namespace name",
            document.position_at("metadata", "namespace"),
        )
    return Manifest(
        document,
        classification,
        name,
        namespace,
        labels=_string_map(document, metadata, "labels"),
        annotations=_string_map(document, metadata, "annotations"),
    )


def expand_list(document: Document) -> list[Document]:
    """The items of a `kind: List` (what `kubectl get -o yaml` prints), else the document itself.

    An item's stored text is the item dumped on its own; its positions stay those of the file.
    """
    data = document.data
    if not isinstance(data, dict) or (data.get("apiVersion"), data.get("kind")) != ("v1", "List"):
        return [document]
    items = document.find("items")
    if not isinstance(items, yaml.SequenceNode) or not isinstance(data.get("items"), list):
        return [document]
    return [
        replace(document, source=yaml.safe_dump(item, sort_keys=False), node=node, data=item)
        for node, item in zip(items.value, data["items"], strict=True)
    ]


def read_single(
    text: str, file: str, category: Category, limits: Limits
) -> tuple[Manifest | None, Problems]:
    """The one document of `category` in `text` (an edit form, an API body), or every problem."""
    split = split_documents(text, file, limits)
    problems: Problems = [(error.position, error.message) for error in split.errors]
    if problems:
        return None, problems
    if len(split.documents) != 1:
        found = f"{len(split.documents)} documents" if split.documents else "no document"
        return None, [(Position(file, 1, 1), f"expected one document, found {found}")]
    document = split.documents[0]
    try:
        manifest = read_manifest(document)
    except ManifestError as error:
        return None, [(error.position, error.message)]
    if manifest.category is not category:
        kind = manifest.classification.type.kind or "a document without a kind"
        return None, [(document.position, f"expected {CATEGORY_NAMES[category]}, found {kind}")]
    return manifest, []


def binding_fields(manifest: Manifest) -> dict:
    """blueprintRef, disabled flag and selector of a Kasten BlueprintBinding."""
    spec = _mapping(manifest.document, manifest.data, "spec")
    ref = spec.get("blueprintRef")
    if not isinstance(ref, dict) or not isinstance(ref.get("name"), str) or not ref["name"]:
        raise ManifestError(
            "spec.blueprintRef.name is required: the blueprint this binding attaches",
            manifest.document.position_at("spec", "blueprintRef", "name"),
        )
    disabled = spec.get("disabled", False)
    if not isinstance(disabled, bool):
        raise ManifestError(
            f"spec.disabled must be true or false, found {disabled!r}",
            manifest.document.position_at("spec", "disabled"),
        )
    resources = spec.get("resources") or {}
    if not isinstance(resources, dict):
        raise ManifestError(
            "spec.resources must be a mapping with matchAll and/or matchAny",
            manifest.document.position_at("spec", "resources"),
        )
    return {
        "blueprint_name": ref["name"],
        "blueprint_namespace": ref.get("namespace") or KASTEN_NAMESPACE,
        "disabled": disabled,
        "match_all": _list(resources.get("matchAll")),
        "match_any": _list(resources.get("matchAny")),
        "created": _text(manifest.data, "metadata", "creationTimestamp"),
    }


def policy_hooks(policy: dict) -> list[Hook]:
    """The action hooks of a Kasten Policy, in the order its actions list them."""
    return [
        Hook(action, hook, ref["blueprint"], ref["actionName"])
        for _, action, hook, ref in hook_refs(policy)
        if isinstance(ref.get("blueprint"), str) and isinstance(ref.get("actionName"), str)
    ]


def hook_refs(policy: dict) -> Iterator[tuple[int, str, str, dict]]:
    """Every hook a Kasten Policy sets, in order: (its action's index in spec.actions, the action
    it wraps, the hook name, its {blueprint, actionName} mapping as written)."""
    spec = policy.get("spec")
    spec = spec if isinstance(spec, dict) else {}
    for index, action in enumerate(_list(spec.get("actions"))):
        if not isinstance(action, dict) or action.get("action") not in HOOKED_PARAMETERS:
            continue
        parameters = action.get(HOOKED_PARAMETERS[action["action"]])
        hook_set = parameters.get("hooks") if isinstance(parameters, dict) else None
        if not isinstance(hook_set, dict):
            continue
        for hook in HOOK_NAMES:
            if isinstance(ref := hook_set.get(hook), dict):
                yield index, action["action"], hook, ref


def _default_namespace(classification: Classification) -> str:
    if classification.category is Category.RESOURCE:
        return "default"
    return KASTEN_NAMESPACE


def _mapping(document: Document, data: dict, key: str) -> dict:
    value = data.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ManifestError(f"{key} must be a mapping", document.position_at(key))
    return value


def _string_map(document: Document, metadata: dict, key: str) -> dict[str, str]:
    value = metadata.get(key) or {}
    if not isinstance(value, dict):
        position = document.position_at("metadata", key)
        raise ManifestError(f"metadata.{key} must map names to strings", position)
    for name, item in value.items():
        if not isinstance(item, str):
            node = document.find("metadata", key, str(name))
            written = node.value if node is not None and isinstance(node.value, str) else item
            raise ManifestError(
                f'metadata.{key}.{name} must be a string, found {written}: quote it ("{written}")',
                document.position_at("metadata", key, str(name)),
            )
    return {str(k): v for k, v in value.items()}


def _list(value) -> list:
    return value if isinstance(value, list) else []


def _text(data: dict, *path: str) -> str:
    for key in path:
        if not isinstance(data, dict):
            return ""
        data = data.get(key)
    return data if isinstance(data, str) else ""
