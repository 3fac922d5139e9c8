"""Deleting a policy: only by POST; its hooks go with it."""

import pytest

from blueprints_ui.kasten.models import Policy, PolicyHook

pytestmark = pytest.mark.django_db
URL = "/kasten/policies/kasten-io/shop-daily/delete/"


def test_deleting_removes_the_policy_and_its_hooks(auth_client, demo_data):
    response = auth_client.post(URL, follow=True)

    assert response.redirect_chain == [("/kasten/policies/", 302)]
    assert "Deleted policy kasten-io/shop-daily." in response.content.decode()
    assert not Policy.objects.exists()
    assert not PolicyHook.objects.exists()


def test_a_get_request_deletes_nothing(auth_client, demo_data):
    assert auth_client.get(URL).status_code == 405
    assert Policy.objects.filter(name="shop-daily").exists()
