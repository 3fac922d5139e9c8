"""The policy page: facts, the action hooks and whether their blueprint actions exist, the YAML."""

import pytest

from blueprints_ui.kasten.models import Policy
from tests.factories import store_yaml

pytestmark = pytest.mark.django_db
URL = "/kasten/policies/kasten-io/shop-daily/"


def test_it_shows_frequency_selector_and_actions(auth_client, demo_data):
    response = auth_client.get(URL)

    assert response.status_code == 200
    text = response.content.decode()
    assert "<h1>shop-daily</h1>" in text
    assert "Daily backup and export of the shop namespace" in text
    assert "<dt>Frequency</dt><dd>@daily</dd>" in text
    assert "<code>k10.kasten.io/appNamespace In shop</code>" in text
    assert '<span class="badge">backup</span><span class="badge">export</span>' in text


def test_it_lists_every_action_hook_with_a_link_to_its_blueprint(auth_client, demo_data):
    text = auth_client.get(URL).content.decode()

    assert text.count('<span class="badge reserved">yes</span>') == 6
    assert text.count('<a href="/blueprints/kasten-io/backup-hooks/">backup-hooks</a>') == 3
    assert text.count('<a href="/blueprints/kasten-io/export-hooks/">export-hooks</a>') == 3
    for action_name in ("record-start", "pre-export", "post-export", "post-export-failed"):
        assert f"<code>{action_name}</code>" in text
    assert "<td>onFailure</td>" in text


def test_it_marks_a_missing_blueprint_and_a_missing_action(auth_client, demo_data):
    store_yaml("""apiVersion: config.kio.kasten.io/v1alpha1
kind: Policy
metadata:
  name: broken-hooks
  namespace: kasten-io
spec:
  frequency: "@weekly"
  actions:
  - action: backup
    backupParameters:
      hooks:
        preHook:
          blueprint: gone-blueprint
          actionName: quiesce
        onSuccess:
          blueprint: hook-blueprint
          actionName: no-such-action
""")

    text = auth_client.get("/kasten/policies/kasten-io/broken-hooks/").content.decode()

    missing = '<span class="error" title="Kasten looks for it in kasten-io">✗ missing</span>'
    assert f"gone-blueprint {missing}" in text
    assert 'title="hook-blueprint defines: remove-label">✗ no such action</span>' in text
    assert '<span class="badge reserved">yes</span>' not in text


def test_a_policy_without_hooks_says_so(auth_client):
    store_yaml("""apiVersion: config.kio.kasten.io/v1alpha1
kind: Policy
metadata:
  name: plain
spec:
  presetRef:
    name: gold
  selector:
    matchLabels:
      app: shop
  actions:
  - action: backup
""")

    text = auth_client.get("/kasten/policies/kasten-io/plain/").content.decode()

    assert "This policy has no action hooks." in text
    assert "<dt>Frequency</dt><dd>from preset gold</dd>" in text
    assert "<code>app=shop</code>" in text


def test_it_shows_the_yaml_with_line_numbers(auth_client, demo_data):
    text = auth_client.get(URL).content.decode()

    assert '<a href="#L-10">10</a>' in text
    assert '<span class="nt">exportParameters</span>' in text


def test_an_unknown_policy_is_not_found(auth_client, demo_data):
    assert auth_client.get("/kasten/policies/kasten-io/nope/").status_code == 404


def test_download_sends_the_yaml_exactly_as_stored(auth_client, demo_data):
    response = auth_client.get(URL + "download/")

    assert response["Content-Disposition"] == 'attachment; filename="shop-daily.yaml"'
    assert response.content.decode() == Policy.objects.get(name="shop-daily").source
