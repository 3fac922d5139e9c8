"""The binding list: blueprint links, requirement counts, search, pages and the htmx table."""

import pytest

from tests.factories import store_yaml

pytestmark = pytest.mark.django_db
URL = "/kasten/bindings/"


def binding_yaml(name: str, blueprint: str = "mysql-blueprint", disabled: bool = False) -> str:
    return f"""apiVersion: config.kio.kasten.io/v1alpha1
kind: BlueprintBinding
metadata:
  name: {name}
  namespace: kasten-io
spec:
  disabled: {str(disabled).lower()}
  blueprintRef:
    name: {blueprint}
    namespace: kasten-io
  resources:
    matchAll:
    - type:
        operator: In
        values:
        - group: apps
          resource: deployments
"""


def test_it_lists_each_binding_with_its_blueprint_and_requirement_counts(auth_client, demo_data):
    response = auth_client.get(URL)

    assert response.status_code == 200
    text = response.content.decode()
    assert '<a href="/kasten/bindings/kasten-io/mysql-statefulsets/">mysql-statefulsets</a>' in text
    assert '<a href="/blueprints/kasten-io/mysql-blueprint/">mysql-blueprint</a>' in text
    assert "3 all / 0 any" in text
    assert "1 all / 2 any" in text
    assert "2026-01-05 09:00" in text


def test_it_marks_a_blueprint_that_is_not_stored_as_missing(auth_client, demo_data):
    store_yaml(binding_yaml("orphan", blueprint="gone-blueprint"))

    text = auth_client.get(URL).content.decode()

    assert "gone-blueprint <span" in text
    assert 'title="No blueprint kasten-io/gone-blueprint is stored">✗ missing</span>' in text
    assert '<a href="/blueprints/kasten-io/gone-blueprint/">' not in text


def test_it_shows_a_disabled_badge(auth_client, demo_data):
    store_yaml(binding_yaml("switched-off", disabled=True))

    text = auth_client.get(URL).content.decode()

    assert '<span class="badge off">disabled</span>' in text


def test_search_matches_the_binding_name_or_the_blueprint_name(auth_client, demo_data):
    by_name = auth_client.get(URL, {"q": "statefulsets"}).content.decode()
    by_blueprint = auth_client.get(URL, {"q": "csi-snapshot-bp"}).content.decode()

    assert "mysql-statefulsets" in by_name
    assert "csi-snapshot-deployments" not in by_name
    assert "csi-snapshot-deployments" in by_blueprint
    assert "mysql-statefulsets" not in by_blueprint


def test_search_without_a_match_says_so(auth_client, demo_data):
    text = auth_client.get(URL, {"q": "nothing-like-this"}).content.decode()

    assert "No binding matches “nothing-like-this”." in text


def test_an_empty_list_invites_an_import(auth_client):
    text = auth_client.get(URL).content.decode()

    assert "No bindings yet." in text


def test_it_shows_25_bindings_a_page_and_keeps_the_search(
    auth_client, django_assert_max_num_queries
):
    for i in range(30):
        store_yaml(binding_yaml(f"bulk-{i:02}"))

    with django_assert_max_num_queries(8):
        first = auth_client.get(URL, {"q": "bulk"}).content.decode()
    second = auth_client.get(URL, {"q": "bulk", "page": 2}).content.decode()

    assert first.count('<a href="/kasten/bindings/kasten-io/bulk-') == 25
    assert "Page 1 of 2 · 30 in all" in first
    assert 'href="?q=bulk&amp;page=2"' in first
    assert second.count('<a href="/kasten/bindings/kasten-io/bulk-') == 5
    assert "bulk-29" in second


def test_an_htmx_request_gets_only_the_table(auth_client, demo_data):
    response = auth_client.get(URL, {"q": "mysql"}, headers={"HX-Request": "true"})

    text = response.content.decode()
    assert "mysql-statefulsets" in text
    assert "<html" not in text
    assert "HX-Request" in response["Vary"]


def test_an_anonymous_user_is_sent_to_the_login_page(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == f"/login/?next={URL}"
