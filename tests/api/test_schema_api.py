"""The OpenAPI schema and its Swagger UI, served from local assets."""

import pytest
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_schema_is_served(auth_client):
    response = auth_client.get(reverse("api:schema"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi")
    text = response.content.decode()
    for path in (
        "/api/blueprints/{id}/:",
        "/api/blueprints/{blueprint_id}/revisions/{number}/:",
        "/api/bindings/{id}/:",
        "/api/policies/{id}/:",
        "/api/resources/{id}/:",
        "/api/namespaces/:",
        "/api/lint:",
    ):
        assert path in text


def test_schema_generates_without_warnings(tmp_path):
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml")
    )

    assert "If-Match" in (tmp_path / "schema.yaml").read_text()


def test_docs_page_uses_the_vendored_swagger_ui(auth_client):
    response = auth_client.get(reverse("api:docs"))

    assert response.status_code == 200
    page = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower()
    assert reverse("api:schema") in page
