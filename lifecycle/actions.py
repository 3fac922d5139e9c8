"""Kasten's reserved action names: the only ones it calls on a resource-bound blueprint."""

# Seeds 000/001 (Kasten 8.5 / 9.0.8); kasten-api.md §7.1 adds restorePrehook from 9.0.10.
RESERVED_ACTIONS = (
    "backupPrehook",
    "backup",
    "backupPosthook",
    "restore",
    "restorePosthook",
    "delete",
)
LATER_RESERVED_ACTIONS = {"restorePrehook": (9, 0, 10)}
LOGICAL_ACTIONS = ("backup", "restore")


def reserved_actions(version: tuple[int, int, int] = (8, 5, 0)) -> tuple[str, ...]:
    """The reserved names the given Kasten version calls."""
    later = tuple(name for name, since in LATER_RESERVED_ACTIONS.items() if version >= since)
    return RESERVED_ACTIONS + later
