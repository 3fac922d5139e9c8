"""An action's strings as Kanister renders them, in Kanister's order, for a preview.

Objects blocks are rendered when the action starts, before any phase; each phase's args just
before it runs, with the outputs of the phases before it; the defer phase after the others;
output artifacts last (shared/reference/kanister-templates.md §2). Every string is its own
template; map keys are rendered too; numbers, booleans and nulls pass through.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import yaml

from lifecycle import kando
from lifecycle.functions import FUNCTIONS as KANISTER_FUNCTIONS
from lifecycle.gotemplate import TemplateSyntaxError, functions_used, gotime, parse
from lifecycle.gotemplate.kanister import FUNCTIONS, Outcome, render
from lifecycle.model import Action, Blueprint, Phase
from lifecycle.template_data import PhaseSample, Sample, template_params
from lifecycle.yamlpos import LineIndex
from lifecycle.yamlpos.scalars import value_offsets

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
    node: yaml.Node | None = field(default=None, repr=False, compare=False)  # where it is written
    varies: bool = False  # the output changes from run to run: this is one possible result


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
        _rendered(location, text, after, node)
        for artifact in action.output_artifacts.values()
        for location, text, node in _strings(
            {"keyValue": artifact.key_value, "kopiaSnapshot": artifact.kopia_snapshot or None},
            artifact.path,
            artifact.node,
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
        _rendered(f"{ref.path}.{name}", text, params, _child(ref.node, name))
        for ref in phase.objects.values()
        for name, text in (("name", ref.name), ("namespace", ref.namespace))
        if "{{" in text
    ]


def _phase_preview(phase: Phase, params, objects: list[RenderedString]) -> PhasePreview:
    strings: list[RenderedString] = []
    where = f"{phase.path}.args"

    def rendered(value: object, location: str, node: yaml.Node | None = None) -> object:
        if isinstance(value, str):
            result = _rendered(location, value, params, node)
            strings.append(result)
            return result.outcome
        if isinstance(value, dict):
            out = {}
            for key, item in value.items():
                key_node = _key(node, str(key))
                key_outcome = (
                    rendered(str(key), f"{location}.{key}", key_node) if "{{" in str(key) else key
                )
                out[_text(key_outcome)] = rendered(
                    item, f"{location}.{key}", _child(node, str(key))
                )
            return out
        if isinstance(value, list):
            items = node.value if isinstance(node, yaml.SequenceNode) else ()
            return [
                rendered(item, f"{location}[{i}]", items[i] if i < len(items) else None)
                for i, item in enumerate(value)
            ]
        return value

    args_node = _child(phase.node, "args")
    if phase.func == "WaitV2":
        args = _wait_v2(phase.args, where, rendered, args_node)
    else:
        args = rendered(phase.args, where, args_node)
    return PhasePreview(phase.name, phase.func, phase.is_defer, objects, args, strings)


def _wait_v2(args: dict, where: str, rendered, node: yaml.Node | None) -> dict:
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
                        _at(_child(_child(node, "conditions"), group), index, "objectReference"),
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


def _strings(value: object, location: str, node: yaml.Node | None):
    if isinstance(value, str):
        yield location, value, node
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{location}.{key}", _child(node, str(key)))


def _child(node: yaml.Node | None, key: str) -> yaml.Node | None:
    """The value node under a mapping key (None where the YAML is not a plain mapping)."""
    if isinstance(node, yaml.MappingNode):
        return next((v for k, v in node.value if k.value == key), None)
    return None


def _key(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        return next((k for k, _ in node.value if k.value == key), None)
    return None


def _at(node: yaml.Node | None, index: int, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.SequenceNode) and index < len(node.value):
        return _child(node.value[index], key)
    return None


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


def _rendered(location: str, text: str, data: object, node: yaml.Node | None) -> RenderedString:
    return RenderedString(location, text, render(text, data), node, varies(text, data))


_VARYING = frozenset(name for name, function in FUNCTIONS.items() if function.varies)
# sprig's date functions format the current time when given no time (`date "2006" .Time`, .Time
# being a string): whether they did is seen by rendering at two other instants.
_CLOCK_READERS = frozenset(("date", "dateInZone", "date_in_zone", "htmlDate", "htmlDateInZone"))
_INSTANTS = (981_173_106 * 10**9, 1_920_000_000 * 10**9)  # 2001-02-03 and 2030-11-05


def varies(template: str, data: object = None) -> bool:
    """Whether the template's output changes from run to run (random values, the current time,
    the environment): its preview is then one possible result."""
    if "{{" not in template:
        return False
    try:
        tree = parse(template)
    except TemplateSyntaxError:
        return False
    used = {use.name for use in functions_used(tree)}
    if used & _VARYING:
        return True
    if not used & _CLOCK_READERS:
        return False
    outputs = set()
    for instant in _INSTANTS:
        with gotime.frozen_clock(instant):
            outputs.add(render(template, data).output)
    return len(outputs) > 1


def file_position(string: RenderedString, text: str, base: int = 0) -> tuple[int, int] | None:
    """The file's 1-based line and column of the character a string's render error points at,
    through the scalar's quoting, escapes and block indentation; None without an error or node.

    `text` is the file the string's node was read from, `base` its document's offset there."""
    error = string.outcome.error
    if error is None or not isinstance(string.node, yaml.ScalarNode):
        return None
    offsets = value_offsets(text, string.node, base)
    at = LineIndex(string.template).offset(error.line, error.column)
    return LineIndex(text).line_column(offsets[min(max(at, 0), len(offsets) - 1)])


def kando_output_keys(phase: Phase) -> list[str]:
    """The keys of a phase's output: those its function returns (BackupData's backupID...) and
    those its commands write with `kando output KEY value`, in order, once each."""
    returned = getattr(KANISTER_FUNCTIONS.get(phase.func), "outputs", None) or ()
    return list(dict.fromkeys([*returned, *kando.written_keys(phase)]))


def artifact_keys(blueprint: Blueprint, action: Action) -> dict[str, list[str]]:
    """Per input artifact the action names, the keyValue keys of the other actions' output
    artifacts of that name (usually backup's, read by restore and delete)."""
    return {
        name: list(
            dict.fromkeys(
                key
                for other in blueprint.actions.values()
                if other is not action and name in other.output_artifacts
                for key in other.output_artifacts[name].key_value
            )
        )
        for name in action.input_artifact_names
    }
