"""Editing an inventory resource: a new revision, 422 for bad YAML, 409 for a stale base."""

import pytest
from markupsafe import escape

from blueprints_ui.inventory.models import Resource
from tests.factories import store_yaml

pytestmark = pytest.mark.django_db


@pytest.fixture
def storefront(demo_data) -> Resource:
    return Resource.objects.get(kind="Deployment", name="storefront")


def edit_url(resource: Resource) -> str:
    return f"/inventory/{resource.pk}/edit/"


def test_the_form_holds_the_stored_yaml(auth_client, storefront):
    response = auth_client.get(edit_url(storefront))

    assert response.status_code == 200
    assert str(escape(storefront.source)) in response.content.decode()
    assert '<label for="id_source">Deployment YAML</label>' in response.content.decode()


def test_saving_stores_the_text_exactly_and_refreshes_labels(auth_client, storefront):
    edited = storefront.source.replace(
        "    app: storefront\n", "    app: storefront\n    tier: web\n", 1
    )

    response = auth_client.post(edit_url(storefront), {"source": edited, "base_revision": 1})

    assert response.status_code == 302
    assert response["Location"] == f"/inventory/{storefront.pk}/"
    storefront.refresh_from_db()
    assert storefront.revision == 2
    assert storefront.source == edited
    assert storefront.labels == {"app": "storefront", "tier": "web"}
    page = auth_client.get(response["Location"]).content.decode()
    assert "Saved Deployment/shop/storefront as revision 2." in page


def test_broken_yaml_gets_422_with_the_message_at_its_line_and_column(auth_client, storefront):
    broken = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: storefront\n   labels: x\n"

    response = auth_client.post(edit_url(storefront), {"source": broken, "base_revision": 1})

    assert response.status_code == 422
    assert (
        "<li>deployment-storefront.yaml:5:10: mapping values are not allowed in this context</li>"
    ) in response.content.decode()
    storefront.refresh_from_db()
    assert storefront.revision == 1


def test_changing_the_kind_gets_422_and_creates_nothing(auth_client, storefront):
    as_statefulset = storefront.source.replace("kind: Deployment", "kind: StatefulSet")
    form = {"source": as_statefulset, "base_revision": 1}

    response = auth_client.post(edit_url(storefront), form)

    assert response.status_code == 422
    assert "renaming is not supported" in response.content.decode()
    assert not Resource.objects.filter(kind="StatefulSet", name="storefront").exists()


def test_a_stale_base_revision_gets_409_and_overwrites_nothing(auth_client, storefront):
    theirs = storefront.source.replace("replicas: 2", "replicas: 3")
    store_yaml(theirs)
    mine = storefront.source.replace("nginx:1.27", "nginx:1.28")

    response = auth_client.post(edit_url(storefront), {"source": mine, "base_revision": 1})

    assert response.status_code == 409
    text = response.content.decode()
    assert "Someone else saved revision 2 while you were editing revision 1." in text
    assert "replicas: 3" in text
    assert '<input type="hidden" name="base_revision" value="2">' in text
    storefront.refresh_from_db()
    assert storefront.source == theirs


def test_an_anonymous_user_cannot_edit(client, storefront):
    response = client.post(edit_url(storefront), {"source": "x", "base_revision": 1})

    assert response.status_code == 302
    assert response["Location"].startswith("/login/")
