import pytest
from pytest_django.asserts import assertContains, assertNotContains

from blueprints_ui.blueprints.models import Blueprint
from blueprints_ui.inventory.models import Resource
from blueprints_ui.lint.linting import lint_context
from tests.factories import blueprint_yaml, store_yaml

pytestmark = pytest.mark.django_db
URL = "/blueprints/kasten-io/mysql-blueprint/"


def test_it_shows_the_source_highlighted_with_line_numbers(auth_client, demo_data):
    page = auth_client.get(URL).content.decode()
    assert 'href="#L-77">77</a>' in page
    assert "dumpToObjectStore" in page
    assert "Revision 1" in page


def test_it_says_who_uses_the_blueprint(auth_client, demo_data):
    page = auth_client.get(URL).content.decode()
    assert "Binding <a" in page and "mysql-statefulsets" in page
    hooks = auth_client.get("/blueprints/kasten-io/export-hooks/").content.decode()
    assert "shop-daily</a>: export onFailure → <code>post-export-failed</code>" in hooks
    annotated = auth_client.get("/blueprints/kasten-io/postgresql-hooks/").content.decode()
    assert "shop/postgresql</a> (annotation)" in annotated


def test_it_explains_which_actions_kasten_calls(auth_client, demo_data):
    page = auth_client.get("/blueprints/kasten-io/postgresql-hooks/").content.decode()
    assert "only runs as a policy action hook" in page


def test_an_unknown_blueprint_is_404(auth_client, demo_data):
    assert auth_client.get("/blueprints/kasten-io/nope/").status_code == 404


def test_download_gives_the_stored_bytes(auth_client, demo_data):
    from blueprints_ui.blueprints.models import Blueprint

    response = auth_client.get(URL + "download/")
    assert response["Content-Disposition"] == 'attachment; filename="mysql-blueprint.yaml"'
    assert response.content.decode() == Blueprint.objects.get(name="mysql-blueprint").source


def test_delete_asks_for_confirmation_first(auth_client, demo_data):
    page = auth_client.get(URL).content.decode()
    assert "confirm(&#34;Delete blueprint mysql-blueprint and all its revisions?&#34;)" in page


def test_delete_needs_post_and_removes_the_history(auth_client, demo_data):
    from blueprints_ui.blueprints.models import Blueprint, BlueprintRevision

    assert auth_client.get(URL + "delete/").status_code == 405
    response = auth_client.post(URL + "delete/")
    assert response.status_code == 302
    assert not Blueprint.objects.filter(name="mysql-blueprint").exists()
    assert not BlueprintRevision.objects.filter(blueprint__name="mysql-blueprint").exists()


BROKEN = blueprint_yaml("broken").replace("func: KubeTask", "func: KubeTaskk")


class TestLint:
    def test_it_lists_the_diagnostics_each_linking_to_its_marked_line(self, auth_client):
        store_yaml(BROKEN)
        response = auth_client.get("/blueprints/kasten-io/broken/")
        assertContains(response, '<h2 id="lint-heading">Lint</h2>')
        assertContains(response, '<li class="badge sev-error"><strong>1</strong> error</li>')
        assertContains(response, '<a href="#L-9" aria-label="Line 9, column 13">9:13</a>')
        assertContains(response, '<code>BP010</code> <span class="slug">unknown-function</span>')
        assertContains(response, '<span class="note note-error" title="error BP010: unknown')
        assertContains(response, "Kasten 8.5 rules")

    def test_a_clean_blueprint_says_no_problems_were_found(self, auth_client):
        store_yaml(blueprint_yaml("clean"))
        response = auth_client.get("/blueprints/kasten-io/clean/")
        assertContains(response, '<p class="empty lint-ok" role="status">No problems found.</p>')
        assertNotContains(response, 'class="note ')

    def test_the_stored_bindings_policies_and_inventory_inform_the_rules(
        self, auth_client, demo_data
    ):
        # postgresql-hooks has no reserved action, and the stored StatefulSet shop/postgresql
        # names it in its annotation: only the inventory tells that it is bound.
        page = auth_client.get("/blueprints/kasten-io/postgresql-hooks/").content.decode()
        assert '<code>BP065</code> <span class="slug">bound-blueprint-never-runs</span>' in page
        Resource.objects.filter(blueprint_annotation="postgresql-hooks").delete()
        page = auth_client.get("/blueprints/kasten-io/postgresql-hooks/").content.decode()
        assert "BP065" not in page

    def test_the_context_is_every_stored_object_but_the_blueprint_itself(self, demo_data):
        blueprint = Blueprint.objects.get(name="mysql-blueprint")
        labels = [path for path, _ in lint_context(exclude=[blueprint])]
        assert "stored/kasten-io/mysql-blueprint" not in labels
        assert "stored/kasten-io/postgresql-hooks" in labels
        assert "stored/kasten-io/mysql-statefulsets" in labels  # the binding
        assert "stored/kasten-io/shop-daily" in labels  # the policy
        assert "stored/shop/mysql" in labels  # a StatefulSet of the inventory
        assert len(labels) == 21

    def test_the_settings_choose_the_rules(self, auth_client, settings):
        settings.LINT_PROFILE = "kanister"
        store_yaml(blueprint_yaml("bp", action="backupPrehok"))
        response = auth_client.get("/blueprints/kasten-io/bp/")
        assertContains(response, "standalone Kanister rules")
        assertNotContains(response, "BP021")
