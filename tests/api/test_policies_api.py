"""The /api/policies/ endpoints: Kasten Policies and the hooks they call."""

import pytest
from django.urls import reverse

from blueprints_ui.kasten.models import Policy, PolicyHook
from tests.factories import store_yaml

pytestmark = pytest.mark.django_db

LIST_URL = reverse("api:policy-list")


def policy_yaml(name: str = "daily", hook_blueprint: str = "hook-blueprint") -> str:
    return f"""apiVersion: config.kio.kasten.io/v1alpha1
kind: Policy
metadata:
  name: {name}
  namespace: kasten-io
spec:
  frequency: "@daily"
  actions:
  - action: backup
    backupParameters:
      hooks:
        preHook:
          blueprint: {hook_blueprint}
          actionName: quiesce
        onSuccess:
          blueprint: {hook_blueprint}
          actionName: unquiesce
  - action: export
"""


def detail_url(policy: Policy) -> str:
    return reverse("api:policy-detail", args=[policy.pk])


@pytest.fixture
def policy(db):
    return store_yaml(policy_yaml())


def test_list_query_count_does_not_grow_with_policies(api_client, django_assert_max_num_queries):
    for i in range(5):
        store_yaml(policy_yaml(f"policy-{i}"))

    with django_assert_max_num_queries(3):
        response = api_client.get(LIST_URL)

    assert response.data["count"] == 5
    assert all(len(item["hooks"]) == 2 for item in response.data["results"])


def test_list_filters_by_namespace_and_searches_names(api_client):
    store_yaml(policy_yaml("shop-daily"))
    store_yaml(policy_yaml("crm-daily"))

    response = api_client.get(LIST_URL, {"namespace": "kasten-io", "search": "shop"})

    assert [item["name"] for item in response.data["results"]] == ["shop-daily"]


def test_list_filters_by_hooked_blueprint(api_client):
    store_yaml(policy_yaml("a", hook_blueprint="one"))
    store_yaml(policy_yaml("b", hook_blueprint="two"))

    response = api_client.get(LIST_URL, {"hook_blueprint": "two"})

    assert [item["name"] for item in response.data["results"]] == ["b"]


def test_retrieve_shows_actions_and_hooks(api_client, policy):
    response = api_client.get(detail_url(policy))

    assert response.status_code == 200
    assert response["ETag"] == f'"policy-{policy.pk}-r1"'
    assert response.data["action_names"] == ["backup", "export"]
    assert response.data["hooks"] == [
        {
            "action": "backup",
            "hook": "preHook",
            "blueprint": "hook-blueprint",
            "action_name": "quiesce",
        },
        {
            "action": "backup",
            "hook": "onSuccess",
            "blueprint": "hook-blueprint",
            "action_name": "unquiesce",
        },
    ]


def test_create_stores_the_policy_and_its_hooks(api_client):
    response = api_client.post(LIST_URL, {"source": policy_yaml()}, format="json")

    assert response.status_code == 201
    assert len(response.data["hooks"]) == 2
    assert PolicyHook.objects.count() == 2


def test_update_replaces_the_hooks(api_client, policy):
    response = api_client.put(
        detail_url(policy),
        {"source": policy_yaml(hook_blueprint="other"), "base_revision": 1},
        format="json",
    )

    assert response.status_code == 200
    assert {hook["blueprint"] for hook in response.data["hooks"]} == {"other"}
    assert set(PolicyHook.objects.values_list("blueprint", flat=True)) == {"other"}


def test_patch_with_if_match_updates(api_client, policy):
    response = api_client.patch(
        detail_url(policy),
        {"source": policy_yaml(hook_blueprint="patched")},
        format="json",
        HTTP_IF_MATCH=f'"policy-{policy.pk}-r1"',
    )

    assert response.status_code == 200
    assert response.data["revision"] == 2


def test_a_stale_update_gets_409_and_keeps_the_first_save(api_client, policy):
    api_client.put(
        detail_url(policy),
        {"source": policy_yaml(hook_blueprint="first"), "base_revision": 1},
        format="json",
    )

    response = api_client.put(
        detail_url(policy),
        {"source": policy_yaml(hook_blueprint="second"), "base_revision": 1},
        format="json",
    )

    assert response.status_code == 409
    assert response.data["current_revision"] == 2
    policy.refresh_from_db()
    assert "first" in policy.source


def test_update_without_base_revision_is_refused(api_client, policy):
    response = api_client.put(
        detail_url(policy), {"source": policy_yaml(hook_blueprint="x")}, format="json"
    )

    assert response.status_code == 400
    assert response.data["errors"][0]["field"] == "base_revision"


def test_broken_yaml_is_reported_at_its_line(api_client, policy):
    source = policy_yaml().replace("  frequency:", "  frequency: : :")

    response = api_client.put(
        detail_url(policy), {"source": source, "base_revision": 1}, format="json"
    )

    assert response.status_code == 400
    (error,) = response.data["errors"]
    assert (error["file"], error["line"], error["field"]) == ("daily.yaml", 7, "source")


def test_delete_removes_the_policy_and_its_hooks(api_client, policy):
    response = api_client.delete(detail_url(policy))

    assert response.status_code == 204
    assert not Policy.objects.exists()
    assert not PolicyHook.objects.exists()
