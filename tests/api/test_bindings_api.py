"""The /api/bindings/ endpoints: Kasten BlueprintBindings."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from blueprints_ui.kasten.models import BlueprintBinding
from tests.factories import blueprint_yaml, store_yaml

pytestmark = pytest.mark.django_db

LIST_URL = reverse("api:binding-list")


def binding_yaml(
    name: str = "mysql-sts", blueprint: str = "mysql-blueprint", extra: str = ""
) -> str:
    return f"""apiVersion: config.kio.kasten.io/v1alpha1
kind: BlueprintBinding
metadata:
  name: {name}
  namespace: kasten-io
{extra}spec:
  blueprintRef:
    name: {blueprint}
    namespace: kasten-io
  resources:
    matchAll:
    - type:
        operator: In
        values:
        - group: apps
          resource: statefulsets
"""


def detail_url(binding: BlueprintBinding) -> str:
    return reverse("api:binding-detail", args=[binding.pk])


@pytest.fixture
def binding(db):
    return store_yaml(binding_yaml())


def test_list_shows_the_demo_bindings(api_client, demo_data, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        response = api_client.get(LIST_URL)

    assert response.status_code == 200
    assert [item["name"] for item in response.data["results"]] == [
        "csi-snapshot-deployments",
        "mysql-statefulsets",
    ]


def test_list_filters_by_name_and_blueprint(api_client):
    store_yaml(binding_yaml("a", blueprint="mysql-blueprint"))
    store_yaml(binding_yaml("b", blueprint="postgres-blueprint"))

    by_name = api_client.get(LIST_URL, {"name": "a"})
    by_blueprint = api_client.get(LIST_URL, {"blueprint_name": "postgres-blueprint"})

    assert [item["name"] for item in by_name.data["results"]] == ["a"]
    assert [item["name"] for item in by_blueprint.data["results"]] == ["b"]


def test_retrieve_shows_the_binding_fields(api_client, binding):
    response = api_client.get(detail_url(binding))

    assert response.status_code == 200
    assert response["ETag"] == f'"binding-{binding.pk}-r1"'
    data = response.data
    assert (data["blueprint_name"], data["blueprint_namespace"]) == ("mysql-blueprint", "kasten-io")
    assert data["disabled"] is False
    assert data["match_all"] == [
        {"type": {"operator": "In", "values": [{"group": "apps", "resource": "statefulsets"}]}}
    ]
    assert data["match_any"] == []
    assert data["source"] == binding_yaml()


def test_create_stores_the_binding(api_client):
    extra = '  creationTimestamp: "2026-01-05T09:00:00Z"\n'

    response = api_client.post(LIST_URL, {"source": binding_yaml(extra=extra)}, format="json")

    assert response.status_code == 201
    assert response.data["created"] == "2026-01-05T09:00:00Z"
    assert BlueprintBinding.objects.get().name == "mysql-sts"


def test_an_unreadable_creation_timestamp_is_reported_at_its_position(api_client):
    extra = '  creationTimestamp: "yesterday"\n'

    response = api_client.post(LIST_URL, {"source": binding_yaml(extra=extra)}, format="json")

    assert response.status_code == 400
    assert response.data["errors"] == [
        {
            "file": "new.yaml",
            "line": 6,
            "column": 22,
            "field": "source",
            "message": "metadata.creationTimestamp 'yesterday' is not an RFC 3339 time",
        }
    ]


def test_a_blueprint_is_not_a_binding(api_client):
    response = api_client.post(LIST_URL, {"source": blueprint_yaml()}, format="json")

    assert response.status_code == 400
    assert response.data["errors"][0]["message"] == (
        "expected a BlueprintBinding (config.kio.kasten.io/v1alpha1), found Blueprint"
    )


def test_a_binding_without_blueprint_ref_is_refused(api_client):
    source = binding_yaml().split("spec:")[0] + "spec: {}\n"

    response = api_client.post(LIST_URL, {"source": source}, format="json")

    assert response.status_code == 400
    (error,) = response.data["errors"]
    assert (
        error["message"]
        == "spec.blueprintRef.name is required: the blueprint this binding attaches"
    )
    assert (error["line"], error["column"]) == (6, 7)


def test_update_saves_the_next_revision(api_client, binding):
    source = binding_yaml(blueprint="other-blueprint")

    response = api_client.put(
        detail_url(binding), {"source": source, "base_revision": 1}, format="json"
    )

    assert response.status_code == 200
    assert response["ETag"] == f'"binding-{binding.pk}-r2"'
    assert response.data["blueprint_name"] == "other-blueprint"


def test_patch_without_base_revision_is_refused(api_client, binding):
    response = api_client.patch(
        detail_url(binding), {"source": binding_yaml(blueprint="x")}, format="json"
    )

    assert response.status_code == 400
    assert response.data["errors"][0]["field"] == "base_revision"


def test_a_stale_update_gets_409_with_the_current_source(api_client, other_user, binding):
    bob = APIClient()
    bob.force_authenticate(other_user)
    first = binding_yaml(blueprint="first-blueprint")
    api_client.put(detail_url(binding), {"source": first, "base_revision": 1}, format="json")

    response = bob.put(
        detail_url(binding),
        {"source": binding_yaml(blueprint="second"), "base_revision": 1},
        format="json",
    )

    assert response.status_code == 409
    assert response.data["current_revision"] == 2
    assert response.data["current_etag"] == f'"binding-{binding.pk}-r2"'
    assert response.data["changes"] == first
    binding.refresh_from_db()
    assert binding.source == first


def test_a_stale_if_match_gets_412(api_client, binding):
    api_client.put(
        detail_url(binding),
        {"source": binding_yaml(blueprint="b2"), "base_revision": 1},
        format="json",
    )

    response = api_client.put(
        detail_url(binding),
        {"source": binding_yaml(blueprint="b3")},
        format="json",
        HTTP_IF_MATCH=f'"binding-{binding.pk}-r1"',
    )

    assert response.status_code == 412
    assert response["ETag"] == f'"binding-{binding.pk}-r2"'


def test_delete_removes_the_binding(api_client, binding):
    response = api_client.delete(detail_url(binding), HTTP_IF_MATCH=f'"binding-{binding.pk}-r1"')

    assert response.status_code == 204
    assert not BlueprintBinding.objects.exists()


def test_delete_with_a_stale_etag_gets_412(api_client, binding):
    response = api_client.delete(detail_url(binding), HTTP_IF_MATCH=f'"binding-{binding.pk}-r0"')

    assert response.status_code == 412
    assert BlueprintBinding.objects.exists()
