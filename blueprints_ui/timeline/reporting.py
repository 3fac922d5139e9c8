"""The report a choice asks for over stored objects: Kasten's lifecycle or KubeStash's sessions."""

from blueprints_ui.timeline.loading import stored_timeouts
from lifecycle.kubestash import KubeStashInventory
from lifecycle.kubestash import timeline as kubestash_timeline
from lifecycle.timeline import compute
from lifecycle.timeline.model import Inventory, Report

KUBESTASH_OPERATIONS = ("kubestash-backup", "kubestash-restore")


def stored_report(
    operation: str,
    inventory: Inventory,
    kubestash: KubeStashInventory,
    *,
    policy: str | None,
    namespace: str | None,
    fail: str | None,
    kasten_version: str,
) -> Report:
    """Raises lifecycle.timeline.Refused naming the parameter it cannot use. KubeStash sessions
    belong to no Kasten policy and version, so those choices do not apply to them."""
    if operation in KUBESTASH_OPERATIONS:
        return kubestash_timeline(kubestash, operation=operation, namespace=namespace, fail=fail)
    return compute(
        inventory,
        operation,
        policy=policy,
        namespace=namespace,
        fail=fail,
        kasten_version=kasten_version,
        timeouts=stored_timeouts(),
    )
