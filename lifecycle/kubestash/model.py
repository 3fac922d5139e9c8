"""KubeStash's hook objects as typed records: HookTemplate, BackupConfiguration, RestoreSession."""

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field

from lifecycle.yamlpos import Position


class ActionType(enum.StrEnum):
    """Declared in the order the prober runs them when several are set (reference §5)."""

    EXEC = "exec"
    HTTP_GET = "httpGet"
    HTTP_POST = "httpPost"
    TCP_SOCKET = "tcpSocket"


class ExecutorType(enum.StrEnum):
    FUNCTION = "Function"
    POD = "Pod"
    OPERATOR = "Operator"


class ExecutionPolicy(enum.StrEnum):
    ALWAYS = "Always"
    ON_SUCCESS = "OnSuccess"
    ON_FAILURE = "OnFailure"


class NamespacesFrom(enum.StrEnum):
    SAME = "Same"
    ALL = "All"
    SELECTOR = "Selector"


@dataclass(frozen=True, slots=True)
class Problem:
    position: Position
    message: str

    def __str__(self) -> str:
        return f"{self.position}: {self.message}"


@dataclass(frozen=True, slots=True)
class HookTemplate:
    name: str
    namespace: str
    actions: tuple[ActionType, ...]  # exactly one when well formed
    executor: ExecutorType | None  # None when spec.executor.type is missing or unknown
    executor_detail: str  # what the executor runs on, for people: "pods app=mysql (ExecuteOnAll)"
    allowed_from: NamespacesFrom = NamespacesFrom.SAME
    allowed_selector: Mapping = field(default_factory=dict)  # when allowed_from is Selector
    position: Position | None = None

    @property
    def label(self) -> str:
        return f"HookTemplate {self.namespace}/{self.name}"

    @property
    def action_text(self) -> str:
        return " then ".join(self.actions) or "no action"


@dataclass(frozen=True, slots=True)
class HookInfo:
    """One entry of a preBackup / postBackup / preRestore / postRestore list."""

    name: str
    template_name: str
    template_namespace: str
    template_namespace_written: bool  # False: taken from the object that lists the hook
    max_retry: int = 0
    timeout: str | None = None  # a Kubernetes duration as written: "30s", "5m"
    execution_policy: ExecutionPolicy | None = ExecutionPolicy.ALWAYS  # None: an unknown value
    execution_policy_written: bool = False
    position: Position | None = None

    @property
    def template_key(self) -> tuple[str, str]:
        return (self.template_namespace, self.template_name)


@dataclass(frozen=True, slots=True)
class BackupSession:
    """One entry of a BackupConfiguration's spec.sessions: what each BackupSession of it runs."""

    name: str
    addon: str
    tasks: tuple[str, ...]
    backup_timeout: str | None
    pre_backup: tuple[HookInfo, ...] = ()
    post_backup: tuple[HookInfo, ...] = ()


@dataclass(frozen=True, slots=True)
class BackupConfiguration:
    name: str
    namespace: str
    target: str  # Kind/namespace/name, or "" when spec.target is not set
    sessions: tuple[BackupSession, ...]
    position: Position | None = None


@dataclass(frozen=True, slots=True)
class RestoreSession:
    name: str
    namespace: str
    target: str
    addon: str
    tasks: tuple[str, ...]
    restore_timeout: str | None
    pre_restore: tuple[HookInfo, ...] = ()
    post_restore: tuple[HookInfo, ...] = ()
    position: Position | None = None


@dataclass(frozen=True, slots=True)
class KubeStashInventory:
    """What a KubeStash timeline is computed over.

    `namespaces` maps each Namespace object read to its labels; None when none was read, so a
    HookTemplate's namespace selector cannot be checked.
    """

    hook_templates: tuple[HookTemplate, ...] = ()
    backup_configurations: tuple[BackupConfiguration, ...] = ()
    restore_sessions: tuple[RestoreSession, ...] = ()
    namespaces: Mapping[str, Mapping[str, str]] | None = None

    def template(self, namespace: str, name: str) -> HookTemplate | None:
        return next(
            (t for t in self.hook_templates if (t.namespace, t.name) == (namespace, name)), None
        )
