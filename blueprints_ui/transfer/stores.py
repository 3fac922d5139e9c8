"""Which model stores each category of manifest, in the order they are exported."""

from blueprints_ui.blueprints.models import Blueprint
from blueprints_ui.core.models import StoredObject
from blueprints_ui.inventory.models import Resource
from blueprints_ui.kasten.models import BlueprintBinding, Policy
from blueprints_ui.kubestash.models import BackupConfiguration, HookTemplate, RestoreSession
from lifecycle.kinds import Category

STORES: dict[Category, type[StoredObject]] = {
    Category.BLUEPRINT: Blueprint,
    Category.BINDING: BlueprintBinding,
    Category.POLICY: Policy,
    Category.RESOURCE: Resource,
    Category.HOOK_TEMPLATE: HookTemplate,
    Category.BACKUP_CONFIGURATION: BackupConfiguration,
    Category.RESTORE_SESSION: RestoreSession,
}

# The names `--kind` and the download page accept.
KIND_NAMES: dict[str, Category] = {
    "blueprints": Category.BLUEPRINT,
    "bindings": Category.BINDING,
    "policies": Category.POLICY,
    "inventory": Category.RESOURCE,
    "hooktemplates": Category.HOOK_TEMPLATE,
    "backupconfigurations": Category.BACKUP_CONFIGURATION,
    "restoresessions": Category.RESTORE_SESSION,
}
