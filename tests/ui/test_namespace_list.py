"""The namespaces overview: each namespace with how many resources of each kind live there."""

import pytest

from blueprints_ui.inventory.models import Resource
from tests.factories import store_yaml

pytestmark = pytest.mark.django_db
URL = "/inventory/namespaces/"


def test_it_counts_resources_per_kind_and_links_the_filtered_list(auth_client, demo_data):
    response = auth_client.get(URL)

    assert response.status_code == 200
    text = response.content.decode()
    assert '<a href="/inventory/?ns=shop">shop</a>' in text
    assert '<a href="/inventory/?ns=shop&amp;kind=StatefulSet">3</a>' in text
    assert '<a href="/inventory/?ns=shop&amp;kind=Deployment">2</a>' in text
    assert '<a href="/inventory/?ns=shop&amp;kind=PersistentVolumeClaim">2</a>' in text
    shop = Resource.objects.get(kind="Namespace", name="shop")
    assert f'<a href="/inventory/{shop.pk}/">Namespace shop</a>' in text
    assert '<span class="badge off">team=storefront</span>' in text


def test_a_namespace_only_used_by_resources_is_listed_as_not_imported(auth_client, demo_data):
    store_yaml("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: scratch\n")

    text = auth_client.get(URL).content.decode()

    assert '<a href="/inventory/?ns=default">default</a>' in text
    assert "not imported</span>" in text
    assert '<a href="/inventory/?ns=default&amp;kind=PersistentVolumeClaim">1</a>' in text


def test_an_empty_inventory_invites_an_import(auth_client):
    assert "The inventory is empty." in auth_client.get(URL).content.decode()


def test_an_anonymous_user_is_sent_to_the_login_page(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == f"/login/?next={URL}"
