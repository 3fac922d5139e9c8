"""Kasten's reserved action names: the only ones it calls on a resource-bound blueprint."""

# Seeds 000/001 (Kasten 8.5 / 9.0.8): restorePrehook only exists from 9.0.10, behind a setting
# that the analysis issue adds.
RESERVED_ACTIONS = (
    "backupPrehook",
    "backup",
    "backupPosthook",
    "restore",
    "restorePosthook",
    "delete",
)


def is_reserved(action_name: str) -> bool:
    return action_name in RESERVED_ACTIONS
