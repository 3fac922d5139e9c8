"""The KubeStash inventory of what is stored, read again from each object's YAML as written."""

from blueprints_ui.inventory.models import Resource
from blueprints_ui.kubestash.models import BackupConfiguration, HookTemplate, RestoreSession
from lifecycle.kubestash import KubeStashInventory, Problem, read_inventory
from lifecycle.manifests import Manifest, read_manifest
from lifecycle.yamlpos import split_documents


def source_file(obj) -> str:
    """The file name positions in a stored object's YAML are given in: "HookTemplate/ns/name"."""
    return str(obj) if isinstance(obj, Resource) else f"{type(obj).__name__}/{obj}"


def stored_inventory() -> tuple[KubeStashInventory, list[Problem]]:
    """Every stored HookTemplate, BackupConfiguration and RestoreSession, the inventory's
    Namespace objects, and the problems read_inventory finds in them."""
    objects = [
        *HookTemplate.objects.all(),
        *BackupConfiguration.objects.all(),
        *RestoreSession.objects.all(),
        *Resource.objects.filter(kind="Namespace", api_group=""),
    ]
    return read_inventory(_manifest(obj) for obj in objects)


def _manifest(obj) -> Manifest:
    # Stored objects passed read_manifest when they were saved, so they read the same way again.
    document = split_documents(obj.source, source_file(obj)).documents[0]
    return read_manifest(document)
