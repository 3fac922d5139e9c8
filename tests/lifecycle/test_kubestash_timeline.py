"""KubeStash timelines: reference §4's steps and executionPolicy table, and seed 004's failures."""

from pathlib import Path

import pytest

from lifecycle.kubestash import UnknownSession, read_inventory, timeline
from lifecycle.manifests import read_manifest
from lifecycle.operations import Kind, Level, Outcome
from lifecycle.timeline.model import UnknownStep
from lifecycle.yamlpos import split_documents

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "kubestash" / "mysql-hooks.yaml"
SEED = "004_d0a5d8548fc557f5.txt"
BACKUP = "demo:sample-mysql-backup/frequent-backup"
TEMPLATE = """\
apiVersion: core.kubestash.com/v1alpha1
kind: HookTemplate
metadata: {name: probe, namespace: demo}
spec:
  action: {httpGet: {host: example.org, port: 443, path: /, scheme: HTTPS}}
  executor: {type: Operator}
"""


def inventory(text: str):
    manifests = [read_manifest(d) for d in split_documents(text, "in.yaml").documents]
    found, problems = read_inventory(manifests)
    return found, problems


def session_yaml(operation: str, pre: list[str], post: list[tuple[str, str | None]]) -> str:
    """A BackupConfiguration (one session) or RestoreSession whose hooks all run `probe`."""
    pre_slot, post_slot = (
        ("preBackup", "postBackup")
        if operation == "backup"
        else (
            "preRestore",
            "postRestore",
        )
    )
    hooks = f"{pre_slot}:\n" + "".join(
        f"- {{name: {name}, hookTemplate: {{name: probe, namespace: demo}}}}\n" for name in pre
    )
    hooks += f"{post_slot}:\n" + "".join(
        f"- {{name: {name}, hookTemplate: {{name: probe}}"
        + (f", executionPolicy: {policy}" if policy else "")
        + "}\n"
        for name, policy in post
    )
    indent = "      " if operation == "backup" else "    "
    hooks = "".join(indent + line + "\n" for line in hooks.splitlines())
    if operation == "backup":
        return (
            "apiVersion: core.kubestash.com/v1alpha1\nkind: BackupConfiguration\n"
            "metadata: {name: db, namespace: demo}\nspec:\n  sessions:\n  - name: daily\n"
            "    addon: {name: mysql-addon, tasks: [{name: logical-backup}]}\n"
            f"    hooks:\n{hooks}"
        )
    return (
        "apiVersion: core.kubestash.com/v1alpha1\nkind: RestoreSession\n"
        "metadata: {name: db, namespace: demo}\nspec:\n"
        "  addon: {name: mysql-addon, tasks: [{name: logical-backup-restore}]}\n"
        f"  hooks:\n{hooks}"
    )


def steps_of(operation, pre, post, fail=None):
    found, problems = inventory(TEMPLATE + "---\n" + session_yaml(operation, pre, post))
    assert problems == []
    report = timeline(found, operation=operation, fail=fail)
    assert report.operation == f"kubestash-{operation}"
    return {step.id.split(":", 2)[2]: step for step in report.timelines[0].steps}


@pytest.fixture
def mysql():
    found, problems = inventory(FIXTURE.read_text())
    assert problems == []
    return found


class TestLayout:
    def test_the_backup_session_runs_pre_hooks_tasks_post_hooks_then_its_phase(self, mysql):
        report = timeline(mysql)
        assert report.operation == "kubestash-backup"
        [line] = report.timelines
        assert line.namespace == "demo"
        assert [(s.seq, s.step, s.id, s.kind, s.hook) for s in line.steps] == [
            (1, "1", f"{BACKUP}:pre:readonly", Kind.HOOK, "preBackup"),
            (2, "2", f"{BACKUP}:backup", Kind.INTERNAL, None),
            (3, "3", f"{BACKUP}:post:unlock", Kind.HOOK, "postBackup"),
            (4, "3", f"{BACKUP}:post:notify-slack", Kind.HOOK, "postBackup"),
            (5, "3", f"{BACKUP}:phase", Kind.INTERNAL, None),
        ]
        assert all(step.level is Level.NAMESPACE for step in line.steps)

    def test_titles_name_the_session_the_template_its_action_and_executor(self, mysql):
        steps = timeline(mysql).timelines[0].steps
        assert steps[0].title == (
            "preBackup hook readonly of sample-mysql-backup/frequent-backup: "
            "HookTemplate demo/mysql-readonly, exec on the Pod executor"
        )
        assert steps[1].title == (
            "Backup tasks of sample-mysql-backup/frequent-backup: addon mysql-addon, "
            "tasks logical-backup, target MySQL/demo/sample-mysql"
        )
        assert steps[3].title.endswith(
            "HookTemplate demo/slack-notify, httpPost on the Operator executor"
        )
        assert (
            steps[4].title == "BackupSession of sample-mysql-backup/frequent-backup ends Succeeded"
        )

    def test_retries_and_timeouts_are_in_the_notes_and_whole_minutes_as_the_timeout(self, mysql):
        steps = timeline(mysql).timelines[0].steps
        texts = [note.text for note in steps[0].notes]
        assert (
            "After a failed attempt: up to 3 re-execution(s) (maxRetry); "
            "each attempt running longer than 30s counts as failed." in texts
        )
        assert steps[0].timeout_minutes is None  # 30s is not a whole minute
        assert (steps[1].timeout_minutes, steps[3].timeout_minutes) == (120, 1)

    def test_every_note_cites_seed_004_the_reference_or_is_an_assumption(self, mysql):
        for operation in ("backup", "restore"):
            for step in timeline(mysql, operation=operation).timelines[0].steps:
                assert step.notes
                for note in step.notes:
                    assert note.source == SEED or note.source.startswith(
                        ("reference/kubestash-hooks.md §", "assumption: ")
                    ), note

    def test_the_reference_unknowns_are_assumptions_never_facts(self, mysql):
        steps = timeline(mysql).timelines[0].steps
        order = [n for n in steps[2].notes if "order of several hooks" in n.source]
        assert order and order[0].source.startswith("assumption: ")
        pod = [n for n in steps[0].notes if "executor pods" in n.source]
        assert pod and pod[0].source.startswith("assumption: ")

    def test_the_restore_session_is_its_own_operation(self, mysql):
        report = timeline(mysql, session="sample-mysql-restore")
        assert report.operation == "kubestash-restore"
        assert [s.id for s in report.timelines[0].steps] == [
            "demo:sample-mysql-restore:restore",
            "demo:sample-mysql-restore:post:notify-slack",
            "demo:sample-mysql-restore:phase",
        ]
        assert report.timelines[0].steps[1].hook == "postRestore"

    def test_an_unknown_session_lists_the_known_ones(self, mysql):
        with pytest.raises(UnknownSession) as error:
            timeline(mysql, session="weekly")
        assert str(error.value) == (
            "no BackupConfiguration session named weekly: "
            "choose one of demo/sample-mysql-backup/frequent-backup"
        )
        with pytest.raises(UnknownSession):
            timeline(mysql, namespace="shop")


@pytest.mark.parametrize("operation", ["backup", "restore"])
class TestReferenceStepTable:
    """Reference §4's first table: steps 1, 1-fail, 2, 3 and 3-fail."""

    def test_steps_1_2_3_then_succeeded(self, operation):
        steps = steps_of(operation, ["a"], [("b", None)])
        assert [(s.step, s.outcome) for s in steps.values()] == [
            ("1", Outcome.RUNS), ("2", Outcome.RUNS), ("3", Outcome.RUNS), ("3", Outcome.RUNS)
        ]  # fmt: skip
        assert steps["phase"].title.endswith("ends Succeeded")

    def test_1_fail_a_failing_pre_hook_skips_the_rest_and_fails_the_session(self, operation):
        steps = steps_of(
            operation,
            ["a", "b"],
            [("c", "Always")],
            fail=f"demo:db{'/daily' if operation == 'backup' else ''}:pre:a",
        )
        assert steps["pre:a"].outcome is Outcome.FAILS
        for skipped in ("pre:b", operation):
            assert steps[skipped].outcome is Outcome.SKIPPED
            assert steps[skipped].reason.startswith(
                "If a preBackup or preRestore hook fails to execute, the rest of the "
                "backup/restore process will be skipped"
            )
            assert steps[skipped].reason.endswith(f"({SEED})")
        assert steps["post:c"].outcome is Outcome.UNSPECIFIED
        assert "do not say whether post hooks run then" in steps["post:c"].reason
        assert steps["phase"].title.endswith("ends Failed")
        assert "row 1-fail" in steps["phase"].reason

    def test_3_fail_a_failing_post_hook_fails_the_session(self, operation):
        prefix = "demo:db/daily" if operation == "backup" else "demo:db"
        steps = steps_of(operation, [], [("a", None), ("b", None)], fail=f"{prefix}:post:a")
        assert steps["post:a"].outcome is Outcome.FAILS
        assert steps[operation].outcome is Outcome.RUNS
        assert steps["post:b"].outcome is Outcome.UNSPECIFIED
        assert steps["phase"].title.endswith("ends Failed")
        assert steps["phase"].reason.startswith(
            "If the postBackup or postRestore hook fails, the respective BackupSession or "
            f"RestoreSession will be marked as Failed. (even if data {operation} succeeded)"
        )


@pytest.mark.parametrize("operation", ["backup", "restore"])
@pytest.mark.parametrize(
    ("policy", "if_succeeded", "if_failed"),
    [
        (None, Outcome.RUNS, Outcome.RUNS),  # Always is the default
        ("Always", Outcome.RUNS, Outcome.RUNS),
        ("OnSuccess", Outcome.RUNS, Outcome.SKIPPED),
        ("OnFailure", Outcome.SKIPPED, Outcome.RUNS),
    ],
)
def test_the_execution_policy_table(operation, policy, if_succeeded, if_failed):
    prefix = "demo:db/daily" if operation == "backup" else "demo:db"
    succeeded = steps_of(operation, [], [("post", policy)])
    failed = steps_of(operation, [], [("post", policy)], fail=f"{prefix}:{operation}")
    assert succeeded["post:post"].outcome is if_succeeded
    assert failed["post:post"].outcome is if_failed
    assert failed[operation].outcome is Outcome.FAILS
    assert failed["phase"].title.endswith("ends Failed")
    written = policy or "Always"
    assert succeeded["post:post"].reason.startswith(f"{written}: The hook will be executed")


class TestFailure:
    def test_an_unknown_step_names_the_ones_that_can_fail(self, mysql):
        with pytest.raises(UnknownStep) as error:
            timeline(mysql, fail="demo:nope")
        assert str(error.value) == (
            "no step 'demo:nope' in this timeline can fail: choose one of "
            f"{BACKUP}:pre:readonly, {BACKUP}:backup, {BACKUP}:post:unlock"
        )

    def test_a_hook_skipped_when_nothing_fails_cannot_be_the_one_that_fails(self, mysql):
        with pytest.raises(UnknownStep, match="does not run when nothing fails"):
            timeline(mysql, fail=f"{BACKUP}:post:notify-slack")

    def test_the_phase_cannot_be_chosen_to_fail(self, mysql):
        with pytest.raises(UnknownStep, match="final phase"):
            timeline(mysql, fail=f"{BACKUP}:phase")

    def test_a_failed_pre_hook_with_retries_says_every_attempt_failed(self, mysql):
        step = timeline(mysql, fail=f"{BACKUP}:pre:readonly").timelines[0].steps[0]
        assert step.reason == "The step chosen to fail (every attempt failed, after 3 retries)."


class TestWhatTheObjectsDoNotDecide:
    def test_a_pre_hook_with_an_execution_policy_is_unspecified_as_an_assumption(self):
        text = TEMPLATE + "---\n" + session_yaml("backup", ["a"], [])
        text = text.replace(
            "namespace: demo}}\n", "namespace: demo}, executionPolicy: OnFailure}\n", 1
        )
        found, _ = inventory(text)
        [pre, *_] = timeline(found).timelines[0].steps
        assert pre.outcome is Outcome.UNSPECIFIED
        assert any(
            n.source.startswith("assumption: ") and "pre hooks" in n.source for n in pre.notes
        )

    def test_a_missing_template_is_a_problem_and_leaves_the_phase_undecided(self):
        found, problems = inventory(session_yaml("backup", ["a"], []))
        assert [p.message for p in problems] == [
            "HookTemplate demo/probe is not among the objects read"
        ]
        line = timeline(found).timelines[0]
        assert line.steps[0].outcome is Outcome.UNSPECIFIED
        assert line.problems == [
            "in.yaml:10:9: HookTemplate demo/probe is not among the objects read"
        ]
        assert line.steps[-1].outcome is Outcome.UNSPECIFIED
        assert line.steps[-1].title.endswith("ends in a phase the objects read do not decide")
