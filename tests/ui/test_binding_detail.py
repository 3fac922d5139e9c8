"""The binding page: blueprint reference, facts, a readable requirements table and the YAML."""

import pytest

from blueprints_ui.kasten.models import BlueprintBinding
from tests.factories import store_yaml

pytestmark = pytest.mark.django_db
URL = "/kasten/bindings/kasten-io/mysql-statefulsets/"


def test_it_shows_the_blueprint_reference_and_the_facts(auth_client, demo_data):
    response = auth_client.get(URL)

    assert response.status_code == 200
    text = response.content.decode()
    assert "<h1>mysql-statefulsets</h1>" in text
    assert '<a href="/blueprints/kasten-io/mysql-blueprint/">kasten-io/mysql-blueprint</a>' in text
    assert "<dt>State</dt><dd>Enabled</dd>" in text
    assert "2026-01-05 09:00 UTC" in text
    assert "<dt>Revision</dt><dd>1</dd>" in text


def test_it_lists_each_requirement_with_its_key_operator_and_values(auth_client, demo_data):
    text = auth_client.get(URL).content.decode()

    assert '<span class="badge">group=apps resource=statefulsets</span>' in text
    assert "<code>app.kubernetes.io/name</code>" in text
    assert '<span class="badge">mysql</span>' in text
    assert "<code>kanister.kasten.io/blueprint</code>" in text
    assert "<td>DoesNotExist</td>" in text
    assert text.count("<td><code>matchAll</code></td>") == 3


def test_it_shows_match_any_requirements_apart_from_match_all(auth_client, demo_data):
    text = auth_client.get("/kasten/bindings/kasten-io/csi-snapshot-deployments/").content.decode()

    assert text.count("<td><code>matchAll</code></td>") == 1
    assert text.count("<td><code>matchAny</code></td>") == 2
    assert '<span class="badge">shop</span>' in text


def test_it_shows_the_yaml_with_line_numbers(auth_client, demo_data):
    text = auth_client.get(URL).content.decode()

    assert '<a href="#L-10">10</a>' in text
    assert '<span class="nt">creationTimestamp</span>' in text


def test_it_marks_a_missing_blueprint(auth_client):
    store_yaml("""apiVersion: config.kio.kasten.io/v1alpha1
kind: BlueprintBinding
metadata:
  name: orphan
  namespace: kasten-io
spec:
  disabled: true
  blueprintRef:
    name: gone-blueprint
  resources:
    matchAny:
    - selector: {matchLabels: {app: x}}
""")

    text = auth_client.get("/kasten/bindings/kasten-io/orphan/").content.decode()

    assert "kasten-io/gone-blueprint" in text
    assert "✗ missing: no such blueprint is stored" in text
    assert "Disabled: Kasten ignores it" in text
    assert "Not a requirement Kasten reads" in text


def test_a_type_shorthand_without_operator_is_flagged(auth_client):
    store_yaml("""apiVersion: config.kio.kasten.io/v1alpha1
kind: BlueprintBinding
metadata:
  name: shorthand
spec:
  blueprintRef:
    name: mysql-blueprint
  resources:
    matchAll:
    - type: {group: apps, resource: statefulsets}
""")

    text = auth_client.get("/kasten/bindings/kasten-io/shorthand/").content.decode()

    assert '<span class="error">no operator</span>' in text
    assert "<code>{&#34;type&#34;: {&#34;group&#34;: &#34;apps&#34;, " in text
    assert "Kasten expects operator and values" in text


def test_a_binding_without_requirements_says_kasten_rejects_it(auth_client):
    store_yaml("""apiVersion: config.kio.kasten.io/v1alpha1
kind: BlueprintBinding
metadata:
  name: empty
spec:
  blueprintRef:
    name: mysql-blueprint
""")

    text = auth_client.get("/kasten/bindings/kasten-io/empty/").content.decode()

    assert "No requirements. Kasten marks a binding without any" in text


def test_an_unknown_binding_is_not_found(auth_client, demo_data):
    assert auth_client.get("/kasten/bindings/kasten-io/nope/").status_code == 404


def test_download_sends_the_yaml_exactly_as_stored(auth_client, demo_data):
    response = auth_client.get(URL + "download/")

    assert response["Content-Disposition"] == 'attachment; filename="mysql-statefulsets.yaml"'
    assert response["Content-Type"] == "application/yaml; charset=utf-8"
    stored = BlueprintBinding.objects.get(name="mysql-statefulsets").source
    assert response.content.decode() == stored
