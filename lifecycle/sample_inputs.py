"""Sample inputs for a preview: a value for every option, input artifact key, phase output and
Secret or ConfigMap key that an action's templates read, so that each of them can render."""

from collections.abc import Iterator
from dataclasses import dataclass, field

from lifecycle.gotemplate import TemplateSyntaxError, parse, references
from lifecycle.model import Action
from lifecycle.params import TYPED_PARAMS
from lifecycle.preview import Inputs

_SUBJECTS = frozenset(TYPED_PARAMS.values())


@dataclass(slots=True)
class SampleInputs:
    """What an action's templates read, each with a placeholder value naming it."""

    options: dict[str, str] = field(default_factory=dict)
    artifacts: dict[str, dict[str, str]] = field(default_factory=dict)
    outputs: dict[str, dict[str, str]] = field(default_factory=dict)
    secrets: dict[str, dict[str, dict[str, bytes]]] = field(default_factory=dict)
    config_maps: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)
    # The typed parameters read (StatefulSet, Deployment, ..., Namespace): what the action
    # expects to run against.
    subjects: set[str] = field(default_factory=set)

    @property
    def inputs(self) -> Inputs:
        return Inputs(self.outputs, self.secrets, self.config_maps)


def sample_inputs(action: Action) -> SampleInputs:
    found = SampleInputs()
    defer = action.defer_phase.name if action.defer_phase else ""
    for text in _templates(action):
        try:
            tree = parse(text)
        except TemplateSyntaxError:
            continue  # the linter reports it; a preview shows Go's error in place
        for reference in references(tree):
            if reference.root == "." and reference.rooted:
                _note([str(part) for part in reference.path], defer, found)
    return found


def _note(path: list[str], defer: str, found: SampleInputs) -> None:
    match path:
        case [subject, _, *_] if subject in _SUBJECTS:
            found.subjects.add(subject)
        case ["Options", key, *_]:
            found.options.setdefault(key, f"sample-{key}")
        case ["ArtifactsIn", name, "KeyValue", key, *_]:
            found.artifacts.setdefault(name, {}).setdefault(key, f"sample-{key}")
        case ["Phases", phase, *rest]:
            _note_phase(phase, rest, found)
        case ["DeferPhase", *rest] if defer:
            _note_phase(defer, rest, found)


def _note_phase(phase: str, path: list[str], found: SampleInputs) -> None:
    match path:
        case ["Output", key, *_]:
            found.outputs.setdefault(phase, {}).setdefault(key, f"sample-{key}")
        case ["Secrets", name, "Data", key, *_]:
            data = found.secrets.setdefault(phase, {}).setdefault(name, {})
            data.setdefault(key, f"sample-{key}".encode())
        case ["ConfigMaps", name, "Data", key, *_]:
            data = found.config_maps.setdefault(phase, {}).setdefault(name, {})
            data.setdefault(key, f"sample-{key}")


def _templates(action: Action) -> Iterator[str]:
    for phase in action.all_phases:
        for ref in phase.objects.values():
            yield ref.name
            yield ref.namespace
        yield from _strings(phase.args)
    for artifact in action.output_artifacts.values():
        yield from _strings(artifact.key_value)
        yield artifact.kopia_snapshot


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
