"""Rules across objects: hooks, bindings and annotations against blueprints (BP060-BP065)."""

from collections import defaultdict

import yaml

from lifecycle.actions import reserved_actions
from lifecycle.kinds import BLUEPRINT_ANNOTATION
from lifecycle.lint.options import Options
from lifecycle.lint.report import Reporter
from lifecycle.lint.workspace import Workspace
from lifecycle.matching import Bindings, binding_matches, binding_problem
from lifecycle.model import Blueprint, BlueprintBinding, Policy, Workload
from lifecycle.suggest import did_you_mean
from lifecycle.yamlpos import find

_ANNOTATION_PATH = f"metadata.annotations.{BLUEPRINT_ANNOTATION}"
_SHOWN = 3  # resources named in one finding before "and N more"


def check(workspace: Workspace, options: Options) -> None:
    blueprints = {b.name: b for b, _ in workspace.blueprints if b.name}
    # A lone policy, binding or inventory file says nothing about which blueprints exist.
    if blueprints:
        for policy, report in workspace.policies:
            _check_hooks(policy, blueprints, report)
        for binding, report in workspace.bindings:
            _check_binding_target(binding, blueprints, report)
        for workload, report in workspace.workloads:
            _check_annotation(workload, blueprints, report)
    for binding, report in workspace.bindings:
        _check_requirements(binding, report)
    if workspace.workloads:
        _check_matches(workspace)
    if options.kasten:
        _check_bound_blueprints(workspace, options)


def _check_hooks(policy: Policy, blueprints: dict[str, Blueprint], report: Reporter) -> None:
    """BP060, BP061: a hook names a blueprint in the Kasten namespace and one of its actions."""
    for hook in policy.hooks:
        what = f"the {hook.operation} {hook.hook}"
        blueprint = blueprints.get(hook.blueprint)
        if blueprint is None:
            _missing_blueprint(
                report,
                find(hook.node, "blueprint") or hook.node,
                what,
                hook.blueprint,
                blueprints,
                f"{hook.path}.blueprint",
            )
            continue
        if hook.action_name in blueprint.actions:
            continue
        actions = list(blueprint.actions)
        near = did_you_mean(hook.action_name, actions)
        named = f"action {hook.action_name!r}" if hook.action_name else "no action"
        report(
            "BP061",
            find(hook.node, "actionName") or hook.node,
            f"{what} names {named}, which blueprint {blueprint.name!r} does not have: Kasten "
            "fails the hook",
            f"did you mean `{near}`?"
            if near
            else f"its actions are: {', '.join(actions) or 'none'}",
            f"{hook.path}.actionName",
        )


def _check_binding_target(
    binding: BlueprintBinding, blueprints: dict[str, Blueprint], report: Reporter
) -> None:
    if binding.blueprint not in blueprints:
        _missing_blueprint(
            report,
            binding.blueprint_node or binding.node,
            "the binding",
            binding.blueprint,
            blueprints,
            "spec.blueprintRef.name",
        )


def _check_annotation(
    workload: Workload, blueprints: dict[str, Blueprint], report: Reporter
) -> None:
    name = workload.annotations.get(BLUEPRINT_ANNOTATION)
    if name is not None and name not in blueprints:
        node = find(workload.node, "metadata", "annotations", BLUEPRINT_ANNOTATION)
        _missing_blueprint(
            report,
            node or workload.node,
            f"the {BLUEPRINT_ANNOTATION} annotation",
            name,
            blueprints,
            _ANNOTATION_PATH,
        )


def _missing_blueprint(
    report: Reporter,
    node: yaml.Node,
    what: str,
    name: str,
    blueprints: dict[str, Blueprint],
    location: str,
) -> None:
    """BP060, worded for a hook, a binding or an annotation."""
    near = did_you_mean(name, blueprints) if name else ""
    message = (
        f"{what} names blueprint {name!r}, which is not among the blueprints linted with it: "
        "Kasten looks blueprints up by name in its own namespace"
        if name
        else f"{what} names no blueprint: Kasten looks blueprints up by name"
    )
    hint = (
        f"did you mean `{near}`?" if near else f"known blueprints: {', '.join(sorted(blueprints))}"
    )
    report("BP060", node, message, hint, location)


def _check_requirements(binding: BlueprintBinding, report: Reporter) -> None:
    """BP062: Kasten marks a binding without requirements invalid (kasten-api.md §3.1)."""
    if binding.match_all or binding.match_any:
        return
    node = find(binding.node, "spec", "resources") or find(binding.node, "spec") or binding.node
    report(
        "BP062",
        node,
        "the binding has no requirements: Kasten marks a BlueprintBinding without matchAll or "
        "matchAny items invalid and never uses it",
        "add a requirement under spec.resources.matchAll, e.g. `- type: {operator: In, values: "
        "[{group: apps, resource: statefulsets}]}`",
        "spec.resources",
    )


def _check_matches(workspace: Workspace) -> None:
    """BP063 on each enabled binding that selects nothing, BP064 on each binding that loses."""
    bindings = [(b, r) for b, r in workspace.bindings if not b.disabled]
    workloads = [w for w, _ in workspace.workloads]
    for binding, report in bindings:
        if (binding.match_all or binding.match_any) and not any(
            binding_matches(binding, w) for w in workloads
        ):
            _matches_nothing(binding, len(workloads), report)
    # id of a losing binding -> (the winner's name, or "" when unknown) -> where it loses
    lost: dict[int, dict[str, list[Workload]]] = defaultdict(lambda: defaultdict(list))
    rivals: dict[tuple[int, str], tuple[BlueprintBinding, ...]] = {}
    enabled = Bindings([b for b, _ in bindings])
    for workload in workloads:
        choice = enabled.choose(workload)
        if len(choice.matching) < 2:
            continue
        winner = choice.winner.name if choice.winner else ""
        for binding in choice.matching:
            if binding is not choice.winner:
                lost[id(binding)][winner].append(workload)
                rivals[(id(binding), winner)] = choice.matching
    for binding, report in bindings:
        for winner, resources in lost.get(id(binding), {}).items():
            others = [b for b in rivals[(id(binding), winner)] if b is not binding]
            _several_match(binding, winner, others, resources, report)


def _matches_nothing(binding: BlueprintBinding, count: int, report: Reporter) -> None:
    problem = binding_problem(binding)
    hint = (
        f"Kasten would refuse this binding: {problem}"
        if problem
        else "compare its requirements with the resources' type, namespace, labels and "
        "annotations; a binding also applies to resources created later"
    )
    report(
        "BP063",
        _name_node(binding),
        f"the binding matches none of the {count} resource{'s' if count != 1 else ''} linted "
        "with it",
        hint,
        "spec.resources",
    )


def _several_match(
    binding: BlueprintBinding,
    winner: str,
    others: list[BlueprintBinding],
    resources: list[Workload],
    report: Reporter,
) -> None:
    """BP064 on the binding that loses; on every one of them when the winner is unknown."""
    shown = _some([w.label for w in resources])
    if winner:
        rival = next(b for b in others if b.name == winner)
        message = (
            f"{shown} {'is' if len(resources) == 1 else 'are'} also matched by binding "
            f"{winner!r}, created earlier ({rival.created}), which wins: Kasten runs blueprint "
            f"{rival.blueprint!r} there, not this binding's {binding.blueprint!r}"
        )
    else:
        names = ", ".join(repr(b.name) for b in others)
        message = (
            f"{shown} {'is' if len(resources) == 1 else 'are'} also matched by binding "
            f"{names}: Kasten uses the earliest created, and which that is is unknown here "
            "(a creationTimestamp is missing or they are equal)"
        )
    report(
        "BP064",
        _name_node(binding),
        message,
        "narrow the requirements (a label or a namespace) so that each resource matches one "
        "binding",
        "spec.resources",
    )


def _check_bound_blueprints(workspace: Workspace, options: Options) -> None:
    """BP065: a bound blueprint runs only its reserved actions (seed 001)."""
    reserved = reserved_actions(options.version)
    bound: dict[str, list[str]] = defaultdict(list)
    for binding, _ in workspace.bindings:
        if not binding.disabled and binding.blueprint:
            bound[binding.blueprint].append(f"binding {binding.name!r}")
    for workload, _ in workspace.workloads:
        name = workload.annotations.get(BLUEPRINT_ANNOTATION)
        if name:
            bound[name].append(f"the annotation on {workload.label}")
    for blueprint, report in workspace.blueprints:
        via = bound.get(blueprint.name)
        if not via or not blueprint.actions or any(a in reserved for a in blueprint.actions):
            continue
        shown = _some(via)
        report(
            "BP065",
            find(blueprint.node, "metadata", "name") or blueprint.node,
            f"the blueprint is bound by {shown} but has no reserved action: Kasten calls only "
            f"{', '.join(reserved)} on a bound resource and silently ignores "
            f"{', '.join(blueprint.actions)}",
            "rename the action to the reserved name for when it should run (e.g. backupPrehook), "
            "or call it from a policy action hook and drop the binding",
            "actions",
        )


def _name_node(binding: BlueprintBinding) -> yaml.Node:
    return find(binding.node, "metadata", "name") or binding.node


def _some(items: list[str]) -> str:
    """The first few items, and how many more there are."""
    shown = ", ".join(items[:_SHOWN])
    return shown + (f" and {len(items) - _SHOWN} more" if len(items) > _SHOWN else "")
