"""POST /api/render: a template and a context in, Kanister's rendering out; nothing is stored."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = reverse("api:render")


def test_the_url_is_api_render():
    assert URL == "/api/render"


def test_it_renders_with_kanisters_functions(api_client):
    response = api_client.post(
        URL,
        {
            "template": '{{ index .Secrets.db.Data "password" | toString | b64enc }}',
            "context": {"Secrets": {"db": {"Data": {"password": {"$bytes": "cGFzcw=="}}}}},
        },
        format="json",
    )
    assert response.status_code == 200
    assert response.json() == {"output": "cGFzcw==", "error": None}


def test_a_render_error_is_an_answer_with_position_and_kanisters_message(api_client):
    response = api_client.post(URL, {"template": "a{{ .Options.mode }}"}, format="json")
    assert response.status_code == 200
    assert response.json() == {
        "output": None,
        "error": {
            "message": 'template: config:1:12: executing "config" at <.Options.mode>: '
            'map has no entry for key "Options"',
            "kanister_message": 'Failed to render template: "Options" not found',
            "line": 1,
            "column": 13,
            "partial": "a",
        },
    }


def test_missingkey_zero_is_selectable(api_client):
    response = api_client.post(
        URL, {"template": "[{{ .x }}]", "context": {}, "missingkey": "zero"}, format="json"
    )
    assert response.json()["output"] == "[<no value>]"


def test_a_body_without_a_template_is_a_400_naming_the_field(api_client):
    response = api_client.post(URL, {"context": {}}, format="json")
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert (error["field"], error["message"]) == ("template", "This field is required.")


def test_an_unknown_missingkey_mode_is_a_400(api_client):
    response = api_client.post(URL, {"template": "x", "missingkey": "invalid!"}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "missingkey"


def test_it_needs_authentication(client):
    response = client.post(URL, {"template": "x"}, content_type="application/json")
    assert response.status_code in (401, 403)
