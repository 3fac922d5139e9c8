"""What a manifest is to the studio, decided from its apiVersion and kind alone."""

import enum
import re
from dataclasses import dataclass

KANISTER_GROUP = "cr.kanister.io"
KASTEN_CONFIG_GROUP = "config.kio.kasten.io"
KASTEN_NAMESPACE = "kasten-io"
KUBESTASH_GROUP = "core.kubestash.com"
BLUEPRINT_ANNOTATION = "kanister.kasten.io/blueprint"


class Category(enum.StrEnum):
    BLUEPRINT = "blueprint"
    BINDING = "binding"
    POLICY = "policy"
    RESOURCE = "resource"  # inventory: a namespace, a workload, a PVC or a custom resource
    HOOK_TEMPLATE = "hooktemplate"  # KubeStash's reusable hook definition
    BACKUP_CONFIGURATION = "backupconfiguration"
    RESTORE_SESSION = "restoresession"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class TypeInfo:
    """The Kubernetes type of a manifest, with the plural resource name bindings select on."""

    group: str
    version: str
    kind: str
    resource: str
    namespaced: bool = True

    @property
    def api_version(self) -> str:
        return f"{self.group}/{self.version}" if self.group else self.version


@dataclass(frozen=True, slots=True)
class Classification:
    category: Category
    type: TypeInfo
    reason: str = ""


_EXPECTED = {
    "Blueprint": (Category.BLUEPRINT, f"{KANISTER_GROUP}/v1alpha1"),
    "BlueprintBinding": (Category.BINDING, f"{KASTEN_CONFIG_GROUP}/v1alpha1"),
    "Policy": (Category.POLICY, f"{KASTEN_CONFIG_GROUP}/v1alpha1"),
    "HookTemplate": (Category.HOOK_TEMPLATE, f"{KUBESTASH_GROUP}/v1alpha1"),
    "BackupConfiguration": (Category.BACKUP_CONFIGURATION, f"{KUBESTASH_GROUP}/v1alpha1"),
    "RestoreSession": (Category.RESTORE_SESSION, f"{KUBESTASH_GROUP}/v1alpha1"),
}

# Built-in types a binding or an annotation can select, with their plural resource names.
_INVENTORY = {
    ("", "Namespace"): ("namespaces", False),
    ("", "PersistentVolumeClaim"): ("persistentvolumeclaims", True),
    ("apps", "StatefulSet"): ("statefulsets", True),
    ("apps", "Deployment"): ("deployments", True),
    ("apps.openshift.io", "DeploymentConfig"): ("deploymentconfigs", True),
}

# Groups whose types the studio does not model: Kubernetes' own and the backup tools' internals.
_FOREIGN_GROUPS = re.compile(r"(^|\.)(k8s\.io|kanister\.io|kio\.kasten\.io|kubestash\.com)$")
_BUILTIN_GROUPS = {
    "",
    "apps",
    "batch",
    "policy",
    "autoscaling",
    "extensions",
    "apps.openshift.io",
    "route.openshift.io",
    "image.openshift.io",
    "build.openshift.io",
    "security.openshift.io",
}


def plural(kind: str) -> str:
    """Kubernetes' default plural for a custom kind (what a CRD's `names.plural` usually is)."""
    lower = kind.lower()
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return lower + "es"
    if lower.endswith("y") and lower[-2:-1] not in "aeiou":
        return lower[:-1] + "ies"
    return lower + "s"


def split_api_version(api_version: str) -> tuple[str, str]:
    group, _, version = api_version.rpartition("/")
    return group, version


def classify(api_version: object, kind: object) -> Classification:
    """Which store a manifest goes to, or why it is skipped."""
    if not isinstance(api_version, str) or not api_version:
        return Classification(
            Category.UNKNOWN, TypeInfo("", "", str(kind or ""), ""), "no apiVersion"
        )
    if not isinstance(kind, str) or not kind:
        return Classification(Category.UNKNOWN, TypeInfo("", "", "", ""), "no kind")
    group, version = split_api_version(api_version)
    if kind in _EXPECTED:
        category, expected = _EXPECTED[kind]
        if api_version == expected:
            return Classification(category, TypeInfo(group, version, kind, plural(kind)))
        reason = f"{kind} is read as apiVersion {expected}, not {api_version}"
        return Classification(Category.UNKNOWN, TypeInfo(group, version, kind, ""), reason)
    if (group, kind) in _INVENTORY:
        resource, namespaced = _INVENTORY[(group, kind)]
        return Classification(
            Category.RESOURCE, TypeInfo(group, version, kind, resource, namespaced)
        )
    if group in _BUILTIN_GROUPS or _FOREIGN_GROUPS.search(group):
        reason = f"{kind} ({api_version}) is not something a blueprint binds to"
        if kind == "Secret":
            reason = "Secrets are never imported: the studio does not store Secret data"
        return Classification(Category.UNKNOWN, TypeInfo(group, version, kind, ""), reason)
    # Anything else is a custom resource, which bindings can select by group/version/resource.
    return Classification(Category.RESOURCE, TypeInfo(group, version, kind, plural(kind)))
