"""What the timeline page is asked to show, read from its query string, and the links that change
one choice while keeping the others."""

from dataclasses import dataclass

from django.http import QueryDict
from django.urls import reverse

from blueprints_ui.timeline.reporting import KUBESTASH_OPERATIONS
from lifecycle.kubestash import KubeStashInventory
from lifecycle.lint.options import DEFAULT_KASTEN_VERSION, parse_kasten_version
from lifecycle.operations import OPERATIONS
from lifecycle.timeline import compute
from lifecycle.timeline.model import Inventory, Refused
from lifecycle.timeline.scope import covered_namespaces

PARAMETERS = ("operation", "policy", "namespace", "fail", "kasten_version", "expand", "step")
# Where the blueprint, binding and policy pages link: the timeline where that object fires.
FOCUS = ("blueprint", "binding")


@dataclass(frozen=True, slots=True)
class Choice:
    operation: str
    policy: str | None  # None: no policy, every namespace of the inventory and no action hooks
    namespace: str | None  # None when no namespace is there to show
    namespaces: tuple[str, ...]  # every namespace the choice of policy covers, for the picker
    kasten_version: str
    fail: str | None
    expand: frozenset[str]
    step: str | None  # the step whose details are open


def operations(kubestash: KubeStashInventory) -> tuple[str, ...]:
    """Kasten's operations; KubeStash's when a BackupConfiguration or RestoreSession is stored."""
    return OPERATIONS + tuple(op for op in KUBESTASH_OPERATIONS if _sessions(kubestash, op))


def read_choice(query: QueryDict, inventory: Inventory, kubestash: KubeStashInventory) -> Choice:
    """The page's choices, with defaults for what the query leaves out: backup, the first stored
    policy, its first namespace. Raises Refused naming the first parameter it cannot use."""
    if unknown := sorted(set(query) - set(PARAMETERS) - set(FOCUS)):
        raise Refused(unknown[0], f"unknown parameter; expected {', '.join(PARAMETERS)}")
    query = _focused(query, inventory)
    operation = query.get("operation") or "backup"
    if operation not in (known := operations(kubestash)):
        raise Refused("operation", f"expected one of {', '.join(known)}, found {operation!r}")
    version = query.get("kasten_version") or DEFAULT_KASTEN_VERSION
    try:
        parse_kasten_version(version)
    except ValueError as error:
        raise Refused("kasten_version", str(error)) from None
    if operation in KUBESTASH_OPERATIONS:  # KubeStash has no Kasten policy: its sessions decide
        policy, namespaces = (
            None,
            sorted({item.namespace for item in _sessions(kubestash, operation)}),
        )
    else:
        policy = _policy(query, inventory)
        namespaces = covered(inventory, policy)
    namespace = query.get("namespace") or (namespaces[0] if namespaces else None)
    if namespace is not None and namespace not in namespaces:
        raise Refused("namespace", _not_covered(namespace, policy, namespaces))
    return Choice(
        operation,
        policy,
        namespace,
        tuple(namespaces),
        version,
        query.get("fail") or None,
        frozenset(query.getlist("expand")),
        query.get("step") or None,
    )


def covered(inventory: Inventory, policy: str | None) -> list[str]:
    """The namespaces of the inventory the named policy protects, or all without a policy."""
    chosen = next((p for p in inventory.policies if p.name == policy), None)
    return covered_namespaces(inventory.workloads, chosen)


def _sessions(kubestash: KubeStashInventory, operation: str) -> tuple:
    if operation == "kubestash-backup":
        return kubestash.backup_configurations
    return kubestash.restore_sessions


def _focused(query: QueryDict, inventory: Inventory) -> QueryDict:
    """The query with `blueprint=` or `binding=` turned into the first operation, policy and
    namespace where that object fires; what the query chose itself stays."""
    blueprint, binding = query.get("blueprint"), query.get("binding")
    if not (blueprint or binding):
        return query
    found = _policy_hook(inventory, blueprint) if blueprint else {}
    if not found:
        found = _bound_namespace(inventory, blueprint, binding)
    focused = QueryDict(mutable=True)
    focused.update({key: value for key, value in found.items() if key not in query})
    for key in set(query) - set(FOCUS):
        focused.setlist(key, query.getlist(key))
    return focused


def _policy_hook(inventory: Inventory, blueprint: str) -> dict[str, str]:
    for policy in inventory.policies:
        for hook in policy.hooks:
            if hook.blueprint == blueprint and hook.operation in OPERATIONS:
                return {"policy": policy.name, "operation": hook.operation}
    return {}


def _bound_namespace(inventory: Inventory, blueprint: str | None, binding: str | None) -> dict:
    """The first namespace with a resource the blueprint (or binding) applies to, without a
    policy, or under the first policy that protects it."""
    via = f"BlueprintBinding/{binding}" if binding else None
    for timeline in compute(inventory, "backup").timelines:
        if any(lane.blueprint == blueprint or lane.via == via for lane in timeline.lanes):
            covering = [
                p.name
                for p in inventory.policies
                if timeline.namespace in covered(inventory, p.name)
            ]
            policy = covering[0] if covering else ""
            return {"policy": policy, "namespace": timeline.namespace}
    return {}


def _policy(query: QueryDict, inventory: Inventory) -> str | None:
    names = [policy.name for policy in inventory.policies]
    if "policy" not in query:
        return names[0] if names else None
    policy = query["policy"] or None  # an empty choice: no policy
    if policy is not None and policy not in names:
        known = ", ".join(sorted(names)) or "none stored"
        raise Refused("policy", f"no policy {policy!r} is stored (known: {known})")
    return policy


def _not_covered(namespace: str, policy: str | None, namespaces: list[str]) -> str:
    if policy is None:
        return f"the inventory has no namespace {namespace!r}"
    shown = ", ".join(namespaces[:5]) + (" …" if len(namespaces) > 5 else "")
    protects = shown or "none"
    return f"policy {policy!r} does not protect namespace {namespace!r} (it protects: {protects})"


class Links:
    """URLs for the page's links: each states every choice, with one of them changed."""

    def __init__(self, choice: Choice) -> None:
        self.choice = choice

    def page(self, **changes: str | list[str] | None) -> str:
        return self._url("timeline:page", changes)

    def step(self, step_id: str) -> str:
        return self.page(step=step_id)

    def details(self, step_id: str) -> str:
        return self._url("timeline:step", {"step": step_id})

    def download(self) -> str:
        return self._url("timeline:download", {"step": None})

    def fail(self, step_id: str) -> str:
        """Fails the step, or clears the failure when it is the one failing."""
        return self.page(fail=None if step_id == self.choice.fail else step_id, step=step_id)

    def clear_failure(self) -> str:
        return self.page(fail=None)

    def expand(self, group: str, on: bool) -> str:
        groups = self.choice.expand | {group} if on else self.choice.expand - {group}
        return self.page(expand=sorted(groups))

    def _url(self, name: str, changes: dict) -> str:
        choice = self.choice
        query = QueryDict(mutable=True)
        query["operation"] = choice.operation
        query["policy"] = choice.policy or ""
        if choice.namespace:
            query["namespace"] = choice.namespace
        if choice.kasten_version != DEFAULT_KASTEN_VERSION:
            query["kasten_version"] = choice.kasten_version
        for key, value in {"fail": choice.fail, "step": choice.step, **changes}.items():
            if value is None:
                query.pop(key, None)
            elif isinstance(value, list):
                query.setlist(key, value)
            else:
                query[key] = value
        query.setlist("expand", changes.get("expand", sorted(choice.expand)))
        return f"{reverse(name)}?{query.urlencode()}"
