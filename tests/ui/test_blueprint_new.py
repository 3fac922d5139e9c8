import pytest

from blueprints_ui.blueprints.models import Blueprint
from tests.factories import blueprint_yaml, store_yaml

pytestmark = pytest.mark.django_db
URL = "/blueprints/new/"


def test_the_form_offers_a_starting_blueprint(auth_client):
    page = auth_client.get(URL).content.decode()
    assert "kind: Blueprint" in page
    assert 'name="base_revision" value="0"' in page


def test_it_creates_a_blueprint_at_revision_one(auth_client, user):
    response = auth_client.post(URL, {"source": blueprint_yaml("fresh"), "base_revision": 0})
    assert response["Location"] == "/blueprints/kasten-io/fresh/"
    blueprint = Blueprint.objects.get(name="fresh")
    assert (blueprint.revision, blueprint.current_revision.author) == (1, user)


def test_it_refuses_to_overwrite_an_existing_blueprint(auth_client):
    store_yaml(blueprint_yaml("taken"))
    response = auth_client.post(
        URL, {"source": blueprint_yaml("taken").replace("busybox", "x"), "base_revision": 0}
    )
    assert response.status_code == 422
    assert "A blueprint kasten-io/taken already exists." in response.content.decode()
    assert "busybox" in Blueprint.objects.get(name="taken").source
