"""The policy list: frequency, actions, hook blueprints, search and pages."""

import pytest

from tests.factories import store_yaml

pytestmark = pytest.mark.django_db
URL = "/kasten/policies/"


def policy_yaml(name: str, blueprint: str = "hook-blueprint", action: str = "remove-label") -> str:
    return f"""apiVersion: config.kio.kasten.io/v1alpha1
kind: Policy
metadata:
  name: {name}
  namespace: kasten-io
spec:
  frequency: "@hourly"
  actions:
  - action: backup
    backupParameters:
      hooks:
        onSuccess:
          blueprint: {blueprint}
          actionName: {action}
"""


def test_it_lists_each_policy_with_its_frequency_actions_and_hooks(auth_client, demo_data):
    response = auth_client.get(URL)

    assert response.status_code == 200
    text = response.content.decode()
    assert '<a href="/kasten/policies/kasten-io/shop-daily/">shop-daily</a>' in text
    assert "<td>@daily</td>" in text
    assert '<span class="badge">backup</span><span class="badge">export</span>' in text
    assert 'title="backup preHook">backup-hooks · record-start</span>' in text
    assert 'title="export onFailure">export-hooks · post-export-failed</span>' in text
    assert "✗ missing" not in text


def test_it_marks_a_hook_whose_blueprint_is_not_stored(auth_client, demo_data):
    store_yaml(policy_yaml("orphan-hooks", blueprint="gone-blueprint"))

    text = auth_client.get(URL).content.decode()

    assert 'title="No blueprint kasten-io/gone-blueprint is stored">✗ missing</span>' in text


def test_search_matches_the_policy_name_or_a_hook_blueprint(auth_client, demo_data):
    store_yaml(policy_yaml("nightly", blueprint="export-hooks", action="pre-export"))
    store_yaml(policy_yaml("hourly-shop"))

    by_name = auth_client.get(URL, {"q": "nightly"}).content.decode()
    by_blueprint = auth_client.get(URL, {"q": "export-hooks"}).content.decode()

    assert "nightly</a>" in by_name
    assert "shop-daily</a>" not in by_name
    assert "nightly</a>" in by_blueprint
    assert "shop-daily</a>" in by_blueprint
    assert "hourly-shop</a>" not in by_blueprint
    assert by_blueprint.count("shop-daily</a>") == 1


def test_search_without_a_match_says_so(auth_client, demo_data):
    text = auth_client.get(URL, {"q": "weekly"}).content.decode()

    assert "No policy matches “weekly”." in text


def test_an_empty_list_invites_an_import(auth_client):
    assert "No policies yet." in auth_client.get(URL).content.decode()


def test_it_shows_25_policies_a_page(auth_client, django_assert_max_num_queries):
    for i in range(30):
        store_yaml(policy_yaml(f"bulk-{i:02}"))

    with django_assert_max_num_queries(9):
        first = auth_client.get(URL).content.decode()
    second = auth_client.get(URL, {"page": 2}).content.decode()

    assert first.count('<a href="/kasten/policies/kasten-io/bulk-') == 25
    assert "Page 1 of 2 · 30 in all" in first
    assert second.count('<a href="/kasten/policies/kasten-io/bulk-') == 5


def test_an_htmx_request_gets_only_the_table(auth_client, demo_data):
    response = auth_client.get(URL, headers={"HX-Request": "true"})

    assert "shop-daily" in response.content.decode()
    assert "<html" not in response.content.decode()
    assert "HX-Request" in response["Vary"]


def test_an_anonymous_user_is_sent_to_the_login_page(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == f"/login/?next={URL}"
