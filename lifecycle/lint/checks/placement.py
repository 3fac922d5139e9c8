"""Placement hazards from the seeds (BP030-BP035)."""

import re

import yaml

from lifecycle.actions import LOGICAL_ACTIONS
from lifecycle.lint.options import Options
from lifecycle.lint.report import Reporter
from lifecycle.model import Action, Blueprint, Phase
from lifecycle.yamlpos import find

# The spec is a template, so it is searched rather than parsed; JSON specs quote the key.
_PVC_KIND = re.compile(r"""["']?\bkind["']?\s*:\s*["']?PersistentVolumeClaim\b""")
_PVC_RESOURCE = "persistentvolumeclaims"
_PREHOOK_HINT = (
    "create the PVC from a policy preHook action hook instead: action hooks run before Kasten "
    "discovers PVCs"
)
_LIMITATIONS = (
    "no incremental backups (a full dump on every run), a custom image that has both kando and "
    "the database tools, opaque artifacts you cannot browse or restore by hand, the policy's data "
    "mover selection ignored (kando always uses Kopia), and limited immutability"
)


def check(blueprint: Blueprint, report: Reporter, options: Options) -> None:
    if not options.kasten:
        return  # standalone Kanister has no backup lifecycle around the actions
    prehook = blueprint.actions.get("backupPrehook")
    if prehook is not None:
        for phase in prehook.all_phases:
            _check_pvc_created(phase, report)
        if prehook.defer_phase is not None:
            _check_pvc_deleted(prehook.defer_phase, report)
    for action in blueprint.actions.values():
        _check_action_objects(action, report)
    _check_logical(blueprint, report)


def _check_pvc_created(phase: Phase, report: Reporter) -> None:
    """BP030: PVC discovery (step 3) comes before backupPrehook (step 4a), seed 000."""
    where = "backupPrehook's deferPhase" if phase.is_defer else "backupPrehook"
    if phase.func == "RestoreCSISnapshot":
        report(
            "BP030",
            phase.field_node("func") or phase.node,
            f"phase {phase.name!r} restores a CSI snapshot into a new PVC in {where}: the PVC "
            "will not be in the restore point, because Kasten discovers PVCs before "
            "backupPrehook runs",
            _PREHOOK_HINT,
            f"{phase.path}.func",
        )
        return
    if phase.func != "KubeOps" or phase.args.get("operation") != "create":
        return
    spec = phase.arg_node("spec")
    if not isinstance(spec, yaml.ScalarNode):
        return
    match = _PVC_KIND.search(spec.value)
    if not match:
        return
    message = (
        f"phase {phase.name!r} creates a PersistentVolumeClaim in {where}: it will not be in the "
        "restore point, because Kasten discovers PVCs before backupPrehook runs"
    )
    offsets = report.value_offsets(spec)
    start, end = offsets[match.start()], offsets[match.end() - 1] + 1
    report.span("BP030", start, end, message, _PREHOOK_HINT, f"{phase.path}.args.spec")


def _check_pvc_deleted(phase: Phase, report: Reporter) -> None:
    """BP031: backupPrehook's defer phase runs before the snapshots (seed 003, Defer Phase)."""
    if phase.func != "KubeOps" or phase.args.get("operation") != "delete":
        return
    reference = phase.args.get("objectReference")
    resource = reference.get("resource") if isinstance(reference, dict) else None
    if not isinstance(resource, str) or resource.lower() != _PVC_RESOURCE:
        return
    report(
        "BP031",
        find(phase.arg_node("objectReference"), "resource") or phase.node,
        f"backupPrehook's deferPhase {phase.name!r} deletes a PVC: the defer phase runs before "
        "Kasten takes the snapshots, so the PVC is gone before it could be captured",
        "delete the dump PVC in backupPosthook, which Kasten calls after the snapshots complete",
        f"{phase.path}.args.objectReference.resource",
    )


def _check_action_objects(action: Action, report: Reporter) -> None:
    """BP032; action-level `objects` is already an unknown field (BP007) from parsing."""
    for field, names, kind in (
        ("configMapNames", action.config_map_names, "ConfigMap"),
        ("secretNames", action.secret_names, "Secret"),
    ):
        if not names:
            continue
        report(
            "BP032",
            _key(action.node, field),
            f"action {action.name!r} declares {field} at action level: Kasten creates the "
            "ActionSet itself and resolves only the objects declared on phases",
            f"declare the {kind} in the `objects` block of the phase that reads it and read it "
            f"as .Phases.<phase>.{kind}s.<name>",
            f"{action.path}.{field}",
        )


def _check_logical(blueprint: Blueprint, report: Reporter) -> None:
    """BP033-BP035: `backup` and `restore` replace Kasten's own PVC snapshot and restore."""
    actions = blueprint.actions
    backup, restore = actions.get("backup"), actions.get("restore")
    if backup is not None and restore is None:
        report(
            "BP033",
            backup.key_node,
            "the blueprint has a `backup` action but no `restore`: Kasten calls `backup` instead "
            "of snapshotting the PVCs and restores only their manifests, so nothing brings the "
            "data back",
            "add a `restore` action that reads the backup's outputArtifacts through "
            "inputArtifactNames",
            backup.path,
        )
    if restore is not None and backup is None:
        report(
            "BP033",
            restore.key_node,
            "the blueprint has a `restore` action but no `backup`: Kasten calls `restore` instead "
            "of restoring the PVC data it snapshotted, and no `backup` action wrote data for it",
            "add the `backup` action, or name the action `restorePosthook` if it should run "
            "after Kasten restores the volumes",
            restore.path,
        )
    if backup is not None and backup.output_artifacts and "delete" not in actions:
        report(
            "BP034",
            _key(backup.node, "outputArtifacts"),
            "`backup` records outputArtifacts but the blueprint has no `delete` action: the "
            "external backups they point to are never cleaned up when Kasten retires the "
            "restore point",
            "add a `delete` action that lists the artifacts in inputArtifactNames and removes "
            "the backup (it runs in the Kasten namespace)",
            f"{backup.path}.outputArtifacts",
        )
    logical = [action for name, action in actions.items() if name in LOGICAL_ACTIONS]
    if logical:
        report(
            "BP035",
            logical[0].key_node,
            f"logical blueprint: Kasten runs `{logical[0].name}` instead of its own PVC "
            f"{'snapshots' if logical[0].name == 'backup' else 'restore'}, which means "
            f"{_LIMITATIONS}",
            "prefer a snapshot-based blueprint (backupPrehook and backupPosthook) unless PVC "
            "snapshots are not viable, such as for managed databases or vendor backup APIs",
            logical[0].path,
        )


def _key(node: yaml.Node, name: str) -> yaml.Node:
    """The key node of a mapping entry, where a finding about the whole entry is shown."""
    if isinstance(node, yaml.MappingNode):
        for key, _ in node.value:
            if key.value == name:
                return key
    return node
