"""Kasten's lifecycles as data: the step orders of seed 000, hooks from 002, actions from 001."""

import pytest

from lifecycle.actions import reserved_actions
from lifecycle.lint.options import parse_kasten_version
from lifecycle.operations import OPERATIONS, Kind, Level, operation

SEEDS = {
    "000_101cb68e0fbda860.txt",
    "001_837bc20a9b649352.txt",
    "002_1b5ce8a87ec088c8.txt",
    "003_80b5db47364291e5.txt",
}


def rows(name, version="8.5"):
    """(label, level, kind, hook or action) per step, the shape of the seed's tables."""
    return [
        (s.step, s.level.value, s.kind.value, s.hook or s.action)
        for s in operation(name, version).steps
    ]


def test_backup_runs_namespace_steps_1_to_7_around_per_resource_4a_to_4c():
    assert rows("backup") == [
        ("1", "namespace", "internal", None),
        ("2", "namespace", "hook", "preHook"),
        ("3", "namespace", "internal", None),
        ("4", "namespace", "internal", None),
        ("4a", "resource", "action", "backupPrehook"),
        ("4b", "resource", "snapshot", None),
        ("4b", "resource", "action", "backup"),
        ("4c", "resource", "action", "backupPosthook"),
        ("5", "namespace", "internal", None),
        ("6", "namespace", "hook", "onSuccess"),
        ("6", "namespace", "hook", "onFailure"),
        ("7", "namespace", "internal", None),
    ]


def test_backup_snapshots_by_default_unless_the_blueprint_defines_backup():
    snapshot, logical = operation("backup").alternatives("4b")
    assert snapshot.kind is Kind.SNAPSHOT
    assert snapshot.replaced_by == "backup"
    assert logical.action == "backup"


def test_restore_runs_namespace_steps_1_to_7_around_per_resource_4a_and_4b():
    assert rows("restore") == [
        ("1", "namespace", "internal", None),
        ("2", "namespace", "hook", "preHook"),
        ("3", "namespace", "internal", None),
        ("4", "namespace", "internal", None),
        ("4a", "resource", "action", "restore"),
        ("4b", "resource", "action", "restorePosthook"),
        ("5", "namespace", "internal", None),
        ("6", "namespace", "hook", "onSuccess"),
        ("6", "namespace", "hook", "onFailure"),
        ("7", "namespace", "internal", None),
    ]


@pytest.mark.parametrize("version", ["8.5", "9.0.8", "9.0.9"])
def test_restore_has_no_restore_prehook_before_kasten_9_0_10(version):
    assert "restorePrehook" not in [s.action for s in operation("restore", version).steps]


@pytest.mark.parametrize("version", ["9.0.10", "9.1"])
def test_restore_prehook_runs_per_resource_right_before_restore_from_9_0_10(version):
    labels = rows("restore", version)
    at = labels.index(("4a-pre", "resource", "action", "restorePrehook"))
    assert labels[at + 1] == ("4a", "resource", "action", "restore")


def test_restore_prehook_says_its_placement_and_timeout_are_not_from_the_seeds():
    (step,) = operation("restore", "9.0.10").alternatives("4a-pre")
    assert step.since == (9, 0, 10)
    assert step.timeout is None
    assert not step.notes
    assert {a.source for a in step.assumptions} == {
        "reference/kasten-api.md §7.1",
        "reference/kasten-api.md §7.2",
    }


def test_export_has_five_steps_with_action_hooks_only():
    assert rows("export") == [
        ("1", "namespace", "internal", None),
        ("2", "namespace", "hook", "preHook"),
        ("3", "namespace", "internal", None),
        ("4", "namespace", "hook", "onSuccess"),
        ("4", "namespace", "hook", "onFailure"),
        ("5", "namespace", "internal", None),
    ]
    export = operation("export")
    assert export.action_hooks
    assert not export.resource_actions


def test_retire_has_three_steps_with_delete_and_no_action_hooks():
    assert rows("retire") == [
        ("1", "namespace", "internal", None),
        ("2", "resource", "action", "delete"),
        ("3", "namespace", "internal", None),
    ]
    retire = operation("retire")
    assert not retire.action_hooks
    assert retire.resource_actions


@pytest.mark.parametrize(
    ("name", "action", "setting", "minutes"),
    [
        ("backup", "backupPrehook", "timeout.blueprintHooks", 20),
        ("backup", "backup", "timeout.blueprintBackup", 45),
        ("backup", "backupPosthook", "timeout.blueprintHooks", 20),
        ("restore", "restore", "timeout.blueprintRestore", 600),
        ("restore", "restorePosthook", "timeout.blueprintHooks", 20),
        ("retire", "delete", "timeout.blueprintDelete", 45),
    ],
)
def test_each_blueprint_action_carries_its_helm_timeout(name, action, setting, minutes):
    (step,) = [s for s in operation(name).steps if s.action == action]
    assert (step.timeout.setting, step.timeout.default_minutes) == (setting, minutes)


@pytest.mark.parametrize("name", ["backup", "restore", "export"])
def test_action_hooks_state_no_timeout_and_say_why(name):
    for step in operation(name).steps:
        if step.kind is Kind.HOOK:
            assert step.timeout is None
            assert "reference/kasten-api.md §6 and §7.2" in [a.source for a in step.assumptions]


@pytest.mark.parametrize("version", ["8.5", "9.0.10"])
def test_every_reserved_action_fires_in_exactly_one_operation(version):
    fired = [s.action for name in OPERATIONS for s in operation(name, version).steps if s.action]
    assert sorted(fired) == sorted(reserved_actions(parse_kasten_version(version)))


def test_only_resource_level_steps_fire_blueprint_actions_and_snapshots():
    for name in OPERATIONS:
        for step in operation(name, "9.0.10").steps:
            if step.kind in (Kind.ACTION, Kind.SNAPSHOT):
                assert step.level is Level.RESOURCE, (name, step.step)
            else:
                assert step.level is Level.NAMESPACE, (name, step.step)


def test_every_note_names_its_seed():
    for name in OPERATIONS:
        op = operation(name, "9.0.10")
        assert op.seed == "000_101cb68e0fbda860.txt"
        notes = [*op.notes, *(note for step in op.steps for note in step.notes)]
        assert notes
        for note in notes:
            assert note.seed in SEEDS, (name, note.text)
            assert note.text.strip()


def test_every_assumption_names_its_grounds():
    for name in OPERATIONS:
        op = operation(name, "9.0.10")
        for assumption in [*op.assumptions, *(a for s in op.steps for a in s.assumptions)]:
            assert assumption.source.strip(), (name, assumption.text)


def notes_of(name, label):
    return [(n.seed[:3], n.text) for s in operation(name).alternatives(label) for n in s.notes]


def test_a_pvc_created_in_backup_prehook_is_not_captured():
    assert (
        "000",
        "Kasten discovers PVCs before backupPrehook executes. A PVC created during backupPrehook"
        " is not included in the restore point.",
    ) in notes_of("backup", "4a")


def test_a_pvc_created_in_a_prehook_is_captured():
    assert ("000", "Kasten discovers PVCs created during step 2 here.") in notes_of("backup", "3")
    assert any("use a preHook action hook" in text for _, text in notes_of("backup", "2"))


def test_backup_posthook_runs_even_when_4b_failed():
    assert ("000", "Always runs, even if step 4b failed.") in notes_of("backup", "4c")


def test_delete_runs_in_the_kasten_namespace():
    assert any(
        seed == "001" and "runs in the Kasten namespace" in text
        for seed, text in notes_of("retire", "2")
    )


def test_export_and_retire_say_what_never_fires():
    assert any(
        "Resource-bound blueprints do not participate in the export lifecycle" in n.text
        for n in operation("export").notes
    )
    assert any(
        "Action hooks do not participate in the retire lifecycle" in n.text
        for n in operation("retire").notes
    )


def test_an_unknown_operation_is_refused_naming_the_known_ones():
    with pytest.raises(
        ValueError,
        match=r"^unknown operation 'import': expected one of backup, "
        r"restore, export, retire$",
    ):
        operation("import")


def test_a_malformed_kasten_version_is_refused():
    with pytest.raises(ValueError, match=r"is not of the form 8\.5 or 9\.0\.10"):
        operation("backup", "latest")
