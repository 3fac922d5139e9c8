"""Editing a binding: a new revision on save, 422 for bad YAML, 409 when someone saved first."""

import pytest
from markupsafe import escape

from blueprints_ui.kasten.models import BlueprintBinding
from tests.factories import store_yaml

pytestmark = pytest.mark.django_db
URL = "/kasten/bindings/kasten-io/mysql-statefulsets/edit/"


def stored() -> BlueprintBinding:
    return BlueprintBinding.objects.get(namespace="kasten-io", name="mysql-statefulsets")


def test_the_form_holds_the_stored_yaml_and_its_revision(auth_client, demo_data):
    response = auth_client.get(URL)

    assert response.status_code == 200
    text = response.content.decode()
    assert str(escape(stored().source)) in text
    assert '<input type="hidden" name="base_revision" value="1">' in text


def test_saving_stores_the_text_exactly_as_the_next_revision(auth_client, demo_data):
    edited = stored().source.replace("spec:\n", "spec:\n  disabled: true\n") + "# reviewed\n"

    response = auth_client.post(URL, {"source": edited, "base_revision": 1})

    assert response.status_code == 302
    assert response["Location"] == "/kasten/bindings/kasten-io/mysql-statefulsets/"
    binding = stored()
    assert binding.revision == 2
    assert binding.source == edited
    assert binding.disabled is True
    page = auth_client.get(response["Location"]).content.decode()
    assert "Saved mysql-statefulsets as revision 2." in page


def test_saving_through_htmx_redirects_the_browser(auth_client, demo_data):
    edited = stored().source + "# reviewed\n"

    response = auth_client.post(
        URL, {"source": edited, "base_revision": 1}, headers={"HX-Request": "true"}
    )

    assert response["HX-Redirect"] == "/kasten/bindings/kasten-io/mysql-statefulsets/"
    assert stored().revision == 2


def test_saving_the_same_text_keeps_the_revision(auth_client, demo_data):
    response = auth_client.post(URL, {"source": stored().source, "base_revision": 1}, follow=True)

    assert "No changes to save." in response.content.decode()
    assert stored().revision == 1


def test_broken_yaml_gets_422_with_the_message_at_its_line_and_column(auth_client, demo_data):
    before = stored().source
    broken = "apiVersion: config.kio.kasten.io/v1alpha1\nkind: [BlueprintBinding\nspec: {}\n"

    response = auth_client.post(URL, {"source": broken, "base_revision": 1})

    assert response.status_code == 422
    text = response.content.decode()
    assert (
        "<li>mysql-statefulsets.yaml:3:5: while parsing a flow sequence (started at line 2): "
        "did not find expected &#39;,&#39; or &#39;]&#39;</li>"
    ) in text
    assert str(escape(broken)) in text
    assert stored().source == before
    assert stored().revision == 1


def test_a_document_of_another_kind_gets_422(auth_client, demo_data):
    policy = "apiVersion: config.kio.kasten.io/v1alpha1\nkind: Policy\nmetadata:\n  name: p\n"

    response = auth_client.post(URL, {"source": policy, "base_revision": 1})

    assert response.status_code == 422
    assert (
        "mysql-statefulsets.yaml:1:1: expected a BlueprintBinding "
        "(config.kio.kasten.io/v1alpha1), found Policy"
    ) in response.content.decode()


def test_a_renamed_binding_gets_422_and_nothing_else_is_written(auth_client, demo_data):
    other = BlueprintBinding.objects.get(name="csi-snapshot-deployments")
    renamed = stored().source.replace("name: mysql-statefulsets", "name: csi-snapshot-deployments")

    response = auth_client.post(URL, {"source": renamed, "base_revision": 1})

    assert response.status_code == 422
    assert "renaming is not supported" in response.content.decode()
    assert BlueprintBinding.objects.get(pk=other.pk).source == other.source
    assert stored().revision == 1


def test_a_stale_base_revision_gets_409_and_overwrites_nothing(auth_client, demo_data):
    theirs = stored().source + "# their change\n"
    store_yaml(theirs)
    mine = stored().source.replace("- mysql", "- mariadb")

    response = auth_client.post(URL, {"source": mine, "base_revision": 1})

    assert response.status_code == 409
    text = response.content.decode()
    assert "Someone else saved revision 2 while you were editing revision 1." in text
    assert "# their change" in text
    assert str(escape(mine)) in text
    assert '<input type="hidden" name="base_revision" value="2">' in text
    assert stored().source == theirs
    assert stored().revision == 2


def test_saving_again_after_a_conflict_makes_the_next_revision(auth_client, demo_data):
    store_yaml(stored().source + "# their change\n")
    mine = stored().source.replace("- mysql", "- mariadb")

    response = auth_client.post(URL, {"source": mine, "base_revision": 2})

    assert response.status_code == 302
    assert stored().revision == 3
    assert stored().source == mine


def test_an_anonymous_user_cannot_edit(client, demo_data):
    response = client.post(URL, {"source": "x", "base_revision": 1})

    assert response.status_code == 302
    assert response["Location"].startswith("/login/")
    assert stored().revision == 1
