"""The blueprint preview form: which inputs an action needs, reading them, showing the results."""

import re
from dataclasses import dataclass, field

import yaml

from lifecycle.actions import RESERVED_ACTIONS
from lifecycle.gotemplate.kanister import Outcome
from lifecycle.model import Action, Blueprint
from lifecycle.preview import (
    ActionPreview,
    Inputs,
    RenderedString,
    artifact_keys,
    file_position,
    kando_output_keys,
    mask_secrets,
)
from lifecycle.sample_inputs import sample_inputs
from lifecycle.template_data import PREVIEW_TIME, Sample

# The ActionSet object kind for each inventory kind (any other kind is a generic object).
ACTIONSET_KINDS = {
    "StatefulSet": "statefulset",
    "Deployment": "deployment",
    "DeploymentConfig": "deploymentconfig",
    "PersistentVolumeClaim": "pvc",
    "Namespace": "namespace",
}
LOCATION_TYPES = ("s3Compliant", "gcs", "azure")
SECRET_ROWS = 2  # empty key/value rows offered besides the keys the templates read
_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?(Z|[+-]\d\d:\d\d)")
_SHELLS = re.compile(r"(?:.*/)?(?:ba|da|a|z)?sh")
_SHELL_FLAGS = re.compile(r"-[a-z]*c[a-z]*")


class FormError(Exception):
    """Input the preview cannot use; `field` is the form field's name, `line` 1-based or 0."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True, slots=True)
class ObjectField:
    """A Secret or ConfigMap a phase's objects block declares, and the data keys templates read."""

    name: str  # the form field's name (the key/value rows' prefix for a Secret)
    key: str
    kind: str  # "secret" or "configmap"
    object_name: str  # the name as written (usually a template)
    data_keys: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PhaseField:
    name: str
    func: str
    is_defer: bool
    field: str  # the output's form field
    output_keys: tuple[str, ...]
    objects: tuple[ObjectField, ...]


@dataclass(frozen=True, slots=True)
class ActionFields:
    """Every input the preview of one action asks for, besides target, options and profile."""

    phases: tuple[PhaseField, ...]
    artifacts: dict[str, tuple[str, tuple[str, ...]]]  # artifact → (form field, keys)

    def initial(self) -> dict[str, str]:
        """Sample values for the keys the blueprint writes, so the first preview reads well."""
        values = {
            phase.field: "".join(f"{key}=sample-{key}\n" for key in phase.output_keys)
            for phase in self.phases
        }
        for form_field, keys in self.artifacts.values():
            values[form_field] = "".join(f"{key}=sample-{key}\n" for key in keys)
        for obj in self.objects():
            if obj.kind == "configmap":
                values[obj.name] = "".join(f"{key}=sample-{key}\n" for key in obj.data_keys)
            else:
                for row, key in enumerate(obj.data_keys):
                    values[f"{obj.name}-key-{row}"] = key
        return values

    def objects(self) -> list[ObjectField]:
        return [obj for phase in self.phases for obj in phase.objects]


def action_fields(blueprint: Blueprint, action: Action) -> ActionFields:
    read = sample_inputs(action)  # what the templates read, phase by phase
    phases = tuple(
        PhaseField(
            phase.name,
            phase.func,
            phase.is_defer,
            f"output-{index}",
            tuple(kando_output_keys(phase)),
            tuple(
                ObjectField(
                    f"{kind}-{index}-{number}",
                    key,
                    kind,
                    ref.name,
                    tuple(
                        (read.secrets if kind == "secret" else read.config_maps)
                        .get(phase.name, {})
                        .get(key, {})
                    ),
                )
                for number, (key, ref) in enumerate(phase.objects.items())
                if (kind := ref.kind.lower()) in ("secret", "configmap")
            ),
        )
        for index, phase in enumerate(action.all_phases)
    )
    produced = artifact_keys(blueprint, action)
    artifacts = {
        name: (f"artifact-{number}", tuple(dict.fromkeys([*keys, *read.artifacts.get(name, {})])))
        for number, (name, keys) in enumerate(produced.items())
    }
    return ActionFields(phases, artifacts)


def default_action(blueprint: Blueprint) -> str | None:
    """The first reserved action (the ones Kasten calls), else the first one."""
    names = list(blueprint.actions)
    return next((name for name in names if name in RESERVED_ACTIONS), names[0] if names else None)


def runs_on_namespace(action: str) -> bool:
    """Hooks and `delete` get the namespace as their subject, not a workload."""
    return action == "delete" or action not in RESERVED_ACTIONS


def parse_pairs(text: str, label: str, form_field: str) -> dict[str, str]:
    """`key=value` lines; blank lines and `#` comments are skipped, the value is kept as typed."""
    pairs: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, equals, value = line.partition("=")
        if not equals or not key.strip():
            raise FormError(
                form_field, f"{label}, line {number}: expected key=value, found {line.strip()!r}"
            )
        pairs[key.strip()] = value
    return pairs


def read_manifest(text: str) -> dict:
    """A pasted object: one YAML mapping with a kind."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f", line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or "not valid YAML"
        raise FormError("manifest", f"Sample manifest{where}: {problem}") from None
    if not isinstance(data, dict):
        raise FormError("manifest", "Sample manifest, line 1: expected a YAML mapping (an object)")
    if not isinstance(data.get("kind"), str) or not data["kind"]:
        raise FormError("manifest", "Sample manifest, line 1: expected a kind, such as StatefulSet")
    return data


@dataclass(slots=True)
class Target:
    """What the action runs on: an ActionSet kind and the object's manifest, or a namespace."""

    kind: str
    manifest: dict | None = None
    namespace: str = ""


def read_inputs(post, fields: ActionFields, target: Target) -> tuple[Sample, Inputs]:
    """The Sample and Inputs the submitted form describes; raises FormError on bad input."""
    time = post.get("time", "").strip() or PREVIEW_TIME
    if not _TIME.fullmatch(time):
        raise FormError("time", f"Time: expected RFC 3339 such as {PREVIEW_TIME}, found {time!r}")
    profile = None
    if post.get("profile"):
        profile = {
            "location": {
                part: post.get(f"profile_{part}", "").strip()
                for part in ("type", "bucket", "endpoint", "prefix", "region")
            }
        }
    artifacts = {
        name: parse_pairs(post.get(form_field, ""), f"Artifact {name}", form_field)
        for name, (form_field, _) in fields.artifacts.items()
    }
    sample = Sample(
        target.kind,
        target.manifest,
        target.namespace,
        options=parse_pairs(post.get("options", ""), "Options", "options"),
        artifacts=artifacts,
        profile=profile,
        time=time,
    )
    outputs, secrets, config_maps = {}, {}, {}
    for phase in fields.phases:
        label = f"Output of phase {phase.name}"
        outputs[phase.name] = parse_pairs(post.get(phase.field, ""), label, phase.field)
        for obj in phase.objects:
            if obj.kind == "configmap":
                label = f"ConfigMap {obj.key} of phase {phase.name}"
                data = parse_pairs(post.get(obj.name, ""), label, obj.name)
                config_maps.setdefault(phase.name, {})[obj.key] = data
            else:
                secrets.setdefault(phase.name, {})[obj.key] = {
                    key: value.encode() for key, value in secret_rows(post, obj) if key
                }
    return sample, Inputs(outputs, secrets, config_maps)


def secret_rows(post, obj: ObjectField) -> list[tuple[str, str]]:
    """The key/value rows typed for a Secret; the row count grows with what was filled in."""
    rows = []
    row = 0
    while f"{obj.name}-key-{row}" in post or row < len(obj.data_keys) + SECRET_ROWS:
        rows.append(
            (post.get(f"{obj.name}-key-{row}", "").strip(), post.get(f"{obj.name}-value-{row}", ""))
        )
        row += 1
    return rows


def shown_rows(post, obj: ObjectField) -> list[tuple[str, str]]:
    """The rows the form shows: those typed, the keys templates read, and empty ones to add."""
    rows = [row for row in secret_rows(post, obj) if row[0] or row[1]] if post else []
    if not rows:
        rows = [(key, "") for key in obj.data_keys]
    return rows + [("", "")] * SECRET_ROWS


# Results as the page shows them.


@dataclass(frozen=True, slots=True)
class ShownError:
    line: int  # in the template
    column: int
    reason: str
    kanister_message: str
    file_line: int | None
    file_column: int | None
    partial: str
    executing: bool


@dataclass(frozen=True, slots=True)
class Shown:
    """A rendered string as the page shows it: Secret values masked unless revealed."""

    location: str
    template: str
    text: str | None
    varies: bool
    error: ShownError | None


@dataclass(frozen=True, slots=True)
class Node:
    """One value of a phase's args: `map` (items), `list` (items), `string` (shown), `value`
    (text), or `command` (argv; with a shell's -c, the words before the script, the script
    and the words after it)."""

    kind: str
    items: list = field(default_factory=list)
    shown: Shown | None = None
    text: str = ""
    script: Shown | None = None
    after: list = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ShownPhase:
    name: str
    func: str
    is_defer: bool
    objects: list[Shown]
    args: Node
    failures: int


@dataclass(frozen=True, slots=True)
class ShownPreview:
    phases: list[ShownPhase]
    artifacts: list[Shown]
    failures: int
    varying: int


def show_preview(
    preview: ActionPreview, secrets, *, reveal: bool, source: str, base: int
) -> ShownPreview:
    """The preview ready for the page: masked, errors placed in the file, args as a tree."""

    def hide(text: str) -> str:
        return text if reveal else mask_secrets(text, secrets)

    def show(string: RenderedString) -> Shown:
        error = string.outcome.error
        shown_error = None
        if error is not None:
            at = file_position(string, source, base) or (None, None)
            shown_error = ShownError(
                error.line,
                error.column,
                hide(error.reason),
                hide(error.kanister_message),
                *at,
                hide(error.partial),
                error.executing,
            )
        output = string.outcome.output
        return Shown(
            string.location,
            string.template,
            None if output is None else hide(output),
            string.varies,
            shown_error,
        )

    phases = []
    every: list[Shown] = []
    for phase in preview.phases:
        by_outcome = {id(s.outcome): show(s) for s in phase.strings}
        objects = [show(s) for s in phase.objects]
        failures = sum(1 for s in (*objects, *by_outcome.values()) if s.error)
        phases.append(
            ShownPhase(
                phase.name,
                phase.func,
                phase.is_defer,
                objects,
                _node(phase.args, by_outcome, ""),
                failures,
            )
        )
        every.extend(objects)
        every.extend(by_outcome.values())
    artifacts = [show(s) for s in preview.artifacts]
    every.extend(artifacts)
    return ShownPreview(
        phases, artifacts, sum(1 for s in every if s.error), sum(1 for s in every if s.varies)
    )


def _node(value: object, shown: dict[int, Shown], key: str) -> Node:
    if isinstance(value, Outcome):
        return Node("string", shown=shown[id(value)])
    if isinstance(value, dict):
        return Node("map", [(str(k), _node(v, shown, str(k))) for k, v in value.items()])
    if isinstance(value, list):
        items = [_node(item, shown, "") for item in value]
        if key.lower().endswith("command") and items and all(i.kind == "string" for i in items):
            return _command(items)
        return Node("list", items)
    return Node("value", text="null" if value is None else _scalar(value))


def _command(argv: list[Node]) -> Node:
    """A command as the container runtime gets it: argv, with `sh -c SCRIPT` shown as a script."""
    words = [item.shown.text if item.shown.text is not None else "" for item in argv]
    if not words or not _SHELLS.fullmatch(words[0]):
        return Node("command", argv)
    index = 1
    while index < len(words) - 1 and words[index][:1] in "-+":
        if _SHELL_FLAGS.fullmatch(words[index]):
            return Node("command", argv[: index + 1], script=argv[index + 1].shown,
                        after=argv[index + 2 :])  # fmt: skip
        index += 2 if words[index] in ("-o", "+o") else 1
    return Node("command", argv)


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
