"""Kasten action names: reserved, close to reserved, or hook-only (BP020, BP021, BP022)."""

from lifecycle.actions import LATER_RESERVED_ACTIONS, RESERVED_ACTIONS, reserved_actions
from lifecycle.lint.options import Options
from lifecycle.lint.report import Reporter
from lifecycle.model import Blueprint
from lifecycle.suggest import did_you_mean


def check(blueprint: Blueprint, report: Reporter, options: Options) -> None:
    if not options.kasten:
        return
    reserved = reserved_actions(options.version)
    for name, action in blueprint.actions.items():
        if name in reserved:
            continue
        location = action.path
        if name in LATER_RESERVED_ACTIONS:
            since = ".".join(map(str, LATER_RESERVED_ACTIONS[name]))
            report(
                "BP022",
                action.key_node,
                f"{name!r} is reserved only from Kasten {since}; Kasten "
                f"{options.kasten_version} never calls it on a bound resource",
                f"set the Kasten version to {since} or later if that is what you run, or call "
                "the action from a policy hook",
                location,
            )
            continue
        near = did_you_mean(name, (*RESERVED_ACTIONS, *LATER_RESERVED_ACTIONS))
        if near:
            report(
                "BP021",
                action.key_node,
                f"action {name!r} is not a reserved name: Kasten silently ignores it on a bound "
                "resource",
                f"did you mean `{near}`? Reserved names are case-sensitive",
                location,
            )
        else:
            report(
                "BP020",
                action.key_node,
                f"action {name!r} is not a reserved name: Kasten runs it only as a policy action "
                "hook (preHook, onSuccess or onFailure)",
                f"reserved names: {', '.join(reserved)}",
                location,
            )
