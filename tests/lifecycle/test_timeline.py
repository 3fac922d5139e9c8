"""The timeline: which blueprint fires where in each operation, and what a failure changes."""

from pathlib import Path

import pytest

from lifecycle.timeline import UnknownStep, compute
from lifecycle.timeline.documents import inventory_of, read_manifests
from lifecycle.timeline.output import as_json, as_text

EXAMPLES = Path(__file__).resolve().parents[3] / "shared" / "examples"
SEED_000 = "000_101cb68e0fbda860.txt"
SEED_002 = "002_1b5ce8a87ec088c8.txt"
SEED_003 = "003_80b5db47364291e5.txt"

SNAPSHOT_BLUEPRINT = """
apiVersion: cr.kanister.io/v1alpha1
kind: Blueprint
metadata: {name: quiesce, namespace: kasten-io}
actions:
  backupPrehook:
    phases:
    - {func: KubeExec, name: freeze, args: {namespace: x, pod: y, command: [fsfreeze]}}
    - {func: KubeExec, name: flush, args: {namespace: x, pod: y, command: [sync]}}
    deferPhase: {func: KubeExec, name: unfreezeOnExit, args: {namespace: x, pod: y, command: [u]}}
  backupPosthook:
    phases:
    - {func: KubeExec, name: thaw, args: {namespace: x, pod: y, command: [thaw]}}
  restorePosthook:
    phases:
    - {func: KubeExec, name: reindex, args: {namespace: x, pod: y, command: [r]}}
  restorePrehook:
    phases:
    - {func: ScaleWorkload, name: scaleDown, args: {name: y, kind: StatefulSet, replicas: 0}}
  verify:
    phases:
    - {func: KubeExec, name: check, args: {namespace: x, pod: y, command: [c]}}
"""
HOOK_BLUEPRINT = """
apiVersion: cr.kanister.io/v1alpha1
kind: Blueprint
metadata: {name: ns-hooks, namespace: kasten-io}
actions:
  pre:
    outputArtifacts:
      marker: {keyValue: {at: "{{ .Time }}"}}
    phases:
    - {func: KubeTask, name: mark, args: {image: busybox, command: [date]}}
  post:
    inputArtifactNames: [marker]
    phases:
    - {func: KubeTask, name: unmark, args: {image: busybox, command: [date]}}
  failed:
    phases:
    - {func: KubeTask, name: alert, args: {image: busybox, command: [date]}}
"""
POLICY = """
apiVersion: config.kio.kasten.io/v1alpha1
kind: Policy
metadata: {name: nightly, namespace: kasten-io}
spec:
  selector:
    matchExpressions:
    - {key: k10.kasten.io/appNamespace, operator: In, values: ["shop-*"]}
  actions:
  - action: backup
    backupParameters:
      hooks:
        preHook: {blueprint: ns-hooks, actionName: pre}
        onSuccess: {blueprint: ns-hooks, actionName: post}
        onFailure: {blueprint: ns-hooks, actionName: failed}
  - action: export
    exportParameters:
      hooks:
        preHook: {blueprint: ns-hooks, actionName: pre}
  - action: restore
    restoreParameters:
      hooks:
        onSuccess: {blueprint: ns-hooks, actionName: post}
"""


def workload(kind, namespace, name, annotation=None, labels=None, group="apps"):
    metadata = {"name": name, "namespace": namespace, "labels": labels or {}}
    if annotation:
        metadata["annotations"] = {"kanister.kasten.io/blueprint": annotation}
    api = f"{group}/v1" if group else "v1"
    return f"apiVersion: {api}\nkind: {kind}\nmetadata: {metadata}\n"


def binding(name, blueprint, created, match_all, disabled=False):
    return (
        "apiVersion: config.kio.kasten.io/v1alpha1\nkind: BlueprintBinding\n"
        f"metadata: {{name: {name}, namespace: kasten-io, creationTimestamp: '{created}'}}\n"
        f"spec: {{blueprintRef: {{name: {blueprint}}}, disabled: {str(disabled).lower()}, "
        f"resources: {{matchAll: {match_all}}}}}\n"
    )


def inventory(*documents, examples=()):
    files = [(f"doc{i}.yaml", text) for i, text in enumerate(documents)]
    files += [(name, (EXAMPLES / name).read_text()) for name in examples]
    manifests, errors = read_manifests(files)
    assert not errors
    return inventory_of(manifests)


@pytest.fixture
def shop():
    return inventory(
        SNAPSHOT_BLUEPRINT,
        HOOK_BLUEPRINT,
        POLICY,
        workload("StatefulSet", "shop-a", "db", annotation="mysql-blueprint"),
        workload("StatefulSet", "shop-a", "cache", annotation="quiesce"),
        workload("Deployment", "shop-a", "web"),
        workload("Deployment", "shop-b", "web"),
        workload("Deployment", "other", "web", annotation="quiesce"),
        examples=["mysql-blueprint.yaml"],
    )


def rows(report, namespace=None):
    timeline = next(t for t in report.timelines if namespace in (None, t.namespace))
    return [
        (s.step, s.kind.value, s.hook or (s.blueprint and f"{s.blueprint}/{s.action}"), s.phase)
        for s in timeline.steps
    ]


def by_id(report):
    return {s.id: s for t in report.timelines for s in t.steps}


def test_backup_wraps_each_resource_in_policy_hooks_in_seed_order(shop):
    report = compute(shop, "backup", policy="nightly", namespace="shop-a")
    assert rows(report) == [
        ("1", "internal", None, None),
        ("2", "hook", "preHook", "mark"),
        ("3", "internal", None, None),
        ("4", "internal", None, None),
        ("4a", "action", "quiesce/backupPrehook", "freeze"),
        ("4a", "action", "quiesce/backupPrehook", "flush"),
        ("4a", "defer", "quiesce/backupPrehook", "unfreezeOnExit"),
        ("4b", "snapshot", None, None),
        ("4c", "action", "quiesce/backupPosthook", "thaw"),
        ("4b", "action", "mysql-blueprint/backup", "dumpToObjectStore"),
        ("5", "internal", None, None),
        ("6", "hook", "onSuccess", "unmark"),
        ("6", "hook", "onFailure", "alert"),
        ("7", "internal", None, None),
    ]
    assert [s.seq for s in report.timelines[0].steps] == list(range(1, 15))


def test_defer_phase_comes_right_after_its_actions_phases_before_4b(shop):
    steps = compute(shop, "backup", namespace="shop-a").timelines[0].steps
    defer = next(s for s in steps if s.kind.value == "defer")
    following = steps[steps.index(defer) + 1]
    assert (following.step, following.resource) == ("4b", "StatefulSet/shop-a/cache")


def test_policy_hooks_fire_once_per_protected_namespace(shop):
    report = compute(shop, "backup", policy="nightly")
    assert [t.namespace for t in report.timelines] == ["shop-a", "shop-b"]
    for timeline in report.timelines:
        assert [s.hook for s in timeline.steps if s.hook] == ["preHook", "onSuccess", "onFailure"]


def test_without_a_policy_every_namespace_appears_and_no_hook_fires(shop):
    report = compute(shop, "backup")
    assert [t.namespace for t in report.timelines] == ["other", "shop-a", "shop-b"]
    assert not [s for t in report.timelines for s in t.steps if s.hook]


def test_only_one_of_on_success_and_on_failure_runs(shop):
    steps = by_id(compute(shop, "backup", policy="nightly", namespace="shop-a"))
    assert steps["shop-a:6:onSuccess:unmark"].outcome == "runs"
    on_failure = steps["shop-a:6:onFailure:alert"]
    assert on_failure.outcome == "skipped"
    assert "Only one runs" in on_failure.reason


def test_a_resource_without_blueprint_gets_no_lane(shop):
    report = compute(shop, "backup", namespace="shop-b")
    assert report.timelines[0].lanes == []
    assert {s.step for s in report.timelines[0].steps} == {"1", "2", "3", "4", "5", "6", "7"} - {
        "2",
        "6",
    }


def test_logical_backup_replaces_snapshots_and_carries_its_timeout_and_artifacts(shop):
    steps = by_id(compute(shop, "backup", namespace="shop-a"))
    dump = steps["shop-a:4b:StatefulSet/shop-a/db:dumpToObjectStore"]
    assert (dump.kind, dump.timeout_minutes, dump.timeout_setting) == (
        "action",
        45,
        "timeout.blueprintBackup",
    )
    assert dump.artifacts_out == ("mysqlCloudDump",)
    assert "shop-a:4b:StatefulSet/shop-a/db:snapshot" not in steps
    snapshot = steps["shop-a:4b:StatefulSet/shop-a/cache:snapshot"]
    assert snapshot.kind == "snapshot"
    assert any("by default" in n.text for n in snapshot.notes)


def test_hook_timeouts_follow_the_settings_page_values(shop):
    steps = by_id(
        compute(shop, "backup", namespace="shop-a", timeouts={"timeout.blueprintHooks": 7})
    )
    assert steps["shop-a:4a:StatefulSet/shop-a/cache:freeze"].timeout_minutes == 7
    assert steps["shop-a:4b:StatefulSet/shop-a/db:dumpToObjectStore"].timeout_minutes == 45


@pytest.mark.parametrize(
    ("operation", "setting", "minutes"),
    [("restore", "timeout.blueprintRestore", 600), ("retire", "timeout.blueprintDelete", 45)],
)
def test_restore_and_delete_take_their_helm_timeouts(shop, operation, setting, minutes):
    steps = compute(shop, operation, namespace="shop-a").timelines[0].steps
    action = next(s for s in steps if s.resource == "StatefulSet/shop-a/db")
    assert (action.timeout_setting, action.timeout_minutes) == (setting, minutes)


def test_action_hooks_carry_no_timeout_and_say_why(shop):
    step = by_id(compute(shop, "backup", policy="nightly", namespace="shop-a"))[
        "shop-a:2:preHook:mark"
    ]
    assert step.timeout_minutes is None
    assert any(n.source.startswith("assumption:") for n in step.notes)


def test_pre_hook_output_artifacts_flow_to_on_success_and_on_failure(shop):
    steps = by_id(compute(shop, "backup", policy="nightly", namespace="shop-a"))
    assert steps["shop-a:2:preHook:mark"].artifacts_out == ("marker",)
    for hook in ("shop-a:6:onSuccess:unmark", "shop-a:6:onFailure:alert"):
        [artifact] = steps[hook].artifacts_in
        assert (artifact.name, artifact.source) == ("marker", "shop-a:2:preHook:mark")
        assert ".ArtifactsIn.marker" in steps[hook].variables


def test_backup_artifacts_reach_restore_and_delete_through_the_restore_point(shop):
    for operation, phase in (
        ("restore", "restoreFromBlobStore"),
        ("retire", "deleteFromBlobStore"),
    ):
        step = next(
            s
            for s in compute(shop, operation, namespace="shop-a").timelines[0].steps
            if s.phase == phase
        )
        [artifact] = step.artifacts_in
        assert artifact.name == "mysqlCloudDump"
        assert artifact.source == "restore point: outputArtifacts of backup"


def test_variables_name_the_typed_workload_and_earlier_phases_but_hooks_have_no_profile(shop):
    steps = by_id(compute(shop, "backup", policy="nightly", namespace="shop-a"))
    flush = steps["shop-a:4a:StatefulSet/shop-a/cache:flush"]
    assert {".StatefulSet.Name", ".Object", ".Profile", ".Phases.freeze.Output"} <= set(
        flush.variables
    )
    assert ".Phases.flush.Output" not in flush.variables
    defer = steps["shop-a:4a:StatefulSet/shop-a/cache:unfreezeOnExit"]
    assert ".Phases.flush.Output" in defer.variables
    hook = steps["shop-a:2:preHook:mark"]
    assert ".Profile" not in hook.variables and ".Object" not in hook.variables


def test_a_non_reserved_action_is_listed_as_ignored_with_the_reason(shop):
    [lane] = [
        lane
        for lane in compute(shop, "backup", namespace="shop-a").timelines[0].lanes
        if lane.blueprint == "quiesce"
    ]
    reasons = {i.action: i.reason for i in lane.ignored}
    assert list(reasons) == ["restorePrehook", "verify"]
    assert "not a reserved action name" in reasons["verify"]
    assert "only from Kasten 9.0.10 on" in reasons["restorePrehook"]
    report = compute(shop, "backup", namespace="shop-a", kasten_version="9.0.10")
    quiesce = next(lane for lane in report.timelines[0].lanes if lane.blueprint == "quiesce")
    assert [i.action for i in quiesce.ignored] == ["verify"]


def test_restore_runs_restore_then_restore_posthook_and_restore_prehook_from_9_0_10(shop):
    assert rows(compute(shop, "restore", policy="nightly", namespace="shop-a")) == [
        ("1", "internal", None, None),
        ("3", "internal", None, None),
        ("4", "internal", None, None),
        ("4b", "action", "quiesce/restorePosthook", "reindex"),
        ("4a", "action", "mysql-blueprint/restore", "restoreFromBlobStore"),
        ("5", "internal", None, None),
        ("6", "hook", "onSuccess", "unmark"),
        ("7", "internal", None, None),
    ]
    newer = rows(compute(shop, "restore", namespace="shop-a", kasten_version="9.0.10"))
    assert ("4a-pre", "action", "quiesce/restorePrehook", "scaleDown") in newer


def test_export_fires_action_hooks_only(shop):
    report = compute(shop, "export", policy="nightly", namespace="shop-a")
    assert rows(report) == [
        ("1", "internal", None, None),
        ("2", "hook", "preHook", "mark"),
        ("3", "internal", None, None),
        ("5", "internal", None, None),
    ]
    assert report.timelines[0].lanes == []


def test_retire_runs_each_bound_blueprints_delete_and_never_a_hook(shop):
    report = compute(shop, "retire", policy="nightly", namespace="shop-a")
    assert rows(report) == [
        ("1", "internal", None, None),
        ("2", "action", "mysql-blueprint/delete", "deleteFromBlobStore"),
        ("3", "internal", None, None),
    ]
    delete = report.timelines[0].steps[1]
    assert any("Kasten namespace" in note.text for note in delete.notes)


def test_earliest_created_enabled_binding_wins_over_later_ones_and_the_annotation():
    report = compute(
        inventory(
            SNAPSHOT_BLUEPRINT,
            binding(
                "late",
                "mysql-blueprint",
                "2026-03-01T00:00:00Z",
                "[{type: {operator: In, values: [{group: apps, resource: statefulsets}]}}]",
            ),
            binding(
                "early",
                "quiesce",
                "2026-01-01T00:00:00Z",
                "[{namespace: {operator: In, values: [shop]}}]",
            ),
            binding(
                "earliest-but-off",
                "mysql-blueprint",
                "2025-01-01T00:00:00Z",
                "[{namespace: {operator: In, values: [shop]}}]",
                disabled=True,
            ),
            workload("StatefulSet", "shop", "db", annotation="mysql-blueprint"),
            examples=["mysql-blueprint.yaml"],
        ),
        "backup",
    )
    [lane] = report.timelines[0].lanes
    assert (lane.blueprint, lane.via) == ("quiesce", "BlueprintBinding/early")


def test_match_any_needs_one_requirement_and_annotation_applies_when_no_binding_matches():
    any_of = "[{labels: {key: tier, operator: In, values: [db]}}]"
    text = binding("dbs", "quiesce", "2026-01-01T00:00:00Z", "[]").replace(
        "matchAll: []", f"matchAny: {any_of}"
    )
    report = compute(
        inventory(
            SNAPSHOT_BLUEPRINT,
            text,
            workload("StatefulSet", "shop", "db", labels={"tier": "db"}),
            workload("StatefulSet", "shop", "queue", annotation="mysql-blueprint"),
            examples=["mysql-blueprint.yaml"],
        ),
        "backup",
    )
    lanes = {lane.resource: (lane.blueprint, lane.via) for lane in report.timelines[0].lanes}
    assert lanes == {
        "StatefulSet/shop/db": ("quiesce", "BlueprintBinding/dbs"),
        "StatefulSet/shop/queue": ("mysql-blueprint", "annotation"),
    }


def test_a_blueprint_that_is_not_loaded_is_a_problem_not_a_guess():
    report = compute(
        inventory(workload("StatefulSet", "shop", "db", annotation="missing")), "backup"
    )
    assert report.timelines[0].problems == [
        "StatefulSet/shop/db: annotation names Blueprint/missing, which is not among the objects "
        "read, so its actions are unknown."
    ]


def test_policy_selector_uses_app_namespace_wildcards_and_namespace_labels():
    policy = POLICY.replace(
        '- {key: k10.kasten.io/appNamespace, operator: In, values: ["shop-*"]}',
        '- {key: k10.kasten.io/appNamespace, operator: NotIn, values: ["shop-b"]}\n'
        "    - {key: team, operator: In, values: [payments]}",
    )
    found = inventory(
        HOOK_BLUEPRINT,
        policy,
        workload("Namespace", "", "shop-a", labels={"team": "payments"}, group=""),
        workload("Namespace", "", "shop-b", labels={"team": "payments"}, group=""),
        workload("Namespace", "", "shop-c", labels={"team": "search"}, group=""),
    )
    assert [t.namespace for t in compute(found, "backup", policy="nightly").timelines] == ["shop-a"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"policy": "weekly"}, "unknown policy 'weekly' (known: nightly)"),
        ({"policy": "nightly", "namespace": "other"}, "not protected by policy 'nightly'"),
        ({"namespace": "nowhere"}, "'nowhere' has no resources"),
        ({"kasten_version": "eight"}, "eight"),
    ],
)
def test_bad_choices_are_refused_with_a_message(shop, kwargs, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        compute(shop, "backup", **kwargs)


# Failure simulation ------------------------------------------------------------------------------


def outcomes(report, namespace="shop-a"):
    timeline = next(t for t in report.timelines if t.namespace == namespace)
    return {s.id: (s.outcome.value, s.reason) for s in timeline.steps}


def test_backup_posthook_runs_even_when_4b_failed(shop):
    report = compute(
        shop, "backup", namespace="shop-a", fail="shop-a:4b:StatefulSet/shop-a/cache:snapshot"
    )
    outcome, reason = outcomes(report)["shop-a:4c:StatefulSet/shop-a/cache:thaw"]
    assert outcome == "runs"
    assert reason == f"Always runs, even if step 4b failed. ({SEED_000})"


def test_after_a_failed_phase_the_rest_are_skipped_and_the_defer_phase_runs(shop):
    report = compute(
        shop, "backup", namespace="shop-a", fail="shop-a:4a:StatefulSet/shop-a/cache:freeze"
    )
    found = outcomes(report)
    assert found["shop-a:4a:StatefulSet/shop-a/cache:freeze"] == (
        "fails",
        "The step chosen to fail.",
    )
    assert found["shop-a:4a:StatefulSet/shop-a/cache:flush"][0] == "skipped"
    assert SEED_003 in found["shop-a:4a:StatefulSet/shop-a/cache:flush"][1]
    outcome, reason = found["shop-a:4a:StatefulSet/shop-a/cache:unfreezeOnExit"]
    assert outcome == "runs" and "regardless of success or failure" in reason


def test_the_seeds_do_not_say_whether_4b_runs_after_4a_failed(shop):
    report = compute(
        shop, "backup", namespace="shop-a", fail="shop-a:4a:StatefulSet/shop-a/cache:flush"
    )
    outcome, reason = outcomes(report)["shop-a:4b:StatefulSet/shop-a/cache:snapshot"]
    assert outcome == "unspecified"
    assert reason == "The seeds do not say whether step 4b runs after step 4a fails."


def test_on_failure_replaces_on_success_after_a_failure_and_snapshots_are_cleaned_up(shop):
    report = compute(
        shop, "backup", policy="nightly", fail="shop-a:4b:StatefulSet/shop-a/db:dumpToObjectStore"
    )
    found = outcomes(report)
    assert found["shop-a:6:onSuccess:unmark"][0] == "skipped"
    outcome, reason = found["shop-a:6:onFailure:alert"]
    assert outcome == "runs" and "reached its retry limit" in reason and SEED_002 in reason
    assert found["shop-a:7"] == ("runs", f"Cleans up orphaned snapshots on failure. ({SEED_000})")
    assert found["shop-a:5"] == (
        "unspecified",
        "The seeds do not say whether step 5 runs after step 4b of StatefulSet/shop-a/db fails.",
    )
    # Earlier steps are untouched and other namespaces are not affected.
    assert found["shop-a:2:preHook:mark"] == ("runs", "")
    assert {o for o, _ in outcomes(report, "shop-b").values()} <= {"runs", "skipped"}


def test_a_pre_hook_is_skipped_when_kasten_setup_fails(shop):
    found = outcomes(compute(shop, "backup", policy="nightly", namespace="shop-a", fail="shop-a:1"))
    outcome, reason = found["shop-a:2:preHook:mark"]
    assert outcome == "skipped" and "after any K10 setup steps have succeeded" in reason


def test_other_resources_after_a_failure_are_unspecified(shop):
    found = outcomes(
        compute(shop, "backup", namespace="shop-a", fail="shop-a:4c:StatefulSet/shop-a/cache:thaw")
    )
    outcome, reason = found["shop-a:4b:StatefulSet/shop-a/db:dumpToObjectStore"]
    assert outcome == "unspecified"
    assert "after step 4c of StatefulSet/shop-a/cache fails" in reason


def test_a_failed_on_success_leaves_on_failure_unspecified(shop):
    found = outcomes(
        compute(
            shop, "backup", policy="nightly", namespace="shop-a", fail="shop-a:6:onSuccess:unmark"
        )
    )
    assert found["shop-a:6:onFailure:alert"][0] == "unspecified"


def test_a_step_that_does_not_run_or_does_not_exist_cannot_fail(shop):
    with pytest.raises(UnknownStep, match="without a failure it is skipped"):
        compute(shop, "backup", policy="nightly", fail="shop-a:6:onFailure:alert")
    with pytest.raises(UnknownStep, match="no step 'shop-a:9'"):
        compute(shop, "backup", fail="shop-a:9")
    with pytest.raises(UnknownStep, match="did you mean shop-a:4a:StatefulSet/shop-a/cache:flush"):
        compute(shop, "backup", fail="shop-a:4a:StatefulSet/shop-a/cache:flsh")


def test_step_ids_are_stable_across_runs(shop):
    first = [s.id for s in compute(shop, "backup", policy="nightly").timelines[0].steps]
    again = [s.id for s in compute(shop, "backup", policy="nightly").timelines[0].steps]
    assert first == again and len(set(first)) == len(first)


def test_json_has_exactly_the_issue_fields_and_text_names_each_step(shop):
    report = compute(shop, "backup", policy="nightly", namespace="shop-a", fail="shop-a:3")
    data = as_json(report)
    assert data["operation"] == "backup"
    [timeline] = data["timelines"]
    assert timeline["namespace"] == "shop-a"
    assert set(timeline["steps"][0]) == {
        "id", "seq", "step", "level", "kind", "title", "hook", "blueprint", "action", "phase",
        "resource", "timeout_minutes", "outcome", "reason", "notes", "artifacts_in",
        "artifacts_out",
    }  # fmt: skip
    step = next(s for s in timeline["steps"] if s["phase"] == "dumpToObjectStore")
    assert step["resource"] == "StatefulSet/shop-a/db" and step["level"] == "resource"
    text = as_text(report)
    assert "mysql-blueprint/backup · dumpToObjectStore on StatefulSet/shop-a/db [45 min]" in text
    assert "id shop-a:4b:StatefulSet/shop-a/db:dumpToObjectStore" in text


# The shared examples bound to inventory workloads -----------------------------------------------

EXAMPLE_WORKLOADS = {
    "mysql-blueprint.yaml": ("mysql-blueprint", "StatefulSet", "apps"),
    "csi-snapshot-blueprint.yaml": ("csi-snapshot-bp", "StatefulSet", "apps"),
    "time-log-blueprint.yaml": ("time-log-bp", "Deployment", "apps"),
    "k8ssandra-blueprint.yaml": (
        "k8ssandra-blueprint",
        "CassandraDatacenter",
        "cassandra.datastax.com",
    ),
}


@pytest.mark.parametrize("example", sorted(EXAMPLE_WORKLOADS))
@pytest.mark.parametrize(
    ("operation", "label", "action"),
    [("backup", "4b", "backup"), ("restore", "4a", "restore"), ("retire", "2", "delete")],
)
def test_each_example_fires_its_logical_actions_where_the_seed_says(
    example, operation, label, action
):
    name, kind, group = EXAMPLE_WORKLOADS[example]
    found = inventory(
        workload(kind, "app", "target", annotation=name, group=group), examples=[example]
    )
    [timeline] = compute(found, operation).timelines
    assert not timeline.problems
    fired = [s for s in timeline.steps if s.resource]
    assert fired and {(s.step, s.blueprint, s.action) for s in fired} == {(label, name, action)}
    assert [s.phase for s in fired] == [
        p.name for p in found.blueprints[name].actions[action].phases
    ]


def test_the_postgres_hook_example_fires_only_as_a_policy_hook():
    restore_hook = """
apiVersion: config.kio.kasten.io/v1alpha1
kind: Policy
metadata: {name: restore-db, namespace: kasten-io}
spec:
  actions:
  - action: restore
    restoreParameters:
      hooks:
        onSuccess: {blueprint: postgresql-hooks, actionName: postrestorehook}
"""
    found = inventory(
        restore_hook,
        workload("StatefulSet", "db", "pg", annotation="postgresql-hooks"),
        examples=["postgres-ha-hook-blueprint.yaml"],
    )
    report = compute(found, "restore", policy="restore-db")
    [timeline] = report.timelines
    assert [(s.hook, s.phase) for s in timeline.steps if s.blueprint] == [
        ("onSuccess", "WaitForPodReady"),
        ("onSuccess", "PgUpdate"),
    ]
    [lane] = timeline.lanes
    assert [i.action for i in lane.ignored] == ["postrestorehook"]
