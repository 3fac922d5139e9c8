import pytest

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
