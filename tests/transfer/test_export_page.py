"""The export download: one YAML stream of everything, or of the kinds asked for."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from blueprints_ui.transfer.exporting import export_stream, exported_objects
from lifecycle.yamlpos import split_documents
from tests.transfer.helpers import empty_database, stored

pytestmark = pytest.mark.django_db

URL = "/transfer/export/"


def kinds_in(response) -> list[str]:
    split = split_documents(response.content.decode(), "export.yaml")
    assert split.errors == []
    return [document.data["kind"] for document in split.documents]


def test_it_downloads_every_stored_object_as_one_yaml_attachment(auth_client, demo_data):
    response = auth_client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/yaml; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="blueprint-studio-export.yaml"'
    assert response.content.decode() == export_stream(exported_objects())
    assert len(kinds_in(response)) == 27


def test_each_source_is_in_the_download_byte_for_byte(auth_client, demo_data):
    text = auth_client.get(URL).content.decode()
    for source in stored().values():
        assert "---\n" + source in text


def test_kind_limits_the_download_to_that_kind(auth_client, demo_data):
    response = auth_client.get(URL, {"kind": "blueprints"})
    assert response.status_code == 200
    assert kinds_in(response) == ["Blueprint"] * 11


def test_kind_can_be_repeated(auth_client, demo_data):
    response = auth_client.get(URL + "?kind=policies&kind=inventory")
    assert sorted(set(kinds_in(response))) == [
        "Deployment",
        "Namespace",
        "PersistentVolumeClaim",
        "Policy",
        "StatefulSet",
    ]


def test_an_unknown_kind_is_a_400_naming_the_allowed_ones(auth_client):
    response = auth_client.get(URL, {"kind": ["blueprints", "secrets"]})
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == (
        "Unknown kind 'secrets': choose from blueprints, bindings, policies, inventory, "
        "hooktemplates, backupconfigurations, restoresessions."
    )


def test_the_blueprint_list_download_link_works(auth_client, demo_data):
    page = auth_client.get("/blueprints/")
    assert 'href="/transfer/export/?kind=blueprints"' in page.content.decode()
    assert kinds_in(auth_client.get(URL + "?kind=blueprints")) == ["Blueprint"] * 11


def test_an_empty_database_downloads_only_the_header(auth_client):
    response = auth_client.get(URL)
    assert response.status_code == 200
    assert split_documents(response.content.decode(), "export.yaml").documents == []


def test_an_anonymous_visitor_is_sent_to_log_in(client, demo_data):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == f"/login/?next={URL}"


def test_only_get_is_allowed(auth_client):
    assert auth_client.post(URL).status_code == 405


def test_uploading_the_download_into_an_empty_database_gives_the_same_objects(
    auth_client, demo_data
):
    before = stored()
    download = auth_client.get(URL).content
    empty_database()
    upload = SimpleUploadedFile("blueprint-studio-export.yaml", download)
    response = auth_client.post("/transfer/import/", {"files": [upload]})
    assert response.status_code == 200
    assert stored() == before
