"""Who may use the API: a session or a token; anonymous callers get 401, never a login redirect."""

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import blueprint_yaml

pytestmark = pytest.mark.django_db

LIST_URLS = [
    reverse("api:blueprint-list"),
    reverse("api:blueprint-revision-list", args=[1]),
    reverse("api:binding-list"),
    reverse("api:policy-list"),
    reverse("api:resource-list"),
    reverse("api:namespace-list"),
]


@pytest.mark.parametrize("url", LIST_URLS)
def test_anonymous_requests_are_refused_without_a_login_redirect(url):
    response = APIClient().get(url)

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.data == {
        "errors": [
            {
                "file": None,
                "line": None,
                "column": None,
                "field": None,
                "message": "Authentication credentials were not provided.",
            }
        ]
    }


def test_anonymous_writes_are_refused():
    response = APIClient().post(
        reverse("api:blueprint-list"), {"source": blueprint_yaml()}, format="json"
    )

    assert response.status_code == 401


def test_a_token_authenticates_reads_and_writes(user):
    token = Token.objects.create(user=user)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")

    listed = api.get(reverse("api:blueprint-list"))
    created = api.post(reverse("api:blueprint-list"), {"source": blueprint_yaml()}, format="json")

    assert listed.status_code == 200
    assert created.status_code == 201
    assert created.data["current_revision"]["author"] == "alice"


def test_an_unknown_token_is_refused(user):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")

    response = api.get(reverse("api:blueprint-list"))

    assert response.status_code == 401
    assert response.data["errors"][0]["message"] == "Invalid token."


def test_a_session_reads_but_writes_need_the_csrf_token(user):
    api = APIClient(enforce_csrf_checks=True)
    api.force_login(user)

    listed = api.get(reverse("api:blueprint-list"))
    created = api.post(reverse("api:blueprint-list"), {"source": blueprint_yaml()}, format="json")

    assert listed.status_code == 200
    assert created.status_code == 403
    assert created.data["errors"][0]["message"].startswith("CSRF Failed")
