"""`GET /api/timeline`: the stored objects' timeline as JSON; 400 naming the bad parameter."""

import pytest

from blueprints_ui.timeline.models import TimelineSettings

pytestmark = pytest.mark.django_db
URL = "/api/timeline"
STEP_KEYS = {
    "id", "seq", "step", "level", "kind", "title", "hook", "blueprint", "action", "phase",
    "resource", "timeout_minutes", "outcome", "reason", "notes", "artifacts_in", "artifacts_out",
}  # fmt: skip
MYSQL_DUMP = "shop:4b:StatefulSet/shop/mysql:dumpToObjectStore"


def steps(response) -> dict[str, dict]:
    (timeline,) = response.json()["timelines"]
    return {step["id"]: step for step in timeline["steps"]}


def test_a_policys_backup_shows_its_hooks_and_bound_actions(api_client, demo_data):
    response = api_client.get(URL, {"operation": "backup", "policy": "shop-daily"})

    assert response.status_code == 200
    body = response.json()
    assert body["operation"] == "backup"
    assert [t["namespace"] for t in body["timelines"]] == ["shop"]
    found = steps(response)
    assert all(set(step) == STEP_KEYS for step in found.values())
    assert [step["seq"] for step in found.values()] == list(range(1, len(found) + 1))
    hook = found["shop:2:preHook:recordStart"]
    assert (hook["hook"], hook["blueprint"], hook["action"]) == (
        "preHook",
        "backup-hooks",
        "record-start",
    )
    dump = found[MYSQL_DUMP]
    assert dump["resource"] == "StatefulSet/shop/mysql"
    assert (dump["blueprint"], dump["action"], dump["kind"]) == (
        "mysql-blueprint",
        "backup",
        "action",
    )
    assert dump["timeout_minutes"] == 45
    assert dump["outcome"] == "runs"


def test_the_timeouts_are_those_of_the_settings_page(api_client, demo_data):
    TimelineSettings.save_timeouts({"timeout.blueprintBackup": 90}, base_revision=0)

    response = api_client.get(URL, {"operation": "backup", "namespace": "shop"})

    assert steps(response)[MYSQL_DUMP]["timeout_minutes"] == 90


def test_a_failed_step_changes_the_outcomes_after_it(api_client, demo_data):
    response = api_client.get(URL, {"operation": "backup", "namespace": "shop", "fail": MYSQL_DUMP})

    assert response.status_code == 200
    found = steps(response)
    assert found[MYSQL_DUMP]["outcome"] == "fails"
    assert found["shop:7"]["outcome"] == "runs"
    assert "orphaned snapshots" in found["shop:7"]["title"]


def test_without_a_policy_every_namespace_of_the_inventory_gets_a_timeline(api_client, demo_data):
    response = api_client.get(URL, {"operation": "retire"})

    assert response.status_code == 200
    assert [t["namespace"] for t in response.json()["timelines"]] == ["shop"]


def errors(response) -> list[tuple[str, str]]:
    assert response.status_code == 400
    return [(error["field"], error["message"]) for error in response.json()["errors"]]


def test_the_operation_is_required(api_client, demo_data):
    assert errors(api_client.get(URL)) == [("operation", "This field is required.")]


def test_an_unknown_operation_and_version_are_named(api_client, demo_data):
    response = api_client.get(URL, {"operation": "snapshot", "kasten_version": "eight"})

    assert errors(response) == [
        (
            "operation",
            '"snapshot" is not one of backup, restore, export, retire, kubestash-backup, '
            "kubestash-restore",
        ),
        ("kasten_version", "Kasten version 'eight' is not of the form 8.5 or 9.0.10"),
    ]


def test_an_unknown_policy_is_named_with_the_stored_ones(api_client, demo_data):
    response = api_client.get(URL, {"operation": "backup", "policy": "nightly"})

    assert errors(response) == [("policy", "no stored policy 'nightly' (known: shop-daily)")]


def test_an_unknown_namespace_is_named(api_client, demo_data):
    response = api_client.get(URL, {"operation": "backup", "namespace": "billing"})

    assert errors(response) == [
        ("namespace", "namespace 'billing' has no resources in the inventory")
    ]


def test_an_unknown_step_id_is_named(api_client, demo_data):
    response = api_client.get(URL, {"operation": "backup", "fail": "shop:9"})

    assert errors(response) == [
        (
            "fail",
            "no step 'shop:9' in the backup timeline; did you mean shop:7 or shop:5 or shop:4?",
        )
    ]


def test_a_login_is_needed(client, demo_data):
    assert client.get(URL, {"operation": "backup"}).status_code in (401, 403)


def test_the_kubestash_operations_answer_over_the_stored_sessions(api_client, demo_data):
    response = api_client.get(URL, {"operation": "kubestash-backup", "namespace": "shop"})

    assert response.status_code == 200
    assert response.json()["operation"] == "kubestash-backup"
    found = steps(response)
    pre = next(step for step in found.values() if step["hook"] == "preBackup")
    failed = api_client.get(
        URL, {"operation": "kubestash-backup", "namespace": "shop", "fail": pre["id"]}
    )
    tasks = next(s for s in steps(failed).values() if s["step"] == "2")
    assert tasks["outcome"] == "skipped"


def test_a_policy_is_refused_for_kubestash(api_client, demo_data):
    response = api_client.get(URL, {"operation": "kubestash-restore", "policy": "shop-daily"})

    assert errors(response) == [("policy", "no Kasten policy runs KubeStash sessions")]


def test_a_kubestash_namespace_without_sessions_is_a_400_naming_it(api_client, demo_data):
    response = api_client.get(URL, {"operation": "kubestash-backup", "namespace": "nowhere"})

    [(field, message)] = errors(response)
    assert field == "namespace" and "nowhere" in message
