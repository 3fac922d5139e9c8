"""An action's strings as Kanister renders them, in Kanister's order, for a preview.

Objects blocks are rendered when the action starts, before any phase; each phase's args just
before it runs, with the outputs of the phases before it; the defer phase after the others;
output artifacts last (shared/reference/kanister-templates.md §2). Every string is its own
template; map keys are rendered too; numbers, booleans and nulls pass through.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from lifecycle.gotemplate.kanister import Outcome, render
from lifecycle.model import Action, Phase
from lifecycle.template_data import PhaseSample, Sample, template_params

MASK = "••••"


@dataclass(frozen=True, slots=True)
class Inputs:
    """What the author types in besides the target: per phase its output and the data of the
    Secrets and ConfigMaps its objects block names (by the block's key)."""

    outputs: Mapping[str, Mapping[str, object]] = field(default_factory=dict)
    secrets: Mapping[str, Mapping[str, Mapping[str, bytes]]] = field(default_factory=dict)
    config_maps: Mapping[str, Mapping[str, Mapping[str, str]]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RenderedString:
    location: str  # e.g. actions.backup.phases[0].args.command[2]
    template: str
    outcome: Outcome


@dataclass(frozen=True, slots=True)
class PhasePreview:
    name: str
    func: str
    is_defer: bool
    objects: list[RenderedString]
    args: object  # the args with every rendered string in place (an Outcome where it was one)
    strings: list[RenderedString]  # the args' rendered strings, in document order


@dataclass(frozen=True, slots=True)
class ActionPreview:
    action: str
    phases: list[PhasePreview]
    artifacts: list[RenderedString]

    @property
    def failures(self) -> list[RenderedString]:
        every = [s for p in self.phases for s in (*p.objects, *p.strings)] + self.artifacts
        return [s for s in every if s.outcome.error is not None]


def preview_action(action: Action, sample: Sample, inputs: Inputs) -> ActionPreview:
    """Every string of the action rendered where and when Kanister renders it. A sample's own
    phases and defer phase are ignored: they come from the action and the inputs."""
    ran = [_phase_sample(phase, inputs, ran=True) for phase in action.phases]
    at_start = template_params(replace(sample, phases=(), defer_phase=None))
    objects = {phase.name: _render_objects(phase, at_start) for phase in action.all_phases}
    previews = []
    for index, phase in enumerate(action.phases):
        started = (*ran[:index], _phase_sample(phase, inputs, ran=False))
        params = template_params(replace(sample, phases=started, defer_phase=None))
        previews.append(_phase_preview(phase, params, objects[phase.name]))
    finished = tuple(ran)
    defer = action.defer_phase
    if defer is not None:
        params = template_params(
            replace(sample, phases=finished, defer_phase=_phase_sample(defer, inputs, ran=False))
        )
        previews.append(_phase_preview(defer, params, objects[defer.name]))
    after = template_params(
        replace(
            sample,
            phases=finished,
            defer_phase=_phase_sample(defer, inputs, ran=True) if defer else None,
        )
    )
    artifacts = [
        RenderedString(location, text, render(text, after))
        for artifact in action.output_artifacts.values()
        for location, text in _strings(
            {"keyValue": artifact.key_value, "kopiaSnapshot": artifact.kopia_snapshot or None},
            artifact.path,
        )
    ]
    return ActionPreview(action.name, previews, artifacts)


def _phase_sample(phase: Phase, inputs: Inputs, *, ran: bool) -> PhaseSample:
    kinds = {key: ref.kind.lower() for key, ref in phase.objects.items()}
    return PhaseSample(
        phase.name,
        secrets=_declared(inputs.secrets.get(phase.name, {}), kinds, "secret"),
        config_maps=_declared(inputs.config_maps.get(phase.name, {}), kinds, "configmap"),
        output=inputs.outputs.get(phase.name) if ran else None,
    )


def _declared(given: Mapping[str, Mapping], kinds: Mapping[str, str], kind: str) -> dict:
    """The objects of one kind the phase declares (Kanister ignores other kinds), each with the
    data typed in for it, or none."""
    return {key: dict(given.get(key, {})) for key, declared in kinds.items() if declared == kind}


def _render_objects(phase: Phase, params) -> list[RenderedString]:
    return [
        RenderedString(f"{ref.path}.{name}", text, render(text, params))
        for ref in phase.objects.values()
        for name, text in (("name", ref.name), ("namespace", ref.namespace))
        if "{{" in text
    ]


def _phase_preview(phase: Phase, params, objects: list[RenderedString]) -> PhasePreview:
    strings: list[RenderedString] = []
    where = f"{phase.path}.args"

    def rendered(value: object, location: str) -> object:
        if isinstance(value, str):
            result = RenderedString(location, value, render(value, params))
            strings.append(result)
            return result.outcome
        if isinstance(value, dict):
            out = {}
            for key, item in value.items():
                key_outcome = rendered(str(key), f"{location}.{key}") if "{{" in str(key) else key
                out[_text(key_outcome)] = rendered(item, f"{location}.{key}")
            return out
        if isinstance(value, list):
            return [rendered(item, f"{location}[{i}]") for i, item in enumerate(value)]
        return value

    if phase.func == "WaitV2":
        args = _wait_v2(phase.args, where, rendered)
    else:
        args = rendered(phase.args, where)
    return PhasePreview(phase.name, phase.func, phase.is_defer, objects, args, strings)


def _wait_v2(args: dict, where: str, rendered) -> dict:
    """WaitV2 renders only each condition's objectReference; its conditions run later against
    the watched object."""
    out = dict(args)
    conditions = args.get("conditions")
    if isinstance(conditions, dict):
        out["conditions"] = {
            group: [
                {
                    **item,
                    "objectReference": rendered(
                        item["objectReference"],
                        f"{where}.conditions.{group}[{index}].objectReference",
                    ),
                }
                if isinstance(item, dict) and "objectReference" in item
                else item
                for index, item in enumerate(items)
            ]
            if isinstance(items, list)
            else items
            for group, items in conditions.items()
        }
    return out


def _text(value: object) -> object:
    if isinstance(value, Outcome):
        return value.output if value.error is None else value.error.partial
    return value


def _strings(value: object, location: str):
    if isinstance(value, str):
        yield location, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{location}.{key}")


def mask_secrets(text: str, secrets: Mapping[str, Mapping[str, Mapping[str, bytes]]]) -> str:
    """`text` with every Secret value typed in for the preview shown as ••••: as text, and as
    the byte list Go prints for bytes."""
    values = sorted(
        (
            form
            for phase in secrets.values()
            for data in phase.values()
            for value in data.values()
            if value
            for form in (
                value.decode("utf-8", "replace"),
                "[" + " ".join(str(byte) for byte in value) + "]",
            )
        ),
        key=len,
        reverse=True,
    )
    for value in values:
        text = text.replace(value, MASK)
    return text
