"""POST /api/lint: a YAML text in, the linter's report out; nothing is stored."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from blueprints_ui.blueprints.models import Blueprint
from lifecycle.lint import Options, lint_text
from lifecycle.lint.formats import as_json
from tests.factories import blueprint_yaml

pytestmark = pytest.mark.django_db

URL = reverse("api:lint")
BROKEN = blueprint_yaml("broken").replace("func: KubeTask", "func: KubeTaskk")


def error(field: str | None, message: str) -> dict:
    return {"file": None, "line": None, "column": None, "field": field, "message": message}


def test_the_url_is_api_lint():
    assert URL == "/api/lint"


def test_it_answers_the_report_of_the_text_as_input_yaml(api_client):
    response = api_client.post(URL, {"yaml": BROKEN}, format="json")

    assert response.status_code == 200
    assert response.json() == as_json([lint_text(BROKEN, "input.yaml")])
    (file,) = response.json()["files"]
    assert file["path"] == "input.yaml"
    unknown = next(d for d in file["diagnostics"] if d["code"] == "BP010")
    assert (unknown["line"], unknown["column"], unknown["severity"]) == (9, 13, "error")
    assert unknown["message"].startswith("unknown function 'KubeTaskk'")
    assert unknown["hint"] == "did you mean `KubeTask`? Function names are case-sensitive"
    assert unknown["object"] == "Blueprint/broken"
    assert unknown["location"] == "actions.backupPrehook.phases[0].func"
    assert response.json()["summary"]["errors"] == 1


def test_a_file_field_names_the_report(api_client):
    response = api_client.post(URL, {"yaml": BROKEN, "file": "mysql.yaml"}, format="json")

    assert response.json()["files"][0]["path"] == "mysql.yaml"


def test_a_clean_blueprint_has_no_errors(api_client):
    response = api_client.post(URL, {"yaml": blueprint_yaml("clean")}, format="json")

    assert response.status_code == 200
    assert response.json()["summary"]["errors"] == 0


def test_profile_and_kasten_version_are_honoured(api_client):
    text = blueprint_yaml("bp", action="backupPrehok")

    kasten = api_client.post(URL, {"yaml": text, "profile": "kasten"}, format="json")
    kanister = api_client.post(URL, {"yaml": text, "profile": "kanister"}, format="json")
    versioned = api_client.post(URL, {"yaml": text, "kasten_version": "9.0.10"}, format="json")

    def codes(response) -> set[str]:
        return {d["code"] for d in response.json()["files"][0]["diagnostics"]}

    assert "BP021" in codes(kasten)
    assert "BP021" not in codes(kanister)
    assert versioned.json() == as_json(
        [lint_text(text, "input.yaml", Options(kasten_version="9.0.10"))]
    )


def test_the_settings_give_the_defaults(api_client, settings):
    settings.LINT_PROFILE = "kanister"
    text = blueprint_yaml("bp", action="backupPrehok")

    response = api_client.post(URL, {"yaml": text}, format="json")

    assert "BP021" not in {d["code"] for d in response.json()["files"][0]["diagnostics"]}


def test_windows_line_ends_give_the_same_positions(api_client):
    response = api_client.post(URL, {"yaml": BROKEN.replace("\n", "\r\n")}, format="json")

    assert response.json() == as_json([lint_text(BROKEN, "input.yaml")])


def test_broken_yaml_is_a_finding_not_a_bad_request(api_client):
    response = api_client.post(URL, {"yaml": "kind: Blueprint\nactions: [\n"}, format="json")

    assert response.status_code == 200
    codes = [d["code"] for d in response.json()["files"][0]["diagnostics"]]
    assert "BP001" in codes


def test_nothing_is_stored(api_client):
    api_client.post(URL, {"yaml": blueprint_yaml("not-saved")}, format="json")

    assert not Blueprint.objects.exists()


class TestBadBodies:
    def test_a_missing_yaml_names_the_field(self, api_client):
        response = api_client.post(URL, {}, format="json")

        assert response.status_code == 400
        assert response.json() == {"errors": [error("yaml", "This field is required.")]}

    def test_empty_yaml_is_refused(self, api_client):
        response = api_client.post(URL, {"yaml": " \n"}, format="json")

        assert response.status_code == 400
        assert response.json() == {"errors": [error("yaml", "is empty: send the YAML to lint")]}

    def test_an_unknown_profile_is_refused(self, api_client):
        response = api_client.post(URL, {"yaml": BROKEN, "profile": "k10"}, format="json")

        assert response.status_code == 400
        assert response.json() == {"errors": [error("profile", '"k10" is not a valid choice.')]}

    def test_a_bad_kasten_version_is_refused_with_the_expected_form(self, api_client):
        response = api_client.post(URL, {"yaml": BROKEN, "kasten_version": "nine"}, format="json")

        assert response.status_code == 400
        assert response.json() == {
            "errors": [
                error("kasten_version", "Kasten version 'nine' is not of the form 8.5 or 9.0.10")
            ]
        }

    def test_yaml_over_the_size_limit_is_refused(self, api_client, settings):
        settings.YAML_MAX_BYTES = 100

        response = api_client.post(URL, {"yaml": "é" * 51}, format="json")

        assert response.status_code == 400
        assert response.json() == {
            "errors": [error("yaml", "102 bytes is larger than the limit of 100 bytes")]
        }

    def test_yaml_that_is_not_a_string_is_refused(self, api_client):
        response = api_client.post(URL, {"yaml": {"kind": "Blueprint"}}, format="json")

        assert response.status_code == 400
        assert response.json() == {"errors": [error("yaml", "Not a valid string.")]}

    def test_malformed_json_is_refused(self, api_client):
        response = api_client.post(URL, '{"yaml": ', content_type="application/json")

        assert response.status_code == 400
        assert response.json()["errors"][0]["message"].startswith("JSON parse error")

    def test_a_body_that_is_not_an_object_is_refused(self, api_client):
        response = api_client.post(URL, ["kind: Blueprint"], format="json")

        assert response.status_code == 400
        assert response.json() == {
            "errors": [error(None, "Invalid data. Expected a dictionary, but got list.")]
        }

    def test_get_is_not_allowed(self, api_client):
        response = api_client.get(URL)

        assert response.status_code == 405
        assert response.json() == {"errors": [error(None, 'Method "GET" not allowed.')]}


def test_anonymous_callers_get_401(db):
    response = APIClient().post(URL, {"yaml": BROKEN}, format="json")

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_a_token_is_enough(user):
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=user)
    client = APIClient(HTTP_AUTHORIZATION=f"Token {token.key}")

    response = client.post(URL, {"yaml": BROKEN}, format="json")

    assert response.status_code == 200


def test_the_browsable_root_lists_it(api_client):
    assert api_client.get("/api/").json()["lint"] == "http://testserver/api/lint"
