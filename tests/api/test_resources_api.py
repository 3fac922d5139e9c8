"""The /api/resources/ endpoints: the inventory of namespaces, workloads, PVCs and CRs."""

import pytest
from django.urls import reverse

from blueprints_ui.inventory.models import Resource
from tests.factories import blueprint_yaml, store_yaml

pytestmark = pytest.mark.django_db

LIST_URL = reverse("api:resource-list")


def deployment_yaml(name: str = "web", namespace: str = "shop", annotation: str = "") -> str:
    annotations = (
        f"  annotations:\n    kanister.kasten.io/blueprint: {annotation}\n" if annotation else ""
    )
    return f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: {name}
  namespace: {namespace}
  labels:
    app: {name}
{annotations}spec:
  replicas: 1
"""


def detail_url(resource: Resource) -> str:
    return reverse("api:resource-detail", args=[resource.pk])


@pytest.fixture
def deployment(db):
    return store_yaml(deployment_yaml())


def test_list_shows_the_demo_inventory_within_a_query_ceiling(
    api_client, demo_data, django_assert_max_num_queries
):
    with django_assert_max_num_queries(2):
        response = api_client.get(LIST_URL)

    assert response.status_code == 200
    assert response.data["count"] == Resource.objects.count() == 8


def test_list_filters_by_namespace_kind_and_annotation(api_client, demo_data):
    statefulsets = api_client.get(LIST_URL, {"namespace": "shop", "kind": "StatefulSet"})
    annotated = api_client.get(LIST_URL, {"blueprint_annotation": "postgresql-hooks"})

    assert [item["name"] for item in statefulsets.data["results"]] == [
        "mysql",
        "postgresql",
        "redis",
    ]
    assert [item["name"] for item in annotated.data["results"]] == ["postgresql"]


def test_list_filters_by_name(api_client):
    store_yaml(deployment_yaml("web"))
    store_yaml(deployment_yaml("api"))

    response = api_client.get(LIST_URL, {"name": "api"})

    assert [item["name"] for item in response.data["results"]] == ["api"]


def test_retrieve_shows_the_type_labels_and_annotation(api_client):
    resource = store_yaml(deployment_yaml(annotation="mysql-blueprint"))

    response = api_client.get(detail_url(resource))

    assert response.status_code == 200
    assert response["ETag"] == f'"resource-{resource.pk}-r1"'
    data = response.data
    assert (data["api_group"], data["api_version"], data["kind"], data["resource"]) == (
        "apps",
        "apps/v1",
        "Deployment",
        "deployments",
    )
    assert data["labels"] == {"app": "web"}
    assert data["annotations"] == {"kanister.kasten.io/blueprint": "mysql-blueprint"}
    assert data["blueprint_annotation"] == "mysql-blueprint"


def test_create_stores_a_resource(api_client):
    response = api_client.post(LIST_URL, {"source": deployment_yaml("new")}, format="json")

    assert response.status_code == 201
    assert Resource.objects.get().name == "new"


def test_create_of_an_existing_resource_is_a_409(api_client, deployment):
    response = api_client.post(LIST_URL, {"source": deployment_yaml()}, format="json")

    assert response.status_code == 409
    assert response.data["errors"][0]["message"] == (
        "resource Deployment/shop/web already exists at revision 1: "
        "update it with PUT or PATCH and base_revision 1"
    )


def test_a_blueprint_is_not_a_resource(api_client):
    response = api_client.post(LIST_URL, {"source": blueprint_yaml()}, format="json")

    assert response.status_code == 400
    assert response.data["errors"][0]["message"] == (
        "expected a namespace, workload, PVC or custom resource, found Blueprint"
    )


def test_labels_must_be_strings(api_client):
    source = deployment_yaml().replace("app: web", "replicas: 3")

    response = api_client.post(LIST_URL, {"source": source}, format="json")

    assert response.status_code == 400
    (error,) = response.data["errors"]
    assert (error["line"], error["column"]) == (7, 15)
    assert error["message"] == (
        'metadata.labels.replicas must be a string, found 3: quote it ("3")'
    )


def test_update_with_base_revision_changes_the_annotation(api_client, deployment):
    response = api_client.put(
        detail_url(deployment),
        {"source": deployment_yaml(annotation="other"), "base_revision": 1},
        format="json",
    )

    assert response.status_code == 200
    assert response.data["blueprint_annotation"] == "other"


def test_moving_to_another_namespace_is_refused_at_the_namespace(api_client, deployment):
    response = api_client.put(
        detail_url(deployment),
        {"source": deployment_yaml(namespace="crm"), "base_revision": 1},
        format="json",
    )

    assert response.status_code == 400
    (error,) = response.data["errors"]
    assert (error["file"], error["line"], error["column"]) == ("web.yaml", 5, 14)
    assert error["message"].startswith("namespace is 'crm' but this object's is 'shop'")


def test_a_stale_update_gets_409(api_client, deployment):
    api_client.put(
        detail_url(deployment),
        {"source": deployment_yaml(annotation="a"), "base_revision": 1},
        format="json",
    )

    response = api_client.patch(
        detail_url(deployment),
        {"source": deployment_yaml(annotation="b"), "base_revision": 1},
        format="json",
    )

    assert response.status_code == 409
    assert response.data["changes"] == deployment_yaml(annotation="a")


def test_a_stale_if_match_gets_412(api_client, deployment):
    api_client.put(
        detail_url(deployment),
        {"source": deployment_yaml(annotation="a"), "base_revision": 1},
        format="json",
    )

    response = api_client.put(
        detail_url(deployment),
        {"source": deployment_yaml(annotation="b")},
        format="json",
        HTTP_IF_MATCH=f'"resource-{deployment.pk}-r1"',
    )

    assert response.status_code == 412
    assert response.data["current_etag"] == f'"resource-{deployment.pk}-r2"'


def test_update_without_base_revision_is_refused(api_client, deployment):
    response = api_client.put(
        detail_url(deployment), {"source": deployment_yaml(annotation="x")}, format="json"
    )

    assert response.status_code == 400
    assert response.data["errors"][0]["field"] == "base_revision"


def test_delete_removes_the_resource(api_client, deployment):
    response = api_client.delete(detail_url(deployment))

    assert response.status_code == 204
    assert not Resource.objects.exists()
