"""The timeline settings page: the four Helm timeouts, 422 for bad input, 409 for a stale save."""

import pytest
from django.core.exceptions import ValidationError

from blueprints_ui.timeline.loading import stored_timeouts
from blueprints_ui.timeline.models import TimelineSettings

pytestmark = pytest.mark.django_db
URL = "/timeline/settings/"
KASTEN_DEFAULTS = {"blueprintHooks": 20, "blueprintBackup": 45, "blueprintRestore": 600}


def values(**changed: int) -> dict:
    return {
        "blueprintHooks": 20,
        "blueprintBackup": 45,
        "blueprintRestore": 600,
        "blueprintDelete": 45,
        "base_revision": 0,
        **changed,
    }


def test_the_page_shows_kastens_defaults_before_anything_is_saved(auth_client):
    response = auth_client.get(URL)

    page = response.content.decode()
    assert response.status_code == 200
    for name, minutes in KASTEN_DEFAULTS.items():
        assert f'name="{name}" value="{minutes}"' in page
        assert f"<code>timeout.{name}</code> (minutes)" in page
        assert f"Kasten&#39;s default: {minutes} minutes." in page
    assert "Kasten's defaults: nothing saved yet." in page


def test_the_top_bar_links_to_the_page(auth_client):
    page = auth_client.get("/lint/").content.decode()

    assert f'<a href="{URL}" >Settings</a>' in page
    assert (
        f'<a href="{URL}" aria-current="page">Settings</a>' in auth_client.get(URL).content.decode()
    )


def test_saving_stores_the_timeouts_the_timelines_use(auth_client, user):
    response = auth_client.post(URL, values(blueprintBackup=90))

    assert response.status_code == 302
    assert response["Location"] == URL
    assert stored_timeouts()["timeout.blueprintBackup"] == 90
    page = auth_client.get(URL).content.decode()
    assert "Saved the timeline settings." in page
    assert 'name="blueprintBackup" value="90"' in page
    assert "Revision 1, saved by alice." in page


@pytest.mark.parametrize(
    ("entered", "message"),
    [
        ("0", "expected 1 to 10080 minutes (a week), found 0"),
        ("-5", "expected 1 to 10080 minutes (a week), found -5"),
        ("10081", "expected 1 to 10080 minutes (a week), found 10081"),
        ("1.5", "expected a whole number of minutes"),
        ("", "This field is required."),
    ],
)
def test_a_bad_timeout_is_refused_with_its_field_named(auth_client, entered, message):
    response = auth_client.post(URL, values(blueprintRestore=entered))

    page = response.content.decode()
    assert response.status_code == 422
    assert f'<a href="#id_blueprintRestore">timeout.blueprintRestore</a>: {message}' in page
    assert f'<p id="id_blueprintRestore-error" class="error">{message}</p>' in page
    assert 'aria-invalid="true"' in page
    assert not TimelineSettings.objects.exists()


def test_htmx_gets_only_the_form_back(auth_client):
    response = auth_client.post(URL, values(blueprintHooks="0"), HTTP_HX_REQUEST="true")

    assert response.status_code == 422
    assert response.content.decode().lstrip().startswith("<form")
    assert "HX-Request" in response["Vary"]


def test_htmx_is_sent_to_the_page_after_saving(auth_client):
    response = auth_client.post(URL, values(), HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    assert response["HX-Redirect"] == URL


def test_a_save_based_on_an_older_revision_is_refused_and_shows_both(auth_client, other_user):
    TimelineSettings.save_timeouts(
        {
            "timeout.blueprintHooks": 30,
            "timeout.blueprintBackup": 45,
            "timeout.blueprintRestore": 600,
            "timeout.blueprintDelete": 45,
        },
        base_revision=0,
        user=other_user,
    )

    response = auth_client.post(URL, values(blueprintHooks=25))

    page = response.content.decode()
    assert response.status_code == 409
    assert (
        "Someone else saved revision 1 of these settings while you were editing revision 0." in page
    )
    assert '<tr><td><code>timeout.blueprintHooks</code></td><td class="num">30</td>' in page
    assert "<strong>25</strong>" in page
    assert 'name="blueprintHooks" value="25"' in page
    assert stored_timeouts()["timeout.blueprintHooks"] == 30


def test_saving_again_after_a_conflict_replaces_their_values(auth_client, other_user):
    TimelineSettings.save_timeouts({"timeout.blueprintHooks": 30}, base_revision=0, user=other_user)
    auth_client.post(URL, values(blueprintHooks=25))

    response = auth_client.post(URL, values(blueprintHooks=25, base_revision=1))

    assert response.status_code == 302
    assert stored_timeouts()["timeout.blueprintHooks"] == 25
    assert TimelineSettings.current().revision == 2


def test_the_row_itself_refuses_what_the_form_refuses():
    with pytest.raises(ValidationError) as refused:
        TimelineSettings.save_timeouts(
            {"timeout.blueprintHook": 5, "timeout.blueprintDelete": 0}, 0
        )

    assert refused.value.message_dict == {
        "timeout.blueprintHook": [
            "unknown setting 'timeout.blueprintHook': expected one of timeout.blueprintHooks, "
            "timeout.blueprintBackup, timeout.blueprintRestore, timeout.blueprintDelete"
        ],
        "timeout.blueprintDelete": ["expected 1 to 10080 minutes (a week), found 0"],
    }
    assert not TimelineSettings.objects.exists()
