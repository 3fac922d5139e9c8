import pytest

from blueprints_ui.blueprints.models import Blueprint
from lifecycle.manifests import read_manifest
from lifecycle.yamlpos import split_documents
from tests.factories import blueprint_yaml, store_yaml

pytestmark = pytest.mark.django_db
BASE = "/blueprints/kasten-io/pg/"


@pytest.fixture
def three_revisions(user):
    store_yaml(blueprint_yaml("pg"), message="created")
    for number, image in ((1, "alpine"), (2, "debian")):
        text = blueprint_yaml("pg").replace("busybox", image)
        (document,) = split_documents(text, "t.yaml").documents
        Blueprint.store(
            read_manifest(document), author=user, message=f"use {image}", base_revision=number
        )


def test_history_lists_every_revision_newest_first(auth_client, three_revisions):
    page = auth_client.get(BASE + "revisions/").content.decode()
    assert page.index("use debian") < page.index("use alpine") < page.index("created")
    assert "current</span>" in page


def test_the_diff_shows_both_sides_of_a_change(auth_client, three_revisions):
    page = auth_client.get(BASE + "diff/", {"from": 1, "to": 3}).content.decode()
    assert "Revision 1 → 3" in page
    assert '<td class="chg-old">        image: busybox</td>' in page
    assert '<td class="chg-new">        image: debian</td>' in page


def test_the_diff_defaults_to_the_last_change(auth_client, three_revisions):
    page = auth_client.get(BASE + "diff/").content.decode()
    assert "Revision 2 → 3" in page


def test_comparing_a_revision_with_itself_says_they_are_identical(auth_client, three_revisions):
    page = auth_client.get(BASE + "diff/", {"from": 2, "to": 2}).content.decode()
    assert "The two texts are identical." in page


def test_an_unknown_revision_is_404(auth_client, three_revisions):
    assert auth_client.get(BASE + "diff/", {"from": 1, "to": 9}).status_code == 404
    assert auth_client.get(BASE + "revisions/9/").status_code == 404


def test_an_old_revision_can_be_read_and_downloaded(auth_client, three_revisions):
    page = auth_client.get(BASE + "revisions/2/").content.decode()
    assert "alpine" in page and "Compare with current" in page
    download = auth_client.get(BASE + "download/", {"revision": 2})
    assert download["Content-Disposition"] == 'attachment; filename="pg-r2.yaml"'
    assert "image: alpine" in download.content.decode()
