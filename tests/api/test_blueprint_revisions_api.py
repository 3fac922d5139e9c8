"""/api/blueprints/{id}/revisions/: the read-only history of one blueprint."""

import pytest
from django.urls import reverse

from blueprints_ui.blueprints.models import Blueprint
from tests.factories import blueprint_yaml, store_yaml

pytestmark = pytest.mark.django_db


def list_url(blueprint: Blueprint) -> str:
    return reverse("api:blueprint-revision-list", args=[blueprint.pk])


def detail_url(blueprint: Blueprint, number: int) -> str:
    return reverse("api:blueprint-revision-detail", args=[blueprint.pk, number])


@pytest.fixture
def blueprint(user, other_user):
    store_yaml(blueprint_yaml("demo-bp"), author=user, message="First draft")
    store_yaml(blueprint_yaml("demo-bp", action="second"), author=other_user, message="Second")
    return store_yaml(blueprint_yaml("demo-bp", action="third"), author=user, message="Third")


def test_revisions_list_newest_first_with_author_and_message(api_client, blueprint):
    response = api_client.get(list_url(blueprint))

    assert response.status_code == 200
    assert response.data["count"] == 3
    rows = [(r["number"], r["author"], r["message"]) for r in response.data["results"]]
    assert rows == [(3, "alice", "Third"), (2, "bob", "Second"), (1, "alice", "First draft")]
    assert "source" not in response.data["results"][0]


def test_revisions_list_only_that_blueprints_history(api_client, blueprint):
    other = store_yaml(blueprint_yaml("other-bp"))

    response = api_client.get(list_url(other))

    assert [r["number"] for r in response.data["results"]] == [1]


def test_revision_detail_has_the_source_of_that_revision(api_client, blueprint):
    response = api_client.get(detail_url(blueprint, 2))

    assert response.status_code == 200
    assert response.data["number"] == 2
    assert response.data["source"] == blueprint_yaml("demo-bp", action="second")
    assert response.data["content_hash"] == blueprint.revisions.get(number=2).content_hash


def test_revisions_of_an_unknown_blueprint_are_404(api_client):
    response = api_client.get(reverse("api:blueprint-revision-list", args=[999]))

    assert response.status_code == 404


def test_an_unknown_revision_number_is_404(api_client, blueprint):
    response = api_client.get(detail_url(blueprint, 9))

    assert response.status_code == 404


def test_revisions_are_read_only(api_client, blueprint):
    response = api_client.post(list_url(blueprint), {"source": "x"}, format="json")

    assert response.status_code == 405
    assert response.data["errors"][0]["message"] == 'Method "POST" not allowed.'


def test_revisions_list_query_count_does_not_grow(
    api_client, blueprint, django_assert_max_num_queries
):
    for i in range(10):
        store_yaml(blueprint_yaml("demo-bp", action=f"more{i}"))

    with django_assert_max_num_queries(3):
        response = api_client.get(list_url(blueprint))

    assert response.data["count"] == 13
