"""Every URL of the app: login required (but for health and login), every page renders."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from blueprints_ui.inventory.models import Resource

pytestmark = pytest.mark.django_db
PUBLIC = {"healthz", "login"}
BLUEPRINT = {"namespace": "kasten-io", "name": "mysql-blueprint"}


def sample_kwargs(name: str, pattern_keys: set[str]) -> dict:
    """Arguments that resolve to a demo object; a new URL parameter must be added here."""
    statefulset = Resource.objects.get(kind="StatefulSet", name="mysql")
    by_name = {
        "blueprints:revision-detail": {**BLUEPRINT, "number": 1},
        "kasten:binding-detail": {"namespace": "kasten-io", "name": "mysql-statefulsets"},
        "kasten:policy-detail": {"namespace": "kasten-io", "name": "shop-daily"},
    }
    if name in by_name:
        return by_name[name]
    kwargs = {}
    if {"namespace", "name"} <= pattern_keys:
        kind = name.split(":")[-1].split("-")[0]
        kwargs.update(by_name.get(f"kasten:{kind}-detail", BLUEPRINT))
    if "pk" in pattern_keys:
        kwargs["pk"] = statefulset.pk
    if "number" in pattern_keys:
        kwargs["number"] = 1
    missing = pattern_keys - set(kwargs)
    assert not missing, f"tests/test_urls.py: add sample values of {missing} for {name}"
    return kwargs


def app_urls() -> list[tuple[str, str]]:
    """(name, path) of every named URL except Django admin's and DRF's format-suffix variants."""
    found = []

    def walk(patterns, namespace: str) -> None:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                if entry.app_name == "admin":
                    continue
                walk(
                    entry.url_patterns,
                    f"{namespace}{entry.namespace}:" if entry.namespace else namespace,
                )
            elif isinstance(entry, URLPattern) and entry.name:
                keys = set(entry.pattern.regex.groupindex)
                if "format" in keys:
                    continue
                name = namespace + entry.name
                found.append((name, keys))

    walk(get_resolver().url_patterns, "")
    return found


@pytest.fixture
def urls(demo_data):
    return [
        (name, reverse(name, kwargs=sample_kwargs(name, keys) or None)) for name, keys in app_urls()
    ]


def test_the_app_has_the_main_pages(urls):
    names = {name for name, _ in urls}
    for required in (
        "blueprints:blueprint-list",
        "kasten:binding-list",
        "kasten:policy-list",
        "inventory:resource-list",
        "transfer:import",
        "api:schema",
    ):
        assert required in names


def test_every_url_but_health_and_login_needs_a_login(client, urls):
    for name, path in urls:
        if name in PUBLIC:
            continue
        response = client.get(path)
        if name.startswith("api:"):
            assert response.status_code in (401, 403), (name, path, response.status_code)
        else:
            assert response.status_code == 302, (name, path, response.status_code)
            assert response["Location"].startswith("/login/?next="), (name, path)


def test_every_page_answers_a_logged_in_user(auth_client, urls):
    for name, path in urls:
        response = auth_client.get(path)
        if name.endswith("-delete") or name == "logout":
            assert response.status_code == 405, (name, path)
        elif name == "home":
            assert response.status_code == 302
        else:
            assert response.status_code == 200, (name, path, response.status_code)
