"""What a timeline is made of: the steps one operation takes in one namespace, in order."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from lifecycle.model import Blueprint, BlueprintBinding, Policy, Workload
from lifecycle.operations import Kind, Level, Outcome


@dataclass(frozen=True, slots=True)
class Source:
    """A note and where it comes from: a seed file, or `assumption: <grounds>` where the seeds
    are silent."""

    source: str
    text: str


@dataclass(frozen=True, slots=True)
class ArtifactIn:
    """An artifact a step receives, and where it comes from: a step id or a description."""

    name: str
    source: str


@dataclass(slots=True)
class Step:
    id: str  # stable across runs, so a failure can name it: "demo:4b:StatefulSet/demo/mysql:dump"
    seq: int  # 1-based order within the timeline
    step: str  # the seed's step label: "2", "4a"...
    level: Level
    kind: Kind
    title: str
    hook: str | None = None
    blueprint: str | None = None
    action: str | None = None
    phase: str | None = None
    resource: str | None = None  # Kind/namespace/name
    timeout_minutes: int | None = None
    timeout_setting: str | None = None
    outcome: Outcome = Outcome.RUNS
    reason: str = ""
    notes: tuple[Source, ...] = ()
    artifacts_in: tuple[ArtifactIn, ...] = ()
    artifacts_out: tuple[str, ...] = ()
    variables: tuple[str, ...] = ()  # the template variables a phase can read there


@dataclass(frozen=True, slots=True)
class IgnoredAction:
    action: str
    reason: str


@dataclass(frozen=True, slots=True)
class Lane:
    """A resource that a blueprint applies to, and how: through a binding or the annotation."""

    resource: str  # Kind/namespace/name
    kind: str
    blueprint: str
    via: str  # "BlueprintBinding/<name>" or "annotation"
    ignored: tuple[IgnoredAction, ...] = ()

    @property
    def group(self) -> tuple[str, str, str]:
        """Lanes with equal groups take identical steps, so a picture can show them once."""
        return (self.kind, self.blueprint, self.via)


@dataclass(slots=True)
class Timeline:
    namespace: str
    steps: list[Step] = field(default_factory=list)
    lanes: list[Lane] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # what the picture cannot decide


@dataclass(slots=True)
class Report:
    operation: str  # backup, restore, export, retire; or kubestash-backup, kubestash-restore
    timelines: list[Timeline]
    notes: tuple[Source, ...] = ()  # about the whole operation
    failed: str | None = None  # the step id chosen to fail


@dataclass(frozen=True, slots=True)
class Inventory:
    """The objects a timeline is computed over."""

    blueprints: Mapping[str, Blueprint]
    bindings: Sequence[BlueprintBinding] = ()
    policies: Sequence[Policy] = ()
    workloads: Sequence[Workload] = ()


class Refused(ValueError):
    """A choice a timeline cannot be computed for; `parameter` names it (operation, policy...)."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter = parameter


class UnknownStep(Refused):
    """A failure was asked for a step id that is not in the timeline (or does not run)."""

    def __init__(self, message: str) -> None:
        super().__init__("fail", message)
