"""Lays out one namespace's timeline: the operation's steps with each hook, action and phase."""

from collections.abc import Mapping
from functools import cache

from lifecycle.model import Action, Blueprint, PolicyHook
from lifecycle.operations import Assumption, Kind, Level, Note, Operation, Outcome, operation
from lifecycle.operations import Step as Definition
from lifecycle.timeline.model import ArtifactIn, Lane, Source, Step, Timeline
from lifecycle.timeline.variables import phase_variables

SEED_003 = "003_80b5db47364291e5.txt"
DEFER_NOTE = Source(
    SEED_003,
    "A defer phase runs after the phases list completes or after a phase failure stops "
    "execution. It runs regardless of success or failure.",
)


class Builder:
    """Appends steps in order; `definitions` keeps, per step, the lifecycle row it came from."""

    def __init__(
        self,
        operation: Operation,
        namespace: str,
        blueprints: Mapping[str, Blueprint],
        hooks: Mapping[str, PolicyHook],
        timeouts: Mapping[str, int],
        memo: dict,
    ) -> None:
        self.operation = operation
        self.namespace = namespace
        self.blueprints = blueprints
        self.hooks = hooks
        self.timeouts = timeouts
        self.memo = memo  # shared by the namespaces of one report: phase plans and notes
        self.timeline = Timeline(namespace)
        self.definitions: list[Definition] = []
        self._hook_outputs: tuple[ArtifactIn, ...] = ()

    def build(self, lanes: list[Lane]) -> Timeline:
        self.timeline.lanes = lanes
        labels = self.operation.labels()
        at = 0
        while at < len(labels):
            alternatives = self.operation.alternatives(labels[at])
            if alternatives[0].level is Level.NAMESPACE:
                for definition in alternatives:
                    self._namespace_step(definition)
                at += 1
                continue
            block = []
            while (
                at < len(labels)
                and self.operation.alternatives(labels[at])[0].level is Level.RESOURCE
            ):
                block.append(self.operation.alternatives(labels[at]))
                at += 1
            for lane in lanes:
                for alternatives in block:
                    self._resource_step(lane, alternatives)
        return self.timeline

    def _namespace_step(self, definition: Definition) -> None:
        prefix = f"{self.namespace}:{definition.step}"
        if definition.kind is not Kind.HOOK:
            self._add(definition, id=prefix)
            return
        ref = self.hooks.get(definition.hook)
        if ref is not None:
            self._action(
                definition,
                ref.blueprint,
                ref.action_name,
                f"{prefix}:{definition.hook}",
                resource=None,
                subject_kind=None,
            )

    def _resource_step(self, lane: Lane, alternatives: tuple[Definition, ...]) -> None:
        blueprint = self.blueprints.get(lane.blueprint)
        if blueprint is None:
            return
        prefix = f"{self.namespace}:{alternatives[0].step}:{lane.resource}"
        for definition in alternatives:
            if definition.kind is Kind.ACTION and definition.action in blueprint.actions:
                self._action(
                    definition,
                    blueprint.name,
                    definition.action,
                    prefix,
                    resource=lane.resource,
                    subject_kind=lane.kind,
                )
                return
        for definition in alternatives:
            if definition.kind is Kind.SNAPSHOT:
                self._add(definition, id=f"{prefix}:snapshot", resource=lane.resource)
                return

    def _action(
        self,
        definition: Definition,
        blueprint_name: str,
        action_name: str,
        prefix: str,
        *,
        resource: str | None,
        subject_kind: str | None,
    ) -> None:
        blueprint = self.blueprints.get(blueprint_name)
        action = blueprint.actions.get(action_name) if blueprint else None
        common = {
            "blueprint": blueprint_name,
            "action": action_name,
            "resource": resource,
        }
        if action is None or not action.all_phases:
            missing = (
                f"Blueprint/{blueprint_name} is not among the objects read"
                if blueprint is None
                else f"Blueprint/{blueprint_name} defines no {action_name} action with phases"
            )
            self.timeline.problems.append(f"{prefix}: {missing}.")
            self._add(
                definition,
                id=prefix,
                outcome=Outcome.UNSPECIFIED,
                reason=f"{missing}, so what runs here is unknown.",
                **common,
            )
            return
        if definition.hook is None:
            key = (id(definition), blueprint_name, action_name, subject_kind)
            if key not in self.memo:
                self.memo[key] = self._phases(definition, blueprint, action, subject_kind)
            plan = self.memo[key]
        else:
            plan = self._phases(definition, blueprint, action, subject_kind)
        for suffix, fields in plan:
            step = self._add(definition, id=f"{prefix}:{suffix}", **fields, **common)
        if definition.hook == "preHook":
            self._hook_outputs = tuple(ArtifactIn(n, step.id) for n in action.output_artifacts)

    def _phases(
        self,
        definition: Definition,
        blueprint: Blueprint,
        action: Action,
        subject_kind: str | None,
    ) -> list[tuple[str, dict]]:
        """Each phase's id suffix and fields; the same for every resource of a kind."""
        artifacts_in = self._artifacts_in(definition, blueprint, action)
        names_in = tuple(artifact.name for artifact in artifacts_in)
        phases = action.all_phases
        plan, seen = [], set()
        for index, phase in enumerate(phases):
            name = phase.name or f"phase{index}"
            plan.append(
                (
                    name if name not in seen else f"{name}#{index}",
                    {
                        "kind": Kind.DEFER if phase.is_defer else definition.kind,
                        "phase": phase.name,
                        "artifacts_in": artifacts_in if index == 0 else (),
                        "artifacts_out": tuple(action.output_artifacts)
                        if index == len(phases) - 1
                        else (),
                        "variables": phase_variables(
                            action, index, subject_kind=subject_kind, artifacts_in=names_in
                        ),
                        "extra_notes": (DEFER_NOTE,) if phase.is_defer else (),
                    },
                )
            )
            seen.add(name)
        return plan

    def _artifacts_in(
        self, definition: Definition, blueprint: Blueprint, action: Action
    ) -> tuple[ArtifactIn, ...]:
        if definition.hook in ("onSuccess", "onFailure"):
            return self._hook_outputs
        if definition.hook is not None or definition.action in _backup_time():
            return ()
        return tuple(
            ArtifactIn(name, _stored_by(blueprint, name)) for name in action.input_artifact_names
        )

    def _add(
        self,
        definition: Definition,
        *,
        id: str,
        kind: Kind | None = None,
        extra_notes: tuple[Source, ...] = (),
        **fields,
    ) -> Step:
        timeout = definition.timeout
        step = Step(
            id=id,
            seq=len(self.timeline.steps) + 1,
            step=definition.step,
            level=definition.level,
            kind=kind or definition.kind,
            title=definition.title,
            hook=definition.hook,
            timeout_minutes=self.timeouts.get(timeout.setting, timeout.default_minutes)
            if timeout
            else None,
            timeout_setting=timeout.setting if timeout else None,
            notes=self._sources(definition) + extra_notes,
            **fields,
        )
        if definition.if_none_failed is not None:
            rule = definition.if_none_failed
            step.outcome, step.reason = rule.outcome, rule.note.text
        self.timeline.steps.append(step)
        self.definitions.append(definition)
        return step

    def _sources(self, definition: Definition) -> tuple[Source, ...]:
        key = id(definition)
        if key not in self.memo:
            self.memo[key] = sources(definition.notes, definition.assumptions)
        return self.memo[key]


def sources(notes: tuple[Note, ...], assumptions: tuple[Assumption, ...]) -> tuple[Source, ...]:
    """The seeds' notes, then the assumptions made where they are silent, as shown on a step."""
    return tuple(Source(n.seed, n.text) for n in notes) + tuple(
        Source(f"assumption: {a.source}", a.text) for a in assumptions
    )


@cache
def _backup_time() -> tuple[str, ...]:
    """The blueprint actions backup runs: their outputArtifacts are stored in the restore point."""
    return tuple(step.action for step in operation("backup").steps if step.action)


def _stored_by(blueprint: Blueprint, name: str) -> str:
    producers = [
        action
        for action in _backup_time()
        if action in blueprint.actions and name in blueprint.actions[action].output_artifacts
    ]
    if not producers:
        return f"restore point: no backup-time action of Blueprint/{blueprint.name} outputs it"
    return f"restore point: outputArtifacts of {' and '.join(producers)}"
