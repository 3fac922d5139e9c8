"""Export stored objects as YAML that `kubectl apply` accepts, each document exactly as stored."""

from collections.abc import Iterable, Iterator

from blueprints_ui.core.models import StoredObject
from blueprints_ui.transfer.stores import STORES
from lifecycle.kinds import KASTEN_NAMESPACE, Category

HEADER = (
    "# Exported from Blueprint Studio. Each document is stored exactly as it was written;\n"
    "# a blueprint, binding or policy without metadata.namespace belongs in "
    f"{KASTEN_NAMESPACE}:\n# kubectl apply -n {KASTEN_NAMESPACE} -f <this file>\n"
)


def exported_objects(categories: Iterable[Category] | None = None) -> Iterator[StoredObject]:
    """Objects in apply order: inventory namespaces first, so what lives in them can follow."""
    wanted = list(categories or STORES)
    if Category.RESOURCE in wanted:
        resources = STORES[Category.RESOURCE].objects.all()
        yield from resources.filter(kind="Namespace", api_group="")
        yield from resources.workloads()
    # HookTemplates before what uses them: KubeStash's webhook checks the references on create.
    for category in (
        Category.BLUEPRINT,
        Category.BINDING,
        Category.POLICY,
        Category.HOOK_TEMPLATE,
        Category.BACKUP_CONFIGURATION,
        Category.RESTORE_SESSION,
    ):
        if category in wanted:
            yield from STORES[category].objects.all()


def export_stream(objects: Iterable[StoredObject]) -> str:
    # The header speaks of the file, not of the first object: an empty document carries it, so a
    # re-import does not take it for that object's own header comment.
    return HEADER + "---\n" + "".join(document_text(obj) for obj in objects)


def document_text(obj: StoredObject) -> str:
    """One document of a stream: its `---` marker, then its source byte for byte."""
    source = obj.source if obj.source.endswith("\n") else obj.source + "\n"
    return "---\n" + source


def file_name(obj: StoredObject) -> str:
    """Where `export_yaml --out` writes an object, relative to the output folder."""
    kind = getattr(obj, "resource", None) or type(obj)._meta.verbose_name_plural.replace(" ", "")
    prefix = f"{obj.namespace}." if obj.namespace else ""
    return f"{kind}/{prefix}{obj.name}.yaml"
