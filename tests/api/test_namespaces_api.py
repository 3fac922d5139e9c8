"""/api/namespaces/: the namespaces the inventory declares or has resources in."""

import pytest
from django.urls import reverse

from tests.factories import store_yaml

pytestmark = pytest.mark.django_db

LIST_URL = reverse("api:namespace-list")


def test_namespaces_lists_declared_and_used_namespaces(api_client):
    store_yaml("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n")
    store_yaml(
        "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\n  namespace: crm\n"
    )

    response = api_client.get(LIST_URL)

    assert response.status_code == 200
    assert response.data["count"] == 2
    assert response.data["results"] == [{"name": "crm"}, {"name": "shop"}]


def test_namespaces_are_read_only(api_client):
    response = api_client.post(LIST_URL, {"name": "x"}, format="json")

    assert response.status_code == 405
