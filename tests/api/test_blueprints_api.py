"""The /api/blueprints/ endpoints: CRUD, filters, and writes that name their base revision."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from blueprints_ui.blueprints.models import Blueprint, BlueprintRevision
from tests.factories import blueprint_yaml, store_yaml

pytestmark = pytest.mark.django_db

LIST_URL = reverse("api:blueprint-list")


def detail_url(blueprint: Blueprint) -> str:
    return reverse("api:blueprint-detail", args=[blueprint.pk])


@pytest.fixture
def blueprint(user):
    return store_yaml(blueprint_yaml("demo-bp"), author=user, message="First draft")


@pytest.fixture
def bob_client(other_user):
    api = APIClient()
    api.force_authenticate(other_user)
    return api


def test_list_shows_blueprints_in_namespace_and_name_order(api_client, user):
    store_yaml(blueprint_yaml("zeta"))
    store_yaml(blueprint_yaml("alpha"))
    store_yaml(blueprint_yaml("beta", namespace="apps"))

    response = api_client.get(LIST_URL)

    assert response.status_code == 200
    assert response.data["count"] == 3
    names = [(item["namespace"], item["name"]) for item in response.data["results"]]
    assert names == [("apps", "beta"), ("kasten-io", "alpha"), ("kasten-io", "zeta")]


def test_list_is_paginated_by_fifty(api_client):
    for i in range(52):
        store_yaml(blueprint_yaml(f"bp-{i:02}"))

    first = api_client.get(LIST_URL)
    second = api_client.get(first.data["next"])

    assert first.data["count"] == 52
    assert len(first.data["results"]) == 50
    assert [item["name"] for item in second.data["results"]] == ["bp-50", "bp-51"]
    assert second.data["next"] is None


def test_list_filters_by_namespace_and_name(api_client):
    store_yaml(blueprint_yaml("mysql", namespace="kasten-io"))
    store_yaml(blueprint_yaml("mysql", namespace="apps"))
    store_yaml(blueprint_yaml("postgres", namespace="apps"))

    by_namespace = api_client.get(LIST_URL, {"namespace": "apps"})
    by_both = api_client.get(LIST_URL, {"namespace": "apps", "name": "mysql"})

    assert [item["name"] for item in by_namespace.data["results"]] == ["mysql", "postgres"]
    assert [(item["namespace"], item["name"]) for item in by_both.data["results"]] == [
        ("apps", "mysql")
    ]


def test_list_searches_names_and_orders_on_request(api_client):
    store_yaml(blueprint_yaml("mysql-logical"))
    store_yaml(blueprint_yaml("mysql-physical"))
    store_yaml(blueprint_yaml("postgres"))

    response = api_client.get(LIST_URL, {"search": "mysql", "ordering": "-name"})

    assert [item["name"] for item in response.data["results"]] == [
        "mysql-physical",
        "mysql-logical",
    ]


def test_list_query_count_does_not_grow_with_blueprints(
    api_client, demo_data, django_assert_max_num_queries
):
    assert Blueprint.objects.count() >= 8

    with django_assert_max_num_queries(2):
        response = api_client.get(LIST_URL)

    assert response.status_code == 200
    assert all(item["current_revision"]["number"] == 1 for item in response.data["results"])


def test_retrieve_shows_source_manifest_actions_and_current_revision(api_client, blueprint):
    response = api_client.get(detail_url(blueprint))

    assert response.status_code == 200
    assert response["ETag"] == f'"blueprint-{blueprint.pk}-r1"'
    data = response.data
    assert data["source"] == blueprint_yaml("demo-bp")
    assert data["manifest"]["metadata"] == {"name": "demo-bp", "namespace": "kasten-io"}
    assert data["action_names"] == ["backupPrehook"]
    assert data["revision"] == 1
    assert data["current_revision"]["author"] == "alice"
    assert data["current_revision"]["message"] == "First draft"
    assert data["current_revision"]["content_hash"] == blueprint.content_hash
    assert "base_revision" not in data
    assert "message" not in data


def test_retrieve_unknown_blueprint_is_404_in_the_error_shape(api_client):
    response = api_client.get(reverse("api:blueprint-detail", args=[999]))

    assert response.status_code == 404
    assert response.data == {
        "errors": [
            {
                "file": None,
                "line": None,
                "column": None,
                "field": None,
                "message": "No Blueprint matches the given query.",
            }
        ]
    }


def test_create_stores_the_first_revision_with_author_and_message(api_client):
    source = "# Kept as written\n" + blueprint_yaml("new-bp")

    response = api_client.post(LIST_URL, {"source": source, "message": "Created"}, format="json")

    assert response.status_code == 201
    blueprint = Blueprint.objects.get(name="new-bp")
    assert response["ETag"] == f'"blueprint-{blueprint.pk}-r1"'
    assert response.data["source"] == source
    assert blueprint.source == source
    revision = blueprint.revisions.get()
    assert (revision.number, revision.author.username, revision.message) == (1, "alice", "Created")


def test_create_of_an_existing_blueprint_is_a_409(api_client, blueprint):
    response = api_client.post(
        LIST_URL, {"source": blueprint_yaml("demo-bp", action="other")}, format="json"
    )

    assert response.status_code == 409
    assert response.data["errors"][0]["field"] == "base_revision"
    assert response.data["errors"][0]["message"] == (
        "blueprint kasten-io/demo-bp already exists at revision 1: "
        "update it with PUT or PATCH and base_revision 1"
    )
    assert response.data["current_revision"] == 1
    assert response.data["current_etag"] == f'"blueprint-{blueprint.pk}-r1"'
    blueprint.refresh_from_db()
    assert "other" not in blueprint.source


def test_create_refuses_a_base_revision(api_client):
    response = api_client.post(
        LIST_URL, {"source": blueprint_yaml(), "base_revision": 3}, format="json"
    )

    assert response.status_code == 400
    assert response.data["errors"][0]["field"] == "base_revision"
    assert response.data["errors"][0]["message"].startswith(
        "a new object has no revision to be based on"
    )
    assert not Blueprint.objects.exists()


def test_create_without_source_names_the_field(api_client):
    response = api_client.post(LIST_URL, {}, format="json")

    assert response.status_code == 400
    assert response.data["errors"] == [
        {
            "file": None,
            "line": None,
            "column": None,
            "field": "source",
            "message": "This field is required.",
        }
    ]


def test_broken_yaml_answers_400_with_its_line_and_column(api_client):
    source = "apiVersion: cr.kanister.io/v1alpha1\nkind: Blueprint\nmetadata:\n  name: [oops\n"

    response = api_client.post(LIST_URL, {"source": source}, format="json")

    assert response.status_code == 400
    (error,) = response.data["errors"]
    assert (error["file"], error["field"]) == ("new.yaml", "source")
    assert (error["line"], error["column"]) == (5, 1)
    assert "flow sequence" in error["message"]


def test_a_document_of_another_kind_answers_400(api_client):
    source = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n"

    response = api_client.post(LIST_URL, {"source": source}, format="json")

    assert response.status_code == 400
    assert response.data["errors"] == [
        {
            "file": "new.yaml",
            "line": 1,
            "column": 1,
            "field": "source",
            "message": "expected a Blueprint (cr.kanister.io/v1alpha1), found Namespace",
        }
    ]


def test_two_documents_answer_400(api_client):
    source = blueprint_yaml("one") + "---\n" + blueprint_yaml("two")

    response = api_client.post(LIST_URL, {"source": source}, format="json")

    assert response.status_code == 400
    assert response.data["errors"][0]["message"] == "expected one document, found 2 documents"
    assert not Blueprint.objects.exists()


def test_an_invalid_name_is_reported_at_its_position(api_client):
    response = api_client.post(LIST_URL, {"source": blueprint_yaml("Not_Valid")}, format="json")

    assert response.status_code == 400
    (error,) = response.data["errors"]
    assert (error["line"], error["column"]) == (4, 9)
    assert error["message"].startswith("metadata.name 'Not_Valid' is not a valid Kubernetes name")


def test_update_with_base_revision_saves_the_next_revision(api_client, blueprint):
    source = blueprint_yaml("demo-bp", action="restorePosthook")

    response = api_client.put(
        detail_url(blueprint),
        {"source": source, "base_revision": 1, "message": "Rename action"},
        format="json",
    )

    assert response.status_code == 200
    assert response["ETag"] == f'"blueprint-{blueprint.pk}-r2"'
    assert response.data["revision"] == 2
    assert response.data["action_names"] == ["restorePosthook"]
    assert response.data["current_revision"]["message"] == "Rename action"
    assert list(blueprint.revisions.values_list("number", flat=True)) == [2, 1]


def test_patch_changes_the_source(api_client, blueprint):
    source = blueprint_yaml("demo-bp", action="backupPosthook")

    response = api_client.patch(
        detail_url(blueprint), {"source": source, "base_revision": 1}, format="json"
    )

    assert response.status_code == 200
    blueprint.refresh_from_db()
    assert (blueprint.revision, blueprint.source) == (2, source)


def test_patch_without_source_keeps_the_source_and_revision(api_client, blueprint):
    response = api_client.patch(detail_url(blueprint), {"base_revision": 1}, format="json")

    assert response.status_code == 200
    assert (response.data["revision"], response.data["source"]) == (1, blueprint.source)


def test_update_with_the_same_source_keeps_the_revision(api_client, blueprint):
    response = api_client.put(
        detail_url(blueprint), {"source": blueprint.source, "base_revision": 1}, format="json"
    )

    assert response.status_code == 200
    assert response.data["revision"] == 1
    assert blueprint.revisions.count() == 1


@pytest.mark.parametrize("method", ["put", "patch"])
def test_update_without_base_revision_or_if_match_is_refused(api_client, blueprint, method):
    source = blueprint_yaml("demo-bp", action="blind")

    response = getattr(api_client, method)(detail_url(blueprint), {"source": source}, format="json")

    assert response.status_code == 400
    assert response.data["errors"] == [
        {
            "file": None,
            "line": None,
            "column": None,
            "field": "base_revision",
            "message": "base_revision is required to update: send the revision your edit is "
            "based on (or its ETag in an If-Match header), so that nobody's save is silently "
            "overwritten",
        }
    ]
    blueprint.refresh_from_db()
    assert blueprint.revision == 1


def test_the_second_of_two_edits_from_the_same_revision_gets_409(api_client, bob_client, blueprint):
    alices = blueprint_yaml("demo-bp", action="alicesAction")
    bobs = blueprint_yaml("demo-bp", action="bobsAction")
    first = api_client.put(
        detail_url(blueprint), {"source": alices, "base_revision": 1}, format="json"
    )

    second = bob_client.put(
        detail_url(blueprint), {"source": bobs, "base_revision": 1}, format="json"
    )

    assert first.status_code == 200
    assert second.status_code == 409
    assert second["ETag"] == f'"blueprint-{blueprint.pk}-r2"'
    assert second.data["errors"][0]["field"] == "base_revision"
    assert second.data["errors"][0]["message"] == (
        "based on revision 1, but the current revision is 2: someone saved blueprint "
        "kasten-io/demo-bp since; review `changes` and send your edit again with base_revision 2"
    )
    assert second.data["current_revision"] == 2
    assert second.data["current_etag"] == f'"blueprint-{blueprint.pk}-r2"'
    changes = second.data["changes"]
    assert changes.startswith("--- demo-bp.yaml@r1\n+++ demo-bp.yaml@r2\n")
    assert "-  backupPrehook:\n" in changes
    assert "+  alicesAction:\n" in changes
    blueprint.refresh_from_db()
    assert blueprint.source == alices
    assert blueprint.revisions.count() == 2


def test_if_match_with_the_current_etag_updates(api_client, blueprint):
    tag = api_client.get(detail_url(blueprint))["ETag"]
    source = blueprint_yaml("demo-bp", action="viaEtag")

    response = api_client.put(
        detail_url(blueprint), {"source": source}, format="json", HTTP_IF_MATCH=tag
    )

    assert response.status_code == 200
    assert response["ETag"] == f'"blueprint-{blueprint.pk}-r2"'


def test_if_match_with_a_stale_etag_gets_412(api_client, bob_client, blueprint):
    tag = bob_client.get(detail_url(blueprint))["ETag"]
    api_client.put(
        detail_url(blueprint),
        {"source": blueprint_yaml("demo-bp", action="first"), "base_revision": 1},
        format="json",
    )

    response = bob_client.patch(
        detail_url(blueprint),
        {"source": blueprint_yaml("demo-bp", action="second")},
        format="json",
        HTTP_IF_MATCH=tag,
    )

    current = f'"blueprint-{blueprint.pk}-r2"'
    assert response.status_code == 412
    assert response["ETag"] == current
    assert response.data["errors"][0]["message"] == (
        f"If-Match {tag} does not match the current ETag {current}: blueprint kasten-io/demo-bp "
        "was saved since (revision 2); fetch it again and reapply your edit"
    )
    assert response.data["current_revision"] == 2
    assert "+  first:\n" in response.data["changes"]
    blueprint.refresh_from_db()
    assert "first:" in blueprint.source


def test_if_match_takes_precedence_over_base_revision(api_client, blueprint):
    current = f'"blueprint-{blueprint.pk}-r1"'
    stale = f'"blueprint-{blueprint.pk}-r0"'
    source = blueprint_yaml("demo-bp", action="precedence")

    refused = api_client.put(
        detail_url(blueprint),
        {"source": source, "base_revision": 1},
        format="json",
        HTTP_IF_MATCH=stale,
    )
    accepted = api_client.put(
        detail_url(blueprint),
        {"source": source, "base_revision": 7},
        format="json",
        HTTP_IF_MATCH=current,
    )

    assert refused.status_code == 412
    assert accepted.status_code == 200
    assert accepted.data["revision"] == 2


def test_if_match_star_names_no_revision_so_base_revision_is_still_required(api_client, blueprint):
    response = api_client.put(
        detail_url(blueprint),
        {"source": blueprint_yaml("demo-bp", action="x")},
        format="json",
        HTTP_IF_MATCH="*",
    )

    assert response.status_code == 400
    assert response.data["errors"][0]["field"] == "base_revision"


def test_a_renaming_update_is_refused_at_the_name(api_client, blueprint):
    response = api_client.put(
        detail_url(blueprint),
        {"source": blueprint_yaml("renamed"), "base_revision": 1},
        format="json",
    )

    assert response.status_code == 400
    (error,) = response.data["errors"]
    assert (error["file"], error["line"], error["column"], error["field"]) == (
        "demo-bp.yaml",
        4,
        9,
        "source",
    )
    assert error["message"] == (
        "name is 'renamed' but this object's is 'demo-bp': "
        "renaming is not supported, import it as a new object instead"
    )
    assert not Blueprint.objects.filter(name="renamed").exists()


def test_update_keeps_line_ends_as_lf(api_client, blueprint):
    source = blueprint_yaml("demo-bp", action="crlf")

    api_client.put(
        detail_url(blueprint),
        {"source": source.replace("\n", "\r\n"), "base_revision": 1},
        format="json",
    )

    blueprint.refresh_from_db()
    assert blueprint.source == source


def test_delete_removes_the_blueprint_and_its_history(api_client, blueprint):
    response = api_client.delete(detail_url(blueprint))

    assert response.status_code == 204
    assert not Blueprint.objects.exists()
    assert not BlueprintRevision.objects.exists()


def test_delete_with_the_current_etag(api_client, blueprint):
    response = api_client.delete(
        detail_url(blueprint), HTTP_IF_MATCH=f'"blueprint-{blueprint.pk}-r1"'
    )

    assert response.status_code == 204
    assert not Blueprint.objects.exists()


def test_delete_with_a_stale_etag_gets_412(api_client, blueprint):
    stale = f'"blueprint-{blueprint.pk}-r1"'
    api_client.put(
        detail_url(blueprint),
        {"source": blueprint_yaml("demo-bp", action="newer"), "base_revision": 1},
        format="json",
    )

    response = api_client.delete(detail_url(blueprint), HTTP_IF_MATCH=stale)

    assert response.status_code == 412
    assert response["ETag"] == f'"blueprint-{blueprint.pk}-r2"'
    assert response.data["current_revision"] == 2
    assert Blueprint.objects.filter(pk=blueprint.pk).exists()


def test_a_body_over_the_size_limit_gets_the_error_shape(api_client, settings):
    body = '{"source": "' + "a" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1) + '"}'
    response = api_client.post(LIST_URL, body, content_type="application/json")
    assert response.status_code == 400
    limit = f"{settings.DATA_UPLOAD_MAX_MEMORY_SIZE:,}"
    assert response.json() == {
        "errors": [
            {
                "file": None,
                "line": None,
                "column": None,
                "field": None,
                "message": f"the request body is larger than {limit} bytes",
            }
        ]
    }
