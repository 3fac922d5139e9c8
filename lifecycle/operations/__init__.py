"""Kasten's backup, restore, export and retire lifecycles, read from the YAML beside this."""

import enum
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

from lifecycle.actions import LATER_RESERVED_ACTIONS, RESERVED_ACTIONS
from lifecycle.lint.options import DEFAULT_KASTEN_VERSION, parse_kasten_version

OPERATIONS = ("backup", "restore", "export", "retire")
HOOKS = ("preHook", "onSuccess", "onFailure")


class Level(enum.StrEnum):
    NAMESPACE = "namespace"
    RESOURCE = "resource"


class Kind(enum.StrEnum):
    INTERNAL = "internal"
    HOOK = "hook"
    ACTION = "action"
    DEFER = "defer"  # not in the lifecycle files: a blueprint's deferPhase, placed by the timeline
    SNAPSHOT = "snapshot"


class Outcome(enum.StrEnum):
    RUNS = "runs"
    FAILS = "fails"
    SKIPPED = "skipped"
    UNSPECIFIED = "unspecified"  # the seeds do not say: shown as such, never guessed


@dataclass(frozen=True, slots=True)
class Note:
    """What a seed says about a step, quoted or closely paraphrased, with the seed's file name."""

    seed: str
    text: str


@dataclass(frozen=True, slots=True)
class Assumption:
    """Where the seeds are silent or ambiguous: what the definition takes and on what grounds."""

    text: str
    source: str


@dataclass(frozen=True, slots=True)
class Rule:
    """What a seed says becomes of a step: when nothing failed, or after an earlier step failed.

    `failed` names the labels of the failed step the rule covers (empty: any earlier step);
    `same_resource` limits it to a failure in the same resource's steps.
    """

    outcome: Outcome
    note: Note
    failed: tuple[str, ...] = ()
    same_resource: bool = False

    def covers(self, label: str, same_resource: bool) -> bool:
        return (not self.failed or label in self.failed) and (
            same_resource or not self.same_resource
        )


@dataclass(frozen=True, slots=True)
class Timeout:
    setting: str
    default_minutes: int


@dataclass(frozen=True, slots=True)
class Step:
    step: str
    level: Level
    kind: Kind
    title: str
    hook: str | None = None
    action: str | None = None
    timeout: Timeout | None = None
    replaced_by: str | None = None  # the blueprint action that runs instead when defined
    since: tuple[int, int, int] | None = None
    notes: tuple[Note, ...] = ()
    assumptions: tuple[Assumption, ...] = ()
    if_none_failed: Rule | None = None
    after_failure: tuple[Rule, ...] = ()

    def after(self, label: str, same_resource: bool) -> Rule | None:
        """The seed's rule for this step after step `label` failed, if there is one."""
        return next((r for r in self.after_failure if r.covers(label, same_resource)), None)


@dataclass(frozen=True, slots=True)
class Operation:
    """One operation's steps in order; steps sharing a label are alternatives, one of which runs."""

    name: str
    title: str
    seed: str
    action_hooks: bool
    resource_actions: bool
    steps: tuple[Step, ...]
    notes: tuple[Note, ...] = ()
    assumptions: tuple[Assumption, ...] = ()

    def labels(self) -> tuple[str, ...]:
        """The step labels in order, each once."""
        return tuple(dict.fromkeys(step.step for step in self.steps))

    def alternatives(self, label: str) -> tuple[Step, ...]:
        return tuple(step for step in self.steps if step.step == label)


def operation(name: str, kasten_version: str = DEFAULT_KASTEN_VERSION) -> Operation:
    """The operation's lifecycle as the given Kasten version runs it."""
    version = parse_kasten_version(kasten_version)
    full = _load(name)
    steps = tuple(s for s in full.steps if s.since is None or version >= s.since)
    return Operation(
        full.name,
        full.title,
        full.seed,
        full.action_hooks,
        full.resource_actions,
        steps,
        full.notes,
        full.assumptions,
    )


def default_timeouts() -> dict[str, int]:
    """Kasten's Helm timeout settings and their default minutes (seed 001)."""
    return dict(_common()["timeouts"])


@cache
def _common() -> dict[str, Any]:
    return yaml.load(files(__name__).joinpath("common.yaml").read_text(), Loader=yaml.CSafeLoader)


@cache
def _load(name: str) -> Operation:
    if name not in OPERATIONS:
        raise ValueError(f"unknown operation {name!r}: expected one of {', '.join(OPERATIONS)}")
    filename = f"{name}.yaml"
    data = yaml.load(files(__name__).joinpath(filename).read_text(), Loader=yaml.CSafeLoader)
    try:
        return _operation(data)
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"{filename}: {error}") from error


def _operation(data: dict[str, Any]) -> Operation:
    steps = tuple(_step(raw) for raw in data["steps"])
    labels = [step.step for step in steps]
    for label in set(labels):
        first = labels.index(label)
        if labels[first : first + labels.count(label)] != [label] * labels.count(label):
            raise ValueError(f"the alternatives of step {label} are not next to each other")
    for step in steps:
        for rule in step.after_failure:
            if unknown := set(rule.failed) - set(labels):
                raise ValueError(f"step {step.step}: a rule names unknown steps {sorted(unknown)}")
    return Operation(
        name=data["name"],
        title=data["title"],
        seed=_seed(data["seed"]),
        action_hooks=bool(data["action_hooks"]),
        resource_actions=bool(data["resource_actions"]),
        steps=steps,
        notes=_notes(data.get("notes")),
        assumptions=_assumptions(data.get("assumptions")),
    )


def _step(raw: dict[str, Any]) -> Step:
    label = raw["step"]
    kind = Kind(raw["kind"])
    hook, action = raw.get("hook"), raw.get("action")
    if (kind is Kind.HOOK) != (hook is not None) or hook not in (None, *HOOKS):
        raise ValueError(f"step {label}: a hook step names one of {', '.join(HOOKS)}, got {hook!r}")
    reserved = (*RESERVED_ACTIONS, *LATER_RESERVED_ACTIONS)
    if (kind is Kind.ACTION) != (action is not None) or action not in (None, *reserved):
        raise ValueError(f"step {label}: an action step names a reserved action, got {action!r}")
    timeouts = _common()["timeouts"]
    setting = raw.get("timeout")
    if setting is not None and setting not in timeouts:
        raise ValueError(f"step {label}: unknown timeout {setting!r}")
    since = raw.get("since")
    return Step(
        step=label,
        level=Level(raw["level"]),
        kind=kind,
        title=raw["title"],
        hook=hook,
        action=action,
        timeout=Timeout(setting, timeouts[setting]) if setting else None,
        replaced_by=raw.get("replaced_by"),
        since=parse_kasten_version(since) if since else None,
        notes=_notes(raw.get("notes")),
        assumptions=_assumptions(raw.get("assumptions")),
        if_none_failed=_rule(raw["if_none_failed"]) if "if_none_failed" in raw else None,
        after_failure=tuple(_rule(rule) for rule in raw.get("after_failure") or ()),
    )


def _rule(raw: dict[str, Any]) -> Rule:
    failed = raw.get("failed", "*")
    if failed != "*" and not (isinstance(failed, list) and all(isinstance(f, str) for f in failed)):
        raise ValueError(f'a rule\'s failed is "*" or a list of step labels, got {failed!r}')
    return Rule(
        outcome=Outcome(raw["outcome"]),
        note=Note(_seed(raw["seed"]), raw["text"]),
        failed=() if failed == "*" else tuple(failed),
        same_resource=bool(raw.get("same_resource")),
    )


def _seed(name: str) -> str:
    if name not in _common()["seeds"]:
        raise ValueError(f"unknown seed {name!r}")
    return name


def _notes(raw: list[dict[str, str]] | None) -> tuple[Note, ...]:
    return tuple(Note(_seed(note["seed"]), note["text"]) for note in raw or ())


def _assumptions(raw: list[dict[str, str]] | None) -> tuple[Assumption, ...]:
    return tuple(Assumption(item["text"], item["source"]) for item in raw or ())
