"""One inventory resource: facts, labels, annotations, the YAML and its download."""

import pytest

from blueprints_ui.inventory.models import Resource

pytestmark = pytest.mark.django_db


def resource(kind: str, name: str) -> Resource:
    return Resource.objects.get(kind=kind, name=name)


def test_it_shows_the_facts_and_labels(auth_client, demo_data):
    mysql = resource("StatefulSet", "mysql")

    response = auth_client.get(f"/inventory/{mysql.pk}/")

    assert response.status_code == 200
    text = response.content.decode()
    assert "<h1>mysql</h1>" in text
    assert "<dt>API version</dt><dd><code>apps/v1</code></dd>" in text
    assert "<dt>Resource</dt><dd><code>statefulsets</code></dd>" in text
    assert "<dt>Namespace</dt><dd>shop</dd>" in text
    assert '<span class="badge off">app.kubernetes.io/instance=mysql</span>' in text
    assert "No annotations." in text
    assert "no kanister.kasten.io/blueprint annotation" in text


def test_it_links_the_blueprint_its_annotation_names(auth_client, demo_data):
    postgresql = resource("StatefulSet", "postgresql")

    text = auth_client.get(f"/inventory/{postgresql.pk}/").content.decode()

    assert "<dt><code>kanister.kasten.io/blueprint</code></dt><dd>postgresql-hooks</dd>" in text
    assert '<a href="/blueprints/kasten-io/postgresql-hooks/">postgresql-hooks</a>' in text


def test_a_namespace_is_shown_as_cluster_scoped(auth_client, demo_data):
    shop = resource("Namespace", "shop")

    text = auth_client.get(f"/inventory/{shop.pk}/").content.decode()

    assert "— (cluster-scoped)" in text
    assert '<span class="badge off">team=storefront</span>' in text


def test_it_shows_the_yaml_with_line_numbers(auth_client, demo_data):
    mysql = resource("StatefulSet", "mysql")

    text = auth_client.get(f"/inventory/{mysql.pk}/").content.decode()

    assert '<a href="#L-10">10</a>' in text
    assert '<span class="nt">volumeClaimTemplates</span>' in text


def test_an_unknown_resource_is_not_found(auth_client):
    assert auth_client.get("/inventory/9999/").status_code == 404


def test_download_sends_the_yaml_exactly_as_stored(auth_client, demo_data):
    pvc = resource("PersistentVolumeClaim", "time-log-pvc")

    response = auth_client.get(f"/inventory/{pvc.pk}/download/")

    assert response["Content-Disposition"] == (
        'attachment; filename="persistentvolumeclaim-time-log-pvc.yaml"'
    )
    assert response.content.decode() == pvc.source
