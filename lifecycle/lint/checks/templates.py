"""Templates in blueprint strings: syntax, variables, and what each sees where (BP018, BP04x-5x)."""

import enum
import re
from collections.abc import Iterator
from dataclasses import dataclass

import yaml

from lifecycle import kando
from lifecycle.actions import reserved_actions
from lifecycle.functions import FUNCTIONS
from lifecycle.gotemplate import TemplateSyntaxError
from lifecycle.gotemplate.analysis import Reference
from lifecycle.gotemplate.funcs import KANISTER_FUNCTIONS, NOT_IN_SPRIG_V2
from lifecycle.lint.options import Options
from lifecycle.lint.report import Reporter
from lifecycle.lint.template_memo import TemplateMemo
from lifecycle.model import Action, Blueprint, Phase
from lifecycle.params import REMOVED_PARAMS, TEMPLATE_PARAMS, TYPED_PARAMS, MapOf, Struct
from lifecycle.suggest import did_you_mean
from lifecycle.yamlpos import find

_STR = "tag:yaml.org,2002:str"
_UNDEFINED_FUNCTION = re.compile(r'function "([^"]+)" not defined')
_KANDO_LOCATION = re.compile(r"\bkando\s+location\b")
_SUBJECT_PARAMS = ("Object", "StatefulSet", "Deployment", "DeploymentConfig", "PVC")
_WORKLOAD_PARAMS = ("StatefulSet", "Deployment", "DeploymentConfig", "PVC")
_PHASE_PARAMS = ("Phases", "DeferPhase")


class Scope(enum.Enum):
    """Where an action can run, which decides what its templates can see (seed 003, §6)."""

    BOUND = "a resource-bound action"
    DELETE = "the delete action"
    HOOK = "an action that can only run as a policy hook"
    ANY = "any action"  # the kanister profile: an ActionSet can give any object


class Stage(enum.Enum):
    """When a string is rendered."""

    OBJECTS = "objects"  # at action start, before any phase
    ARGS = "args"  # just before its phase runs
    ARTIFACTS = "artifacts"  # after every phase and the defer phase succeeded
    CONDITION = "condition"  # WaitV2: against the watched object, with kubectl's functions


@dataclass(frozen=True, slots=True)
class Site:
    node: yaml.ScalarNode
    location: str
    stage: Stage
    phase: Phase | None


def check(blueprint: Blueprint, report: Reporter, options: Options) -> None:
    produced = {name for action in blueprint.actions.values() for name in action.output_artifacts}
    owners = {p.name: a.name for a in blueprint.actions.values() for p in a.all_phases}
    memo = TemplateMemo()
    for action in blueprint.actions.values():
        scope = _scope(action.name, options)
        if options.kasten:
            _check_input_artifacts(action, produced, report)
        checker = _ActionChecker(action, scope, report, options, owners, memo)
        for site in _sites(action):
            checker.check_site(site)


def _scope(action_name: str, options: Options) -> Scope:
    if not options.kasten:
        return Scope.ANY
    if action_name == "delete":
        return Scope.DELETE
    return Scope.BOUND if action_name in reserved_actions(options.version) else Scope.HOOK


def _check_input_artifacts(action: Action, produced: set[str], report: Reporter) -> None:
    names_node = action.field_node("inputArtifactNames")
    items = names_node.value if isinstance(names_node, yaml.SequenceNode) else []
    for item in items:
        if isinstance(item, yaml.ScalarNode) and item.value not in produced:
            near = did_you_mean(item.value, produced)
            report(
                "BP048",
                item,
                f"input artifact {item.value!r} is produced by no action of this blueprint",
                f"did you mean `{near}`?"
                if near
                else "declare it under outputArtifacts of the action that creates it (backup, "
                "or the preHook action for hooks)",
                f"{action.path}.inputArtifactNames",
            )


def _sites(action: Action) -> Iterator[Site]:
    for phase in action.all_phases:
        for ref in phase.objects.values():
            for node, location in _strings(ref.node, ref.path):
                yield Site(node, location, Stage.OBJECTS, phase)
        args = phase.field_node("args")
        if phase.func == "WaitV2":
            yield from _wait_v2_sites(phase, args)
        elif isinstance(args, yaml.MappingNode):
            for key, value in args.value:
                for node, location in _strings(value, f"{phase.path}.args.{key.value}"):
                    yield Site(node, location, Stage.ARGS, phase)
    for artifact in action.output_artifacts.values():
        for node, location in _strings(artifact.node, artifact.path):
            yield Site(node, location, Stage.ARTIFACTS, None)


def _wait_v2_sites(phase: Phase, args: yaml.Node | None) -> Iterator[Site]:
    """WaitV2 renders only objectReference fields; its conditions run against the object."""
    for group in ("anyOf", "allOf"):
        items = find(args, "conditions", group)
        if not isinstance(items, yaml.SequenceNode):
            continue
        for index, item in enumerate(items.value):
            where = f"{phase.path}.args.conditions.{group}[{index}]"
            condition = find(item, "condition")
            if isinstance(condition, yaml.ScalarNode) and condition.tag == _STR:
                yield Site(condition, f"{where}.condition", Stage.CONDITION, phase)
            reference = find(item, "objectReference")
            for node, location in _strings(reference, f"{where}.objectReference"):
                yield Site(node, location, Stage.ARGS, phase)


def _strings(node: yaml.Node | None, location: str) -> Iterator[tuple[yaml.ScalarNode, str]]:
    """The strings below a node that a check reads (with a template or a kando call), nested
    mapping keys included: Kanister renders them too."""
    stack = [(node, location)]
    while stack:
        node, location = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _STR and ("{{" in node.value or "kando" in node.value):
                yield node, location
        elif isinstance(node, yaml.MappingNode):
            for key, value in reversed(node.value):
                where = f"{location}.{key.value}"
                stack.append((value, where))
                stack.append((key, where))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(
                (item, f"{location}[{i}]") for i, item in reversed(list(enumerate(node.value)))
            )


class _ActionChecker:
    def __init__(
        self,
        action: Action,
        scope: Scope,
        report: Reporter,
        options: Options,
        owners: dict[str, str],
        memo: TemplateMemo,
    ) -> None:
        self.action = action
        self.memo = memo
        self.owners = owners  # phase name -> the action it belongs to
        self.seen: set[str] = set()
        self.verdicts: dict[tuple, list[tuple[str, str, str]]] = {}
        self.scope = scope
        self.report = report
        self.options = options
        self.order = {phase.name: index for index, phase in enumerate(action.phases)}
        self.defer = action.defer_phase
        self.typed = TYPED_PARAMS.get(action.kind.lower()) if action.kind else None

    def check_site(self, site: Site) -> None:
        value = site.node.value
        if self.scope is Scope.HOOK and (match := _KANDO_LOCATION.search(value)):
            offsets = self.report.value_offsets(site.node)
            self.report.span(
                "BP046",
                offsets[match.start()],
                offsets[match.end()],
                "`kando location` in an action that can only run as a policy hook: hooks get no "
                "location profile",
                "move the data movement into a resource-bound action (backup/restore)",
                site.location,
            )
        if "{{" not in value:
            return
        reads = self.memo.reads(value, site.stage is Stage.CONDITION)
        if isinstance(reads, TemplateSyntaxError):
            self._syntax_error(site, reads)
            return
        for offset, references in reads:
            for reference in references:
                self._report(site, offset, reference)

    def _report(self, site: Site, offset: int, reference: Reference) -> None:
        # Only what reads other phases depends on which phase reads it.
        phase = site.phase if reference.path[0] in _PHASE_PARAMS else None
        key = (reference.path, reference.printed, site.stage, phase and phase.path)
        verdicts = self.verdicts.get(key)
        if verdicts is None:
            check = _ReferenceCheck(self, site, reference)
            check.run()
            verdicts = self.verdicts[key] = check.verdicts
        for code, message, hint in verdicts:
            if code == "BP045" and not self._first(reference.path[0]):
                continue
            offsets = self.report.value_offsets(site.node)
            last = len(offsets) - 1
            start, end = offset + reference.start, offset + reference.end
            self.report.span(
                code,
                offsets[min(start, last)],
                offsets[min(end, last)],
                message,
                hint,
                site.location,
            )

    def _first(self, variable: str) -> bool:
        """Whether this is the action's first use of a variable (said once, not at every use)."""
        if variable in self.seen:
            return False
        self.seen.add(variable)
        return True

    def _syntax_error(self, site: Site, error: TemplateSyntaxError) -> None:
        offsets = self.report.value_offsets(site.node)
        start = offsets[min(error.offset, len(offsets) - 1)]
        undefined = _UNDEFINED_FUNCTION.search(error.reason)
        if undefined:
            name = undefined.group(1)
            if site.stage is Stage.CONDITION:
                hint = "WaitV2 conditions have only Go's builtins, exists and base64decode"
            elif name in NOT_IN_SPRIG_V2:
                hint = f"{name} exists only in {NOT_IN_SPRIG_V2[name]}; Kanister has sprig v2.22.0"
            else:
                near = did_you_mean(name, KANISTER_FUNCTIONS)
                hint = f"did you mean `{near}`?" if near else ""
            self.report.span(
                "BP041",
                start,
                start + len(name),
                f"template function {name!r} is not defined: Kanister fails to render with "
                f"{error.message!r}",
                hint,
                site.location,
            )
            return
        hint = "fix the template; Kanister fails the phase when it cannot parse it"
        if site.stage is Stage.CONDITION:
            hint = (
                "a WaitV2 condition that does not parse is never true: the phase runs into its "
                "timeout"
            )
        self.report.span(
            "BP040",
            start,
            start + 1,
            f"template syntax error: {error.message}",
            hint,
            site.location,
        )


class _ReferenceCheck:
    """One field chain of one template, against where its string is rendered: the verdicts
    depend only on the chain and the site's stage and phase, so the action memoises them."""

    def __init__(self, action: _ActionChecker, site: Site, reference: Reference) -> None:
        self.action = action
        self.site = site
        self.reference = reference
        self.path = reference.path
        self.verdicts: list[tuple[str, str, str]] = []

    def add(self, code: str, message: str, hint: str = "") -> None:
        self.verdicts.append((code, message, hint))

    @property
    def text(self) -> str:
        return "." + ".".join(str(part) for part in self.path)

    def run(self) -> None:
        if self.site.stage is Stage.CONDITION:
            self._condition()
            return
        if not self._fields_exist():
            return
        name = self.path[0]
        getattr(self, f"_{name}", self._other)()
        if name in _WORKLOAD_PARAMS:
            self._kind(name)
        if name in _SUBJECT_PARAMS and self.action.scope is Scope.HOOK:
            self.add(
                "BP045",
                f"{self.text} in {self.action.action.name!r}, which Kasten runs only as a policy "
                "hook: a hook has no bound object unless a restore hook is given a subject "
                "(reported at its first use in this action)",
                "use .Namespace.Name in hooks, or make this a resource-bound action",
            )

    def _condition(self) -> None:
        if self.path[0] in TEMPLATE_PARAMS.fields:
            self.add(
                "BP018",
                f"{self.text} in a WaitV2 condition: the condition is evaluated against the "
                "watched object, where this prints <no value>",
                "read the object's own fields (`.status.readyReplicas`); blueprint variables "
                "belong in objectReference",
            )

    def _fields_exist(self) -> bool:
        """Walks the path through Kanister's types: a field that does not exist fails rendering."""
        name = self.path[0]
        if name in REMOVED_PARAMS:
            self.add(
                "BP042",
                f".{name} was removed from Kanister after {REMOVED_PARAMS[name]}",
                "remove it: current Kanister releases fail to render it",
            )
            return False
        current: object = TEMPLATE_PARAMS
        for part in self.path:
            if isinstance(current, Struct):
                if not isinstance(part, str) or part not in current.fields:
                    near = did_you_mean(str(part), current.fields)
                    where = "" if current is TEMPLATE_PARAMS else f" ({self.text})"
                    self.add(
                        "BP042",
                        f"can't evaluate field {part} in type {current.go_name}{where}",
                        f"did you mean `{near}`?"
                        if near
                        else f"fields: {', '.join(current.fields)}",
                    )
                    return False
                current = current.fields[part]
            elif isinstance(current, MapOf):
                current = current.element
            else:
                return True
        return True

    def _Namespace(self) -> None:
        scope = self.action.scope
        if scope is Scope.BOUND:
            self.add(
                "BP043",
                f"{self.text} in {self.action.action.name!r}: Kasten does not set .Namespace for "
                "resource-bound actions",
                "use `.Object.metadata.namespace`",
            )
        elif scope is Scope.DELETE:
            self.add(
                "BP044",
                f"{self.text} in delete is the Kasten namespace, not the application's: delete "
                "runs when a restore point retires, maybe after the application is gone",
                "keep what delete needs in outputArtifacts of backup and read .ArtifactsIn",
            )

    def _Profile(self) -> None:
        if self.action.scope is Scope.HOOK:
            self.add(
                "BP046",
                f"{self.text} in an action that can only run as a policy hook: hooks get no "
                "location profile",
                "move this into a resource-bound action, or pass what you need through options",
            )

    def _ArtifactsIn(self) -> None:
        if len(self.path) < 2 or not self.action.options.kasten:
            return
        artifact = self.path[1]
        declared = self.action.action.input_artifact_names
        if artifact not in declared:
            self.add(
                "BP047",
                f"{self.text} reads artifact {artifact!r}, which "
                f"{self.action.action.name!r} does not list in inputArtifactNames",
                f"add `inputArtifactNames: [{artifact}]` to the action: Kasten passes only the "
                "artifacts listed there",
            )

    def _Secrets(self) -> None:
        self._actionset_objects()
        self._bytes(0)

    def _ConfigMaps(self) -> None:
        self._actionset_objects()

    def _actionset_objects(self) -> None:
        if self.action.options.kasten:
            self.add(
                "BP056",
                f"{self.text}: Kasten creates the ActionSet and passes no Secrets or ConfigMaps "
                "to it, so this is always empty",
                "declare the object in the phase's objects block and read "
                f".Phases.<phase>.{self.path[0]}.<name>",
            )

    def _DeferPhase(self) -> None:
        defer = self.action.defer
        phase = self.site.phase
        if len(self.path) < 2:
            return
        if self.site.stage is Stage.ARTIFACTS or (phase is not None and phase.is_defer):
            self._declared_object(defer, 1)
            if self.path[1] == "Output" and defer is not None:
                self._output(defer, 2)
            self._bytes(1)
            return
        self.add(
            "BP049",
            f"{self.text} before the defer phase has run: .DeferPhase is empty until then",
            "read .DeferPhase only in the defer phase itself or in outputArtifacts",
        )

    def _Phases(self) -> None:
        if len(self.path) < 2:
            return
        if self.site.stage is Stage.OBJECTS:
            self.add(
                "BP051",
                f"{self.text} in an objects block: objects are rendered when the action starts, "
                "before any phase has run",
                "objects can use .Object, the typed variables, .Time, .Options and .ArtifactsIn",
            )
            return
        target_name = str(self.path[1])
        if self.action.defer is not None and target_name == self.action.defer.name:
            self.add(
                "BP050",
                f"{self.text}: the defer phase {target_name!r} never gets a .Phases entry",
                "read its objects and output through .DeferPhase "
                f"(`.DeferPhase.{'.'.join(map(str, self.path[2:])) or 'Secrets'}`)",
            )
            return
        if not self._phase_has_run(target_name):
            return
        target = self.action.action.phases[self.action.order[target_name]]
        self._declared_object(target, 2)
        if len(self.path) > 3 and self.path[2] == "Output":
            self._output(target, 3)
        self._bytes(2)

    def _phase_has_run(self, target_name: str) -> bool:
        order = self.action.order
        phase = self.site.phase
        action_name = self.action.action.name
        if target_name not in order:
            other = self.action.owners.get(target_name)
            near = did_you_mean(target_name, order)
            where = (
                f"{target_name!r} is a phase of {other!r}, and another action's phases are "
                "not visible"
                if other
                else f"action {action_name!r} has no phase {target_name!r}"
            )
            self.add(
                "BP049",
                f"{self.text}: {where}",
                f"did you mean `{near}`?" if near else f"phases: {', '.join(order) or 'none'}",
            )
            return False
        if self.site.stage is Stage.ARTIFACTS or phase is None or phase.is_defer:
            return True
        current = order.get(phase.name, -1)
        target = order[target_name]
        own_objects = (
            target == current
            and len(self.path) > 2
            and self.path[2]
            in (
                "Secrets",
                "ConfigMaps",
            )
        )
        if target < current or own_objects:
            return True
        when = "itself" if target == current else "a later phase"
        self.add(
            "BP049",
            f"{self.text} in phase {phase.name!r} reads {when}: .Phases.{target_name} "
            + ("has no output while it runs" if target == current else "does not exist yet"),
            "phases run in order; only earlier phases' outputs (and a phase's own objects) "
            "are visible",
        )
        return False

    def _declared_object(self, phase: Phase | None, at: int) -> None:
        """`.Phases.P.Secrets.S` / `.DeferPhase.ConfigMaps.S`: S declared by P with that kind."""
        if (
            phase is None
            or len(self.path) <= at + 1
            or self.path[at] not in ("Secrets", "ConfigMaps")
        ):
            return
        kind = "Secret" if self.path[at] == "Secrets" else "ConfigMap"
        name = str(self.path[at + 1])
        ref = phase.objects.get(name)
        if ref is not None and ref.kind.lower() == kind.lower():
            return
        same_kind = [k for k, r in phase.objects.items() if r.kind.lower() == kind.lower()]
        near = did_you_mean(name, same_kind)
        found = f" (it is a {ref.kind})" if ref is not None else ""
        self.add(
            "BP052",
            f"{self.text}: phase {phase.name!r} declares no {kind} named {name!r}{found}",
            f"did you mean `{near}`?"
            if near
            else f"declare it in the phase's objects: "
            f"`{name}: {{kind: {kind}, name: ..., namespace: ...}}`",
        )

    def _output(self, phase: Phase, at: int) -> None:
        """`.Phases.P.Output.K`: does P ever write K?"""
        if len(self.path) <= at:
            return
        key = str(self.path[at])
        function = FUNCTIONS.get(phase.func)
        if function is None:
            return
        if function.outputs is not None:
            if key not in function.outputs:
                listed = ", ".join(function.outputs) or "nothing"
                near = did_you_mean(key, function.outputs)
                self.add(
                    "BP054",
                    f"{self.text}: {phase.func} outputs {listed}, not {key!r}",
                    f"did you mean `{near}`?" if near else "",
                )
            return
        if kando.computes_a_key(phase):
            return
        written = kando.written_keys(phase)
        if key not in written:
            near = did_you_mean(key, written)
            self.add(
                "BP054",
                f"{self.text}: the command of phase {phase.name!r} never runs `kando output {key}`",
                f"did you mean `{near}`?"
                if near
                else f"print it with `kando output {key} <value>` in that phase's command",
            )

    def _bytes(self, secrets_at: int) -> None:
        """Secret data is bytes: printed as is it comes out as a list of numbers."""
        path = self.path
        if (
            len(path) > secrets_at + 2
            and path[secrets_at] == "Secrets"
            and path[secrets_at + 2] == "Data"
            and self.reference.printed
        ):
            self.add(
                "BP053",
                f"{self.text} prints Secret data as a byte list like [112 97 115 115]",
                "pipe it through toString: `{{ ... | toString }}`",
            )

    def _kind(self, name: str) -> None:
        typed = self.action.typed
        if typed and typed != name and len(self.path) > 1:
            self.add(
                "BP055",
                f"{self.text} in an action of kind {self.action.action.kind}: only "
                f".{typed} is set for that kind, so this fails with a nil pointer",
                f"use .{typed}.{'.'.join(map(str, self.path[1:]))}",
            )

    def _other(self) -> None:
        pass
