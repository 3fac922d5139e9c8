"""/healthz: the probe a container runtime or load balancer calls, with no login."""

import subprocess
import sys

import pytest

from tests.test_settings import REPO, settings_environ

pytestmark = pytest.mark.django_db

URL = "/healthz"

# A real request through Django to a PostgreSQL port where nothing listens.
UNREACHABLE_DATABASE = """
import django
from django.test import Client
from django.test.utils import setup_test_environment

django.setup()
setup_test_environment()
response = Client().get("/healthz")
print(response.status_code, response.content.decode())
"""


def test_it_answers_ok_without_login(client):
    response = client.get(URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "database": "ok"}


def test_it_is_never_cached(client):
    response = client.get(URL)

    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-cache", "no-store", "must-revalidate", "max-age=0", "private"} <= cache_control


def test_post_is_not_allowed(client):
    response = client.post(URL)

    assert response.status_code == 405
    assert response["Allow"] == "GET"


def test_it_answers_503_when_the_database_is_unreachable(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", UNREACHABLE_DATABASE],
        cwd=REPO,
        env=settings_environ(
            tmp_path,
            DJANGO_SETTINGS_MODULE="blueprints_ui.settings",
            DATABASE_URL="postgres://nobody@127.0.0.1:1/nothing",
            CONN_MAX_AGE="0",
            LOG_LEVEL="CRITICAL",
        ),
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == '503 {"status": "error", "database": "unreachable"}'
