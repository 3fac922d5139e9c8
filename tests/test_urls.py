"""Every URL of the app: login required (but for health and login), every page renders."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from blueprints_ui.blueprints.models import Blueprint
from blueprints_ui.inventory.models import Resource
from blueprints_ui.kasten.models import BlueprintBinding, Policy
from blueprints_ui.kubestash.models import BackupConfiguration, HookTemplate, RestoreSession

pytestmark = pytest.mark.django_db
PUBLIC = {"healthz", "login"}
POST_ONLY = {"logout", "api:lint", "api:render"}
# URLs that answer 400 without a query naming what to show.
QUERIES = {"api:timeline": "?operation=backup", "timeline:step": "?step=shop:1"}


def sample_kwargs(name: str, keys: set[str]) -> dict:
    """Arguments that resolve to a demo object of the URL's kind (blueprint for revisions)."""
    noun = name.split(":")[-1].rsplit("-", 1)[0]
    demo = {
        "blueprint": Blueprint.objects.get(name="mysql-blueprint"),
        "binding": BlueprintBinding.objects.get(name="mysql-statefulsets"),
        "policy": Policy.objects.get(name="shop-daily"),
        "resource": Resource.objects.get(kind="StatefulSet", name="mysql"),
        "hooktemplates": HookTemplate.objects.get(name="mysql-readonly"),
        "backupconfigurations": BackupConfiguration.objects.get(name="mysql-backup"),
        "restoresessions": RestoreSession.objects.get(name="mysql-restore"),
    }
    obj = demo.get(noun, demo["blueprint"])
    values = {
        "namespace": obj.namespace,
        "name": obj.name,
        "pk": obj.pk,
        "blueprint_id": demo["blueprint"].pk,
        "number": 1,
    }
    missing = keys - set(values)
    assert not missing, f"tests/test_urls.py: add sample values of {missing} for {name}"
    return {key: values[key] for key in keys}


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
        (name, reverse(name, kwargs=sample_kwargs(name, keys) or None) + QUERIES.get(name, ""))
        for name, keys in app_urls()
    ]


def test_the_app_has_the_main_pages(urls):
    names = {name for name, _ in urls}
    for required in (
        "blueprints:blueprint-list",
        "kasten:binding-list",
        "kasten:policy-list",
        "inventory:resource-list",
        "transfer:import",
        "lint:check",
        "api:schema",
        "api:lint",
        "api:render",
        "api:timeline",
        "timeline:settings",
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
        if name.endswith("-delete") or name in POST_ONLY:
            assert response.status_code == 405, (name, path)
        elif name == "home":
            assert response.status_code == 302
        else:
            assert response.status_code == 200, (name, path, response.status_code)
