"""Deleting an inventory resource: only by POST."""

import pytest

from blueprints_ui.inventory.models import Resource

pytestmark = pytest.mark.django_db


def test_deleting_removes_the_resource_and_returns_to_the_list(auth_client, demo_data):
    pvc = Resource.objects.get(name="time-log-pvc")

    response = auth_client.post(f"/inventory/{pvc.pk}/delete/", follow=True)

    assert response.redirect_chain == [("/inventory/", 302)]
    text = response.content.decode()
    assert "Deleted PersistentVolumeClaim/shop/time-log-pvc." in text
    assert ">data-mysql-0</a>" in text
    assert not Resource.objects.filter(name="time-log-pvc").exists()


def test_a_get_request_deletes_nothing(auth_client, demo_data):
    pvc = Resource.objects.get(name="time-log-pvc")

    assert auth_client.get(f"/inventory/{pvc.pk}/delete/").status_code == 405
    assert Resource.objects.filter(name="time-log-pvc").exists()
