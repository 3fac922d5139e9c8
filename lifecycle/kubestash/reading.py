"""Reads HookTemplate, BackupConfiguration and RestoreSession manifests into typed records.

Every bad value becomes a Problem at its line and column, and reading carries on with what can
be read, so one typo never hides the rest of the file.
"""

import re
from collections.abc import Iterable

import yaml

from lifecycle.kinds import Category
from lifecycle.kubestash.model import (
    ActionType,
    BackupConfiguration,
    BackupSession,
    ExecutionPolicy,
    ExecutorType,
    HookInfo,
    HookTemplate,
    KubeStashInventory,
    NamespacesFrom,
    Problem,
    RestoreSession,
)
from lifecycle.kubestash.references import NAME_LABEL, reference_problems
from lifecycle.manifests import Manifest
from lifecycle.yamlpos import Document, Position, find

# Go's time.ParseDuration, which a Kubernetes Duration field uses: "30s", "1m30s", "1.5h", "0".
_DURATION = re.compile(r"^[-+]?(0|((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+)$")
_UNIT_SECONDS = {
    "ns": 1e-9,
    "us": 1e-6,
    "µs": 1e-6,
    "μs": 1e-6,
    "ms": 1e-3,
    "s": 1,
    "m": 60,
    "h": 3600,
}
_STRATEGIES = ("ExecuteOnOne", "ExecuteOnAll")
BACKUP_HOOKS = ("preBackup", "postBackup")
RESTORE_HOOKS = ("preRestore", "postRestore")

Path = tuple[str | int, ...]


def duration_seconds(text: str) -> float:
    """Seconds in a duration that matches _DURATION."""
    parts = re.findall(r"(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)", text)
    sign = -1 if text.startswith("-") else 1
    return sign * sum(float(number) * _UNIT_SECONDS[unit] for number, unit in parts)


class _Reader:
    """Reads one document's values by path, collecting a Problem for each one that is wrong."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.problems: list[Problem] = []

    def position(self, path: Path) -> Position:
        """Where the deepest existing node on `path` starts."""
        node = self.document.node
        for key in path:
            if isinstance(key, int):
                items = node.value if isinstance(node, yaml.SequenceNode) else []
                child = items[key] if key < len(items) else None
            else:
                child = find(node, key)
            if child is None:
                break
            node = child
        return self.document.position_of(node)

    def problem(self, path: Path, message: str) -> None:
        self.problems.append(Problem(self.position(path), f"{_dotted(path)} {message}"))

    def mapping(self, value, path: Path) -> dict:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.problem(path, f"must be a mapping, found {_shown(value)}")
            return {}
        return value

    def sequence(self, value, path: Path) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(path, f"must be a list, found {_shown(value)}")
            return []
        return value

    def name(self, value, path: Path, what: str) -> str:
        if isinstance(value, str) and value:
            return value
        found = "nothing" if value is None else _shown(value)
        self.problem(path, f"is required: {what}; found {found}")
        return ""

    def choice(self, value, path: Path, enum_type, default):
        if value is None:
            return default
        try:
            return enum_type(value)
        except ValueError:
            allowed = ", ".join(member.value for member in enum_type)
            self.problem(path, f"must be one of {allowed}, found {_shown(value)}")
            return None

    def duration(self, value, path: Path) -> str | None:
        if value is None:
            return None
        if isinstance(value, str) and _DURATION.match(value):
            return value
        self.problem(path, f"must be a duration such as 30s, 5m or 1h30m, found {_shown(value)}")
        return None


def read_hook_template(manifest: Manifest) -> tuple[HookTemplate, list[Problem]]:
    """A HookTemplate's action, executor and usagePolicy (reference §2)."""
    reader = _Reader(manifest.document)
    _namespace_written(reader, manifest)
    spec = reader.mapping(manifest.data.get("spec"), ("spec",))
    action = reader.mapping(spec.get("action"), ("spec", "action"))
    actions = tuple(kind for kind in ActionType if kind.value in action)
    if not actions:
        reader.problem(("spec", "action"), "must set one of exec, httpGet, httpPost or tcpSocket")
    for kind in actions:
        _check_action(reader, kind, action[kind.value], ("spec", "action", kind.value))
    executor_path = ("spec", "executor")
    executor = reader.mapping(spec.get("executor"), executor_path)
    executor_type = reader.choice(
        executor.get("type"), (*executor_path, "type"), ExecutorType, None
    )
    if executor_type is None and "type" not in executor:
        reader.problem((*executor_path, "type"), "is required: Function, Pod or Operator")
    usage = reader.mapping(spec.get("usagePolicy"), ("spec", "usagePolicy"))
    allowed_path = ("spec", "usagePolicy", "allowedNamespaces")
    allowed = reader.mapping(usage.get("allowedNamespaces"), allowed_path)
    allowed_from = reader.choice(
        allowed.get("from"), (*allowed_path, "from"), NamespacesFrom, NamespacesFrom.SAME
    )
    selector = reader.mapping(allowed.get("selector"), (*allowed_path, "selector"))
    if allowed_from is NamespacesFrom.SELECTOR and not selector:
        reader.problem((*allowed_path, "selector"), "is required when from is Selector")
    template = HookTemplate(
        name=manifest.name,
        namespace=manifest.namespace,
        actions=actions,
        executor=executor_type,
        executor_detail=_executor_detail(reader, executor_type, executor, executor_path),
        allowed_from=allowed_from or NamespacesFrom.SAME,
        allowed_selector=selector,
        position=manifest.document.position,
    )
    return template, reader.problems


def read_backup_configuration(manifest: Manifest) -> tuple[BackupConfiguration, list[Problem]]:
    """A BackupConfiguration's target and each session's addon tasks and hooks (reference §3)."""
    reader = _Reader(manifest.document)
    _namespace_written(reader, manifest)
    spec = reader.mapping(manifest.data.get("spec"), ("spec",))
    items = reader.sequence(spec.get("sessions"), ("spec", "sessions"))
    if not items:
        reader.problem(("spec", "sessions"), "must list at least one session")
    sessions = []
    for index, item in enumerate(items):
        path = ("spec", "sessions", index)
        session = reader.mapping(item, path)
        addon, tasks = _addon(reader, session.get("addon"), (*path, "addon"))
        pre, post = _hooks(reader, manifest, session.get("hooks"), (*path, "hooks"), BACKUP_HOOKS)
        sessions.append(
            BackupSession(
                name=reader.name(session.get("name"), (*path, "name"), "the session's name"),
                addon=addon,
                tasks=tasks,
                backup_timeout=reader.duration(
                    session.get("backupTimeout"), (*path, "backupTimeout")
                ),
                pre_backup=pre,
                post_backup=post,
            )
        )
    _no_duplicates(reader, [s.name for s in sessions], ("spec", "sessions"), "session")
    configuration = BackupConfiguration(
        name=manifest.name,
        namespace=manifest.namespace,
        target=_target(reader, spec.get("target"), manifest.namespace),
        sessions=tuple(sessions),
        position=manifest.document.position,
    )
    return configuration, reader.problems


def read_restore_session(manifest: Manifest) -> tuple[RestoreSession, list[Problem]]:
    """A RestoreSession's target, addon tasks and hooks (reference §3)."""
    reader = _Reader(manifest.document)
    _namespace_written(reader, manifest)
    spec = reader.mapping(manifest.data.get("spec"), ("spec",))
    addon, tasks = _addon(reader, spec.get("addon"), ("spec", "addon"))
    pre, post = _hooks(reader, manifest, spec.get("hooks"), ("spec", "hooks"), RESTORE_HOOKS)
    session = RestoreSession(
        name=manifest.name,
        namespace=manifest.namespace,
        target=_target(reader, spec.get("target"), manifest.namespace),
        addon=addon,
        tasks=tasks,
        restore_timeout=reader.duration(spec.get("restoreTimeout"), ("spec", "restoreTimeout")),
        pre_restore=pre,
        post_restore=post,
        position=manifest.document.position,
    )
    return session, reader.problems


READERS = {
    Category.HOOK_TEMPLATE: read_hook_template,
    Category.BACKUP_CONFIGURATION: read_backup_configuration,
    Category.RESTORE_SESSION: read_restore_session,
}


def read_problems(manifest: Manifest) -> list[Problem]:
    """What is wrong in one KubeStash manifest on its own (references are checked apart)."""
    return READERS[manifest.category](manifest)[1]


def read_inventory(manifests: Iterable[Manifest]) -> tuple[KubeStashInventory, list[Problem]]:
    """The KubeStash objects among `manifests`, the Namespace objects' labels, and every problem:
    those of each object, then each hook whose HookTemplate is missing or not allowed."""
    found: dict[Category, list] = {category: [] for category in READERS}
    namespaces: dict[str, dict[str, str]] = {}
    problems: list[Problem] = []
    for manifest in manifests:
        if manifest.category in READERS:
            record, own = READERS[manifest.category](manifest)
            found[manifest.category].append(record)
            problems += own
        elif _is_namespace(manifest):
            # Kubernetes labels every namespace with its own name (1.21 and later).
            namespaces[manifest.name] = {**manifest.labels, NAME_LABEL: manifest.name}
    inventory = KubeStashInventory(
        hook_templates=tuple(found[Category.HOOK_TEMPLATE]),
        backup_configurations=tuple(found[Category.BACKUP_CONFIGURATION]),
        restore_sessions=tuple(found[Category.RESTORE_SESSION]),
        namespaces=namespaces or None,
    )
    return inventory, problems + reference_problems(inventory)


def _hooks(
    reader: _Reader, manifest: Manifest, value, path: Path, names: tuple[str, str]
) -> tuple[tuple[HookInfo, ...], tuple[HookInfo, ...]]:
    hooks = reader.mapping(value, path)
    for key in hooks:
        if key not in names:
            reader.problem((*path, key), f"is not a hook list: expected {names[0]} or {names[1]}")
    lists = []
    for name in names:
        items = reader.sequence(hooks.get(name), (*path, name))
        infos = tuple(
            _hook_info(reader, manifest, item, (*path, name, index))
            for index, item in enumerate(items)
        )
        _no_duplicates(reader, [info.name for info in infos], (*path, name), "hook")
        lists.append(infos)
    return lists[0], lists[1]


def _hook_info(reader: _Reader, manifest: Manifest, value, path: Path) -> HookInfo:
    info = reader.mapping(value, path)
    ref = reader.mapping(info.get("hookTemplate"), (*path, "hookTemplate"))
    template_namespace = ref.get("namespace")
    if template_namespace is not None and not (
        isinstance(template_namespace, str) and template_namespace
    ):
        reader.problem((*path, "hookTemplate", "namespace"), "must be a namespace name")
        template_namespace = None
    max_retry = info.get("maxRetry", 0)
    if isinstance(max_retry, bool) or not isinstance(max_retry, int) or max_retry < 0:
        reader.problem(
            (*path, "maxRetry"), f"must be a whole number 0 or more, found {_shown(max_retry)}"
        )
        max_retry = 0
    policy = info.get("executionPolicy")
    return HookInfo(
        name=reader.name(info.get("name"), (*path, "name"), "the hook's name, shown in status"),
        template_name=reader.name(
            ref.get("name"), (*path, "hookTemplate", "name"), "the HookTemplate this hook runs"
        ),
        template_namespace=template_namespace or manifest.namespace,
        template_namespace_written=template_namespace is not None,
        max_retry=max_retry,
        timeout=reader.duration(info.get("timeout"), (*path, "timeout")),
        execution_policy=reader.choice(
            policy, (*path, "executionPolicy"), ExecutionPolicy, ExecutionPolicy.ALWAYS
        ),
        execution_policy_written=policy is not None,
        position=reader.position(path),
    )


def _check_action(reader: _Reader, kind: ActionType, value, path: Path) -> None:
    action = reader.mapping(value, path)
    if kind is ActionType.EXEC:
        command = action.get("command")
        if not (isinstance(command, list) and command and all(isinstance(a, str) for a in command)):
            reader.problem((*path, "command"), "must be a non-empty list of strings (the argv)")
    elif not isinstance(action.get("port"), int | str) or isinstance(action.get("port"), bool):
        reader.problem((*path, "port"), "is required: a port number or a named port")


def _executor_detail(reader: _Reader, kind: ExecutorType | None, executor: dict, path: Path) -> str:
    if kind is ExecutorType.POD:
        pod = reader.mapping(executor.get("pod"), (*path, "pod"))
        selector = pod.get("selector")
        if not isinstance(selector, str) or not selector.strip():
            reader.problem((*path, "pod", "selector"), "is required for a Pod executor: k=v,k=v")
            selector = "?"
        strategy = pod.get("strategy", "ExecuteOnOne")
        if strategy not in _STRATEGIES:
            reader.problem(
                (*path, "pod", "strategy"),
                f"must be one of {', '.join(_STRATEGIES)}, found {_shown(strategy)}",
            )
        return f"pods {selector} ({strategy})"
    if kind is ExecutorType.FUNCTION:
        function = reader.mapping(executor.get("function"), (*path, "function"))
        name = reader.name(
            function.get("name"), (*path, "function", "name"), "the Function that builds the Job"
        )
        return f"a Job of Function {name}"
    if kind is ExecutorType.OPERATOR:
        return "the KubeStash operator"
    return "an unknown executor"


def _addon(reader: _Reader, value, path: Path) -> tuple[str, tuple[str, ...]]:
    addon = reader.mapping(value, path)
    name = addon.get("name") if isinstance(addon.get("name"), str) else ""
    tasks = []
    for index, task in enumerate(reader.sequence(addon.get("tasks"), (*path, "tasks"))):
        task = reader.mapping(task, (*path, "tasks", index))
        tasks.append(reader.name(task.get("name"), (*path, "tasks", index, "name"), "the task"))
    return name, tuple(tasks)


def _target(reader: _Reader, value, namespace: str) -> str:
    target = reader.mapping(value, ("spec", "target"))
    if not isinstance(target.get("kind"), str) or not isinstance(target.get("name"), str):
        return ""
    return f"{target['kind']}/{target.get('namespace') or namespace}/{target['name']}"


def _no_duplicates(reader: _Reader, names: list[str], path: Path, what: str) -> None:
    seen = set()
    for index, name in enumerate(names):
        if name and name in seen:
            reader.problem((*path, index, "name"), f"repeats the {what} name {name!r}")
        seen.add(name)


def _namespace_written(reader: _Reader, manifest: Manifest) -> None:
    metadata = manifest.data.get("metadata")
    if not isinstance(metadata, dict) or "namespace" not in metadata:
        reader.problem(
            ("metadata",),
            "must set namespace: a KubeStash object belongs to the namespace it backs up "
            "or restores, which the studio does not guess",
        )


def _is_namespace(manifest: Manifest) -> bool:
    kind = manifest.classification.type
    return manifest.category is Category.RESOURCE and (kind.group, kind.kind) == ("", "Namespace")


def _dotted(path: Path) -> str:
    text = ""
    for key in path:
        text += f"[{key}]" if isinstance(key, int) else f".{key}" if text else key
    return text


def _shown(value) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)
