"""Deleting a binding: only by POST, then back to the list with a note."""

import pytest

from blueprints_ui.kasten.models import BlueprintBinding

pytestmark = pytest.mark.django_db
URL = "/kasten/bindings/kasten-io/mysql-statefulsets/delete/"


def test_deleting_removes_the_binding_and_returns_to_the_list(auth_client, demo_data):
    response = auth_client.post(URL, follow=True)

    assert response.redirect_chain == [("/kasten/bindings/", 302)]
    text = response.content.decode()
    assert "Deleted binding kasten-io/mysql-statefulsets." in text
    assert "csi-snapshot-deployments" in text
    assert not BlueprintBinding.objects.filter(name="mysql-statefulsets").exists()


def test_a_get_request_deletes_nothing(auth_client, demo_data):
    response = auth_client.get(URL)

    assert response.status_code == 405
    assert BlueprintBinding.objects.filter(name="mysql-statefulsets").exists()


def test_an_anonymous_user_cannot_delete(client, demo_data):
    response = client.post(URL)

    assert response.status_code == 302
    assert BlueprintBinding.objects.filter(name="mysql-statefulsets").exists()
