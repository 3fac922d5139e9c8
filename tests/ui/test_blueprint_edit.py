import pytest

from blueprints_ui.blueprints.models import Blueprint
from tests.factories import blueprint_yaml, store_yaml

pytestmark = pytest.mark.django_db
URL = "/blueprints/kasten-io/pg/edit/"


@pytest.fixture
def blueprint(db):
    return store_yaml(blueprint_yaml("pg"))


def post(client, source, base_revision=1, message="tune", htmx=False):
    headers = {"HX-Request": "true"} if htmx else {}
    data = {"source": source, "base_revision": base_revision, "message": message}
    return client.post(URL, data, headers=headers)


def test_the_form_starts_from_the_current_text(auth_client, blueprint):
    page = auth_client.get(URL).content.decode()
    assert 'name="base_revision" value="1"' in page
    assert "echo backupPrehook" in page


def test_saving_makes_a_new_revision_with_author_and_message(auth_client, user, blueprint):
    new = blueprint_yaml("pg").replace("busybox", "alpine") + "# tuned\n"
    response = post(auth_client, new)
    assert response.status_code == 302
    blueprint.refresh_from_db()
    assert blueprint.revision == 2
    assert blueprint.source == new
    assert (blueprint.current_revision.author, blueprint.current_revision.message) == (user, "tune")


def test_browser_line_endings_are_stored_as_written_by_the_author(auth_client, blueprint):
    new = blueprint_yaml("pg").replace("busybox", "alpine")
    post(auth_client, new.replace("\n", "\r\n"))
    blueprint.refresh_from_db()
    assert blueprint.source == new


def test_htmx_saves_redirect_the_browser_to_the_detail_page(auth_client, blueprint):
    response = post(auth_client, blueprint_yaml("pg").replace("busybox", "alpine"), htmx=True)
    assert response["HX-Redirect"] == "/blueprints/kasten-io/pg/"


def test_broken_yaml_is_422_with_the_line_and_column(auth_client, blueprint):
    broken = blueprint_yaml("pg").replace("  backupPrehook:", "  backupPrehook: [")
    response = post(auth_client, broken)
    assert response.status_code == 422
    page = response.content.decode()
    assert "pg.yaml:9:5: while parsing a flow node: did not find expected node content" in page
    assert Blueprint.objects.get(name="pg").revision == 1


def test_a_document_of_another_kind_is_refused(auth_client, blueprint):
    response = post(auth_client, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: pg\n")
    assert response.status_code == 422
    assert (
        "pg.yaml:1:1: expected a Blueprint (cr.kanister.io/v1alpha1), found ConfigMap"
        in response.content.decode()
    )


def test_renaming_is_refused_with_the_position(auth_client, blueprint):
    response = post(auth_client, blueprint_yaml("pg2"))
    assert response.status_code == 422
    assert (
        "pg.yaml:4:9: name is &#39;pg2&#39; but this object&#39;s is &#39;pg&#39;"
        in response.content.decode()
    )


def test_a_stale_edit_is_409_and_keeps_both_texts(auth_client, blueprint):
    theirs = blueprint_yaml("pg").replace("busybox", "alpine")
    mine = blueprint_yaml("pg").replace("busybox", "debian")
    assert post(auth_client, theirs).status_code == 302
    response = post(auth_client, mine, base_revision=1, htmx=True)
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else saved revision 2 while you were editing revision 1." in page
    assert "image: debian" in page  # my text is still in the form
    assert '<td class="chg-new">        image: alpine</td>' in page  # their change, shown
    assert 'name="base_revision" value="2"' in page  # a deliberate second save can go through
    assert Blueprint.objects.get(name="pg").source == theirs


def test_saving_unchanged_text_says_so(auth_client, blueprint):
    response = post(auth_client, blueprint_yaml("pg"))
    assert response.status_code == 302
    follow = auth_client.get(response["Location"]).content.decode()
    assert "No changes to save." in follow
