"""Phases against the Kanister function table (BP010-BP017)."""

import re

import yaml

from lifecycle.functions import (
    CASE_INSENSITIVE_CHOICES,
    CHOICES,
    CREDENTIAL_SOURCES,
    FUNCTIONS,
    ONE_OF,
    REMOVED_FUNCTIONS,
    Function,
    Shape,
)
from lifecycle.lint.options import Options
from lifecycle.lint.report import Reporter
from lifecycle.model import Blueprint, Phase
from lifecycle.parsing import describe, is_null
from lifecycle.suggest import did_you_mean

_BOOLS = {"1", "0", "t", "f", "true", "false"}
_DURATION = re.compile(r"^[-+]?(0|(\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$")
_COMMANDS = ("command", "initCommand", "backgroundCommand", "outputCommand")
# Names the upstream docs (or the seeds) use but the code refuses (kanister-functions.md §6).
_KNOWN_MISTAKES = {
    ("BackupDataStats", "mode"): "statsMode",
    ("CreateCSISnapshotStatic", "handle"): "snapshotHandle",
    ("KubeOps", "op"): "operation",
    ("KubeOps", "resource"): "objectReference",
}


def check(blueprint: Blueprint, report: Reporter, options: Options) -> None:
    for action in blueprint.actions.values():
        for phase in action.all_phases:
            if phase.func:
                _check_phase(phase, report)


def _check_phase(phase: Phase, report: Reporter) -> None:
    func_node = phase.field_node("func")
    removed = REMOVED_FUNCTIONS.get(phase.func)
    if removed:
        report(
            "BP011",
            func_node,
            f"function {phase.func!r} was removed in Kanister {removed.removed_in}",
            f"use {removed.replacement}",
            f"{phase.path}.func",
        )
        return
    function = FUNCTIONS.get(phase.func)
    if function is None:
        near = did_you_mean(phase.func, FUNCTIONS)
        hint = (
            f"did you mean `{near}`? Function names are case-sensitive"
            if near
            else (
                "Kanister functions include KubeTask, KubeExec, KubeOps, WaitV2 and ScaleWorkload"
            )
        )
        report(
            "BP010",
            func_node,
            f"unknown function {phase.func!r}: Kanister fails the action with "
            f"`Requested function {{{phase.func}}} has not been registered`",
            hint,
            f"{phase.path}.func",
        )
        return
    if function.deprecated:
        report(
            "BP012",
            func_node,
            f"{phase.func} is deprecated in the Kanister documentation",
            function.deprecated,
            f"{phase.path}.func",
        )
    args_node = phase.field_node("args")
    if not isinstance(args_node, yaml.MappingNode):
        return
    _check_arguments(function, phase, args_node, report)
    _check_values(function, phase, report)


def _check_arguments(
    function: Function, phase: Phase, args_node: yaml.MappingNode, report: Reporter
) -> None:
    given = {str(key.value) for key, _ in args_node.value}
    missing = [name for name in function.required if name not in given]
    if missing:
        listed = ", ".join(missing)
        report(
            "BP013",
            _key(phase.node, "args"),
            f"{function.name} needs {listed}: Kanister fails the phase with "
            f"`Argument missing {missing[0]}`",
            f"add {listed} under args",
            f"{phase.path}.args",
        )
    for key, value in args_node.value:
        name = str(key.value)
        location = f"{phase.path}.args.{name}"
        if name not in function.arguments:
            near = _KNOWN_MISTAKES.get((function.name, name)) or did_you_mean(
                name, function.arguments
            )
            supported = ", ".join(function.arguments) or "none"
            hint = f"did you mean `{near}`?" if near else f"{function.name} takes: {supported}"
            report(
                "BP014",
                key,
                f"{function.name} does not support argument {name!r}: Kanister refuses it "
                f"with `argument {name} is not supported`",
                hint,
                location,
            )
            continue
        problem = _shape_problem(function.shape(name), name, value)
        if problem:
            report("BP015", value, f"{function.name} argument {name!r} {problem}", "", location)


def _shape_problem(shape: Shape, name: str, node: yaml.Node) -> str:
    """Why a value cannot be decoded into the argument's shape, or ""."""
    if is_null(node):
        return ""
    if shape is Shape.STRINGS:
        if name in _COMMANDS and isinstance(node, yaml.ScalarNode):
            return (
                "must be a list (argv): a single string runs a program whose name is the whole "
                "string; write `[sh, -c, '...']`"
            )
        if isinstance(node, yaml.MappingNode):
            return f"must be {shape}, found a mapping"
    elif shape is Shape.STRING and not isinstance(node, yaml.ScalarNode):
        extra = " (names are separated by spaces)" if name in ("pods", "containers") else ""
        return f"must be {shape}{extra}, found {describe(node)}"
    elif shape is Shape.MAP and not isinstance(node, yaml.MappingNode):
        return f"must be {shape}, found {describe(node)}"
    elif shape is Shape.INT:
        if not isinstance(node, yaml.ScalarNode):
            return f"must be {shape}, found {describe(node)}"
        if not _templated(node) and not re.fullmatch(r"[-+]?\d+", node.value.strip()):
            return f"must be {shape}, found {node.value!r}"
    elif shape is Shape.BOOL:
        if not isinstance(node, yaml.ScalarNode):
            return f"must be {shape}, found {describe(node)}"
        if not _templated(node) and node.value.strip().lower() not in _BOOLS:
            return f"must be {shape}, found {node.value!r}"
    return ""


def _check_values(function: Function, phase: Phase, report: Reporter) -> None:
    """The run-time checks Kanister makes inside Exec(), where the values are literal."""
    args = phase.args
    for (func, name), choices in CHOICES.items():
        value = args.get(name)
        if func != function.name or not isinstance(value, str) or "{{" in value:
            continue
        folded = value.lower() if (func, name) in CASE_INSENSITIVE_CHOICES else value
        if folded not in choices:
            shown = ", ".join(repr(c) for c in choices)
            near = did_you_mean(value, [c for c in choices if c])
            report(
                "BP016",
                phase.arg_node(name),
                f"{function.name} {name} must be one of {shown}, found {value!r}",
                f"did you mean `{near}`?" if near else "",
                f"{phase.path}.args.{name}",
            )
    for group in ONE_OF.get(function.name, ()):
        given = [name for name in group if args.get(name) not in (None, "")]
        if len(given) != 1:
            found = " and ".join(given) if given else "neither"
            report(
                "BP016",
                _key(phase.node, "args"),
                f"{function.name} needs exactly one of {' or '.join(group)}, found {found}",
                "",
                f"{phase.path}.args",
            )
    source = args.get("credentialsSource")
    if isinstance(source, str) and "{{" not in source:
        if source not in CREDENTIAL_SOURCES:
            report(
                "BP016",
                phase.arg_node("credentialsSource"),
                f"credentialsSource must be one of {', '.join(CREDENTIAL_SOURCES)}, "
                f"found {source!r}",
                "the upstream docs' `serviceaccount` is `eks_service_account` in the code",
                f"{phase.path}.args.credentialsSource",
            )
        elif source == "secret" and not args.get("credentialsSecret"):
            report(
                "BP016",
                phase.arg_node("credentialsSource"),
                "credentialsSource: secret needs credentialsSecret",
                "name the Secret as declared in this phase's objects block",
                f"{phase.path}.args.credentialsSource",
            )
    if function.name == "KubeOps":
        _check_kubeops(phase, report)
    if function.name in ("Wait", "WaitV2"):
        _check_wait(function, phase, report)


def _check_kubeops(phase: Phase, report: Reporter) -> None:
    operation = phase.args.get("operation")
    if operation in ("create", "patch") and not phase.args.get("spec"):
        report(
            "BP016",
            phase.arg_node("operation"),
            f"KubeOps {operation} needs a spec",
            "put the manifest (create) or the patch (patch) under `spec: |`",
            f"{phase.path}.args.spec",
        )
    if operation == "delete":
        ref = phase.args.get("objectReference")
        ref = ref if isinstance(ref, dict) else {}
        missing = [f for f in ("apiVersion", "resource", "name") if not ref.get(f)]
        if missing:
            report(
                "BP016",
                phase.arg_node("objectReference") or phase.arg_node("operation"),
                f"KubeOps delete needs objectReference {', '.join(missing)}",
                "apiVersion is the version only (`v1`), resource the plural (`pods`)",
                f"{phase.path}.args.objectReference",
            )


def _check_wait(function: Function, phase: Phase, report: Reporter) -> None:
    timeout = phase.arg_node("timeout")
    location = f"{phase.path}.args.timeout"
    if isinstance(timeout, yaml.ScalarNode) and not is_null(timeout):
        if _templated(timeout):
            if function.name == "WaitV2":
                report(
                    "BP017",
                    timeout,
                    "WaitV2 does not render its timeout: the template is parsed as a duration "
                    "and fails",
                    "write a literal duration such as `5m`",
                    location,
                )
        elif not _DURATION.match(timeout.value.strip()):
            report(
                "BP016",
                timeout,
                f"{function.name} timeout {timeout.value!r} is not a Go duration",
                "write a duration such as `90s`, `5m` or `1h30m`",
                location,
            )
    conditions = phase.args.get("conditions")
    if isinstance(conditions, dict) and not (conditions.get("anyOf") or conditions.get("allOf")):
        report(
            "BP016",
            phase.arg_node("conditions"),
            f"{function.name} conditions need anyOf or allOf",
            "",
            f"{phase.path}.args.conditions",
        )


def _templated(node: yaml.ScalarNode) -> bool:
    return "{{" in node.value


def _key(node: yaml.Node, name: str) -> yaml.Node:
    """The key node of a mapping entry (where "this mapping lacks ..." is best shown)."""
    for key, _ in node.value:
        if key.value == name:
            return key
    return node
