"""The inventory list: filters by namespace, kind and name, label badges, blueprint annotations."""

import pytest

from lifecycle.kinds import BLUEPRINT_ANNOTATION
from tests.factories import store_yaml

pytestmark = pytest.mark.django_db
URL = "/inventory/"


def deployment_yaml(name: str, namespace: str = "shop", blueprint: str = "") -> str:
    annotations = f"\n  annotations:\n    {BLUEPRINT_ANNOTATION}: {blueprint}" if blueprint else ""
    return f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: {name}
  namespace: {namespace}{annotations}
  labels:
    app: {name}
"""


def test_it_lists_kind_namespace_name_and_labels(auth_client, demo_data):
    response = auth_client.get(URL)

    assert response.status_code == 200
    text = response.content.decode()
    assert "<td>StatefulSet</td>" in text
    assert "<td>PersistentVolumeClaim</td>" in text
    assert ">time-logger</a>" in text
    assert '<span class="badge off">app.kubernetes.io/name=mysql</span>' in text
    assert '<span class="muted">cluster</span>' in text


def test_a_blueprint_annotation_links_to_its_blueprint(auth_client, demo_data):
    text = auth_client.get(URL).content.decode()

    assert '<a href="/blueprints/kasten-io/postgresql-hooks/">postgresql-hooks</a>' in text


def test_an_annotation_naming_a_missing_blueprint_is_marked(auth_client, demo_data):
    store_yaml(deployment_yaml("legacy", blueprint="gone-blueprint"))

    text = auth_client.get(URL).content.decode()

    assert 'title="No blueprint kasten-io/gone-blueprint is stored">✗ missing</span>' in text


def test_it_filters_by_kind(auth_client, demo_data):
    text = auth_client.get(URL, {"kind": "Deployment"}).content.decode()

    assert ">time-logger</a>" in text
    assert ">storefront</a>" in text
    assert ">mysql</a>" not in text
    assert "<option selected>Deployment</option>" in text


def test_it_filters_by_namespace_and_name(auth_client, demo_data):
    store_yaml(deployment_yaml("time-logger", namespace="staging"))

    in_staging = auth_client.get(URL, {"ns": "staging"}).content.decode()
    by_name = auth_client.get(URL, {"q": "logger"}).content.decode()

    assert in_staging.count(">time-logger</a>") == 1
    assert ">storefront</a>" not in in_staging
    assert by_name.count(">time-logger</a>") == 2
    assert ">storefront</a>" not in by_name


def test_filters_without_a_match_say_so(auth_client, demo_data):
    text = auth_client.get(URL, {"kind": "Deployment", "q": "mysql"}).content.decode()

    assert "No resource matches these filters." in text


def test_an_empty_inventory_invites_an_import(auth_client):
    assert "The inventory is empty." in auth_client.get(URL).content.decode()


def test_it_shows_25_resources_a_page_and_keeps_the_filters(
    auth_client, django_assert_max_num_queries
):
    for i in range(30):
        store_yaml(deployment_yaml(f"bulk-{i:02}", namespace="load"))

    with django_assert_max_num_queries(10):
        first = auth_client.get(URL, {"ns": "load", "kind": "Deployment"}).content.decode()
    second = auth_client.get(URL, {"ns": "load", "kind": "Deployment", "page": 2}).content.decode()

    assert first.count(">bulk-") == 25
    assert "Page 1 of 2 · 30 in all" in first
    assert 'href="?ns=load&amp;kind=Deployment&amp;page=2"' in first
    assert second.count(">bulk-") == 5


def test_an_htmx_request_gets_only_the_table(auth_client, demo_data):
    response = auth_client.get(URL, {"kind": "Namespace"}, headers={"HX-Request": "true"})

    text = response.content.decode()
    assert ">shop</a>" in text
    assert "<html" not in text
    assert "HX-Request" in response["Vary"]


def test_an_anonymous_user_is_sent_to_the_login_page(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == f"/login/?next={URL}"
