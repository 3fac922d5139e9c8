"""What the transfer tests compare: every stored object with its exact source, and a way to wipe."""

from blueprints_ui.blueprints.models import BlueprintRevision
from blueprints_ui.transfer.exporting import exported_objects
from blueprints_ui.transfer.stores import STORES


def stored() -> dict[tuple[str, str], str]:
    """(model, namespace/name) -> source, for every stored object."""
    return {(type(obj).__name__, str(obj)): obj.source for obj in exported_objects()}


def empty_database() -> None:
    for store in STORES.values():
        store.objects.all().delete()
    assert stored() == {}
    assert not BlueprintRevision.objects.exists()
