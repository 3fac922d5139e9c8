"""Editing a policy: a new revision with fresh hooks, 422 for bad YAML, 409 for a stale base."""

import pytest
from markupsafe import escape

from blueprints_ui.kasten.models import Policy
from tests.factories import store_yaml

pytestmark = pytest.mark.django_db
URL = "/kasten/policies/kasten-io/shop-daily/edit/"


def stored() -> Policy:
    return Policy.objects.get(namespace="kasten-io", name="shop-daily")


def test_the_form_holds_the_stored_yaml_and_its_revision(auth_client, demo_data):
    response = auth_client.get(URL)

    assert response.status_code == 200
    assert str(escape(stored().source)) in response.content.decode()
    assert '<input type="hidden" name="base_revision" value="1">' in response.content.decode()


def test_saving_stores_the_text_exactly_and_refreshes_the_hooks(auth_client, demo_data):
    edited = stored().source.replace("actionName: record-start", "actionName: add-label")

    response = auth_client.post(URL, {"source": edited, "base_revision": 1})

    assert response.status_code == 302
    assert response["Location"] == "/kasten/policies/kasten-io/shop-daily/"
    policy = stored()
    assert policy.revision == 2
    assert policy.source == edited
    assert policy.hooks.filter(action_name="add-label").exists()
    assert not policy.hooks.filter(action_name="record-start").exists()
    page = auth_client.get(response["Location"]).content.decode()
    assert "Saved shop-daily as revision 2." in page
    assert "✗ no such action</span>" in page


def test_broken_yaml_gets_422_with_the_message_at_its_line_and_column(auth_client, demo_data):
    broken = "apiVersion: v1\nkind: Policy\nspec:\n  frequency: '@daily\n"

    response = auth_client.post(URL, {"source": broken, "base_revision": 1})

    assert response.status_code == 422
    text = response.content.decode()
    assert (
        "<li>shop-daily.yaml:5:1: while scanning a quoted scalar (started at line 4): "
        "found unexpected end of stream</li>"
    ) in text
    assert stored().revision == 1


def test_a_stale_base_revision_gets_409_and_overwrites_nothing(auth_client, demo_data):
    theirs = stored().source.replace("daily: 7", "daily: 10")
    store_yaml(theirs)
    mine = stored().source.replace("@daily", "@hourly")

    response = auth_client.post(URL, {"source": mine, "base_revision": 1})

    assert response.status_code == 409
    text = response.content.decode()
    assert "Someone else saved revision 2 while you were editing revision 1." in text
    assert "daily: 10" in text
    assert '<input type="hidden" name="base_revision" value="2">' in text
    assert stored().source == theirs


def test_an_anonymous_user_cannot_edit(client, demo_data):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == f"/login/?next={URL}"
