"""Where every hook, blueprint action and defer phase fires in one Kasten operation, per namespace,
and what a failure does to the steps after it."""

from collections import defaultdict
from collections.abc import Mapping
from difflib import get_close_matches

from lifecycle.lint.options import DEFAULT_KASTEN_VERSION, parse_kasten_version
from lifecycle.model import Policy, Workload
from lifecycle.operations import operation as lifecycle_of
from lifecycle.timeline.building import Builder, sources
from lifecycle.timeline.failure import fail as fail_at
from lifecycle.timeline.model import Inventory, Refused, Report, Source, UnknownStep
from lifecycle.timeline.scope import EMPTY_SELECTOR, Binder, covered_namespaces, namespace_labels


def compute(
    inventory: Inventory,
    operation: str,
    *,
    policy: str | None = None,
    namespace: str | None = None,
    fail: str | None = None,
    kasten_version: str = DEFAULT_KASTEN_VERSION,
    timeouts: Mapping[str, int] | None = None,
) -> Report:
    """The timeline of `operation` in each namespace the policy protects (every namespace of the
    inventory without a policy), or in `namespace` alone; with step `fail` failing if given.

    Raises Refused (a ValueError) naming the parameter: an unknown operation, policy, namespace
    or version, or (as UnknownStep) a `fail` id that is not a step which runs.
    """
    try:
        version = parse_kasten_version(kasten_version)
    except ValueError as error:
        raise Refused("kasten_version", str(error)) from None
    try:
        definition = lifecycle_of(operation, kasten_version)
    except ValueError as error:
        raise Refused("operation", str(error)) from None
    chosen = _policy(inventory.policies, policy)
    names = _namespaces(inventory.workloads, chosen, namespace)
    hooks = {
        hook.hook: hook
        for hook in (chosen.hooks if chosen and definition.action_hooks else ())
        if hook.operation == operation
    }
    binder = Binder(inventory.blueprints, inventory.bindings, version)
    resources = _resources(inventory.workloads, set(names)) if definition.resource_actions else {}
    report = Report(operation, [], _operation_notes(definition, chosen), fail)
    found = fail is None
    memo: dict = {}
    for name in names:
        builder = Builder(definition, name, inventory.blueprints, hooks, timeouts or {}, memo)
        problems = builder.timeline.problems
        lanes = [lane for w in resources.get(name, ()) if (lane := binder.lane(w, problems))]
        timeline = builder.build(lanes)
        if not found and (at := _index(timeline, fail)) is not None:
            fail_at(timeline, builder.definitions, at)
            found = True
        report.timelines.append(timeline)
    if not found:
        ids = [step.id for timeline in report.timelines for step in timeline.steps]
        close = get_close_matches(fail, ids, n=3, cutoff=0.6)
        hint = f"; did you mean {' or '.join(close)}?" if close else " (the text output lists ids)"
        raise UnknownStep(f"no step {fail!r} in the {operation} timeline{hint}")
    return report


def _policy(policies, name: str | None) -> Policy | None:
    if name is None:
        return None
    for policy in policies:
        if policy.name == name:
            return policy
    known = ", ".join(sorted(p.name for p in policies)) or "none"
    raise Refused("policy", f"unknown policy {name!r} (known: {known})")


def _namespaces(workloads, policy: Policy | None, namespace: str | None) -> list[str]:
    names = covered_namespaces(workloads, policy)
    if namespace is None:
        return names
    if namespace in names:
        return [namespace]
    if namespace in namespace_labels(workloads):
        message = f"namespace {namespace!r} is not protected by policy {policy.name!r}"
        raise Refused("namespace", message)
    raise Refused("namespace", f"namespace {namespace!r} has no resources in the inventory")


def _resources(workloads, names: set[str]) -> dict[str, list[Workload]]:
    """The resources of each namespace, in a stable order; Namespace objects are not bound."""
    found: dict[str, list[Workload]] = defaultdict(list)
    for workload in workloads:
        if workload.namespace in names and workload.kind != "Namespace":
            found[workload.namespace].append(workload)
    for items in found.values():
        items.sort(key=lambda w: (w.kind, w.name))
    return found


def _index(timeline, step_id: str) -> int | None:
    return next((i for i, step in enumerate(timeline.steps) if step.id == step_id), None)


def _operation_notes(definition, policy: Policy | None) -> tuple[Source, ...]:
    notes = sources(definition.notes, definition.assumptions)
    if policy is not None and not policy.selector:
        notes += (Source("assumption: kasten-api.md §4", EMPTY_SELECTOR),)
    return notes


__all__ = ["Inventory", "Refused", "Report", "UnknownStep", "compute"]
