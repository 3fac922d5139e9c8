"""The Lint page: paste or upload YAML, choose the rules, read the findings at their lines."""

import html
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pytest_django.asserts import assertContains, assertNotContains

from blueprints_ui.blueprints.models import Blueprint
from blueprints_ui.lint.linting import line_notes, marked_source
from lifecycle.lint import Diagnostic, FileReport, Severity
from tests.factories import blueprint_yaml

pytestmark = pytest.mark.django_db

URL = "/lint/"
HTMX = {"HX-Request": "true"}
BROKEN = blueprint_yaml("broken").replace("func: KubeTask", "func: KubeTaskk")
UNKNOWN = "unknown function 'KubeTaskk'"


def visible(response) -> str:
    """The text a user reads: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", response.content.decode()))


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/yaml")


def test_the_navigation_leads_to_it(auth_client):
    page = auth_client.get("/blueprints/").content.decode()
    assert f'<a href="{URL}" >Lint</a>' in page
    assert f'<a href="{URL}" aria-current="page">Lint</a>' in auth_client.get(URL).content.decode()


def test_it_shows_labelled_fields_for_text_file_profile_and_version(auth_client):
    response = auth_client.get(URL)
    assert response.status_code == 200
    for field, label in [
        ("id_source", "YAML"),
        ("id_file", "Or upload a file"),
        ("id_profile", "Profile"),
        ("id_kasten_version", "Kasten version"),
    ]:
        assertContains(response, f'<label for="{field}">{label}</label>', html=True)
        assertContains(response, f'id="{field}"')
    assertContains(response, 'enctype="multipart/form-data"')
    assertContains(response, 'hx-post="/lint/" hx-target="#lint-results"')
    assertContains(response, '<button type="submit" class="primary">Lint</button>', html=True)
    assertNotContains(response, "Nothing was linted")


def test_profile_and_version_start_from_the_settings(auth_client, settings):
    settings.LINT_PROFILE = "kanister"
    settings.KASTEN_VERSION = "9.0.10"
    response = auth_client.get(URL)
    assertContains(response, '<option value="kanister" selected>')
    assertContains(response, 'name="kasten_version" value="9.0.10"')


class TestResults:
    def test_pasted_yaml_is_linted_as_input_yaml_with_counts(self, auth_client):
        response = auth_client.post(URL, {"source": BROKEN})
        assert response.status_code == 200
        text = visible(response)
        assert "Lint results for input.yaml" in text
        assertContains(response, '<li class="badge sev-error"><strong>1</strong> error</li>')
        assert "Kasten 8.5 rules." in text

    def test_each_diagnostic_links_to_its_line_with_rule_message_and_hint(self, auth_client):
        response = auth_client.post(URL, {"source": BROKEN})
        assertContains(response, '<a href="#L-9" aria-label="Line 9, column 13">9:13</a>')
        assertContains(response, '<span class="badge sev-error">error</span>')
        assertContains(response, '<code>BP010</code> <span class="slug">unknown-function</span>')
        assert UNKNOWN in visible(response)
        assertContains(response, "did you mean <code>KubeTask</code>?")
        assert "Blueprint/broken · actions.backupPrehook.phases[0].func" in visible(response)

    def test_the_source_is_shown_with_each_diagnostic_line_marked(self, auth_client):
        response = auth_client.post(URL, {"source": BROKEN})
        page = response.content.decode()
        assert 'href="#L-13">13</a>' in page
        marker = re.search(r'<span class="note note-error" title="([^"]*)"><a id="L-9"', page)
        assert marker, "line 9 is not marked as an error"
        assert html.unescape(marker.group(1)).startswith(f"error BP010: {UNKNOWN}")
        assert 'id="L-8"' in page
        assert not re.search(r'<span class="note [^"]*" title="[^"]*"><a id="L-8"', page)

    def test_clean_yaml_says_so(self, auth_client):
        namespace = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n"
        response = auth_client.post(URL, {"source": namespace})
        assert response.status_code == 200
        assertContains(response, '<p class="empty lint-ok" role="status">No problems found.</p>')
        assertContains(response, '<li class="badge sev-error zero"><strong>0</strong> errors</li>')
        assertNotContains(response, 'class="note ')

    def test_the_kanister_profile_is_applied(self, auth_client):
        text = blueprint_yaml("bp", action="backupPrehok")
        kasten = auth_client.post(URL, {"source": text, "profile": "kasten"})
        kanister = auth_client.post(URL, {"source": text, "profile": "kanister"})
        assert "BP021" in kasten.content.decode()
        assert "BP021" not in kanister.content.decode()
        assert "Standalone Kanister rules." in visible(kanister)
        assertContains(kanister, '<option value="kanister" selected>')

    def test_an_uploaded_file_is_linted_under_its_name(self, auth_client):
        response = auth_client.post(URL, {"file": upload("mysql.yaml", BROKEN.encode())})
        assert response.status_code == 200
        assert "Lint results for mysql.yaml" in visible(response)
        assert UNKNOWN in visible(response)

    def test_windows_line_ends_keep_the_lines(self, auth_client):
        response = auth_client.post(URL, {"source": BROKEN.replace("\n", "\r\n")})
        assertContains(response, '<a href="#L-9" aria-label="Line 9, column 13">9:13</a>')

    def test_broken_yaml_is_reported_at_its_line_not_refused(self, auth_client):
        response = auth_client.post(URL, {"source": "kind: Blueprint\nactions: [\n"})
        assert response.status_code == 200
        assertContains(response, '<code>BP001</code> <span class="slug">yaml-syntax</span>')
        # Found past the last line: the marker goes on the last line there is.
        assertContains(response, '<span class="note note-error"')

    def test_the_htmx_answer_is_only_the_results_fragment(self, auth_client):
        response = auth_client.post(URL, {"source": BROKEN}, headers=HTMX)
        assert response.status_code == 200
        assertNotContains(response, "<html")
        assertNotContains(response, 'id="id_source"')
        assertContains(response, 'id="lint-heading"')
        assert "HX-Request" in response["Vary"]

    def test_without_htmx_the_page_comes_back_with_the_form_as_sent(self, auth_client):
        response = auth_client.post(URL, {"source": BROKEN, "kasten_version": "9.0"})
        assertContains(response, "<html")
        assertContains(response, "func: KubeTaskk")
        assertContains(response, 'name="kasten_version" value="9.0"')
        assert "Kasten 9.0 rules." in visible(response)

    def test_the_form_keeps_its_defaults_when_a_post_leaves_them_out(self, auth_client):
        response = auth_client.post(URL, {"source": BROKEN})
        assertContains(response, '<option value="kasten" selected>')
        assertContains(response, 'name="kasten_version" value="8.5"')

    def test_messages_are_escaped(self, auth_client):
        text = BROKEN.replace("name: broken", "name: <script>x</script>")
        page = auth_client.post(URL, {"source": text}).content.decode()
        assert "<script>x</script>" not in page

    def test_secret_data_is_never_shown_back(self, auth_client):
        secret = (
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n"
            "data:\n  password: aHVudGVyMg==\nstringData:\n  user: root-user\n---\n"
        )
        for headers in ({}, HTMX):
            response = auth_client.post(URL, {"source": secret + BROKEN}, headers=headers)
            assert response.status_code == 200
            assertNotContains(response, "aHVudGVyMg==")
            assertNotContains(response, "root-user")
            assertContains(response, "&lt;redacted&gt;")
            # The lines stay where they were: the blueprint's error is still at its line.
            assertContains(response, '<a href="#L-18" aria-label="Line 18, column 13">18:13</a>')
            assertContains(response, '<span class="note note-error" title="error BP010')

    def test_nothing_is_stored(self, auth_client):
        auth_client.post(URL, {"source": blueprint_yaml("not-saved")})
        assert not Blueprint.objects.exists()


class TestMarkers:
    def test_a_line_shows_its_worst_severity_and_every_message(self):
        def diagnostic(line: int, severity: Severity, code: str) -> Diagnostic:
            return Diagnostic(line, 1, line, 2, severity, code, "slug", f"about {code}", "", "", "")

        report = FileReport(
            "x.yaml",
            [
                diagnostic(2, Severity.INFO, "BP012"),
                diagnostic(2, Severity.WARNING, "BP021"),
                diagnostic(3, Severity.INFO, "BP020"),
                diagnostic(9, Severity.ERROR, "BP001"),
            ],
        )
        notes = line_notes(report, "a: 1\nb: 2\nc: 3\n")
        assert notes[2] == ("note-warning", "info BP012: about BP012\nwarning BP021: about BP021")
        # BP001 is past the end (an unclosed bracket, say): it is shown on the last line.
        assert notes[3] == ("note-error", "info BP020: about BP020\nerror BP001: about BP001")
        assert set(notes) == {2, 3}

    def test_the_title_is_escaped(self):
        report = FileReport(
            "x.yaml",
            [Diagnostic(1, 1, 1, 2, Severity.ERROR, "BP001", "s", 'say "<b>"', "", "", "")],
        )
        assert 'title="error BP001: say &#34;&lt;b&gt;&#34;"' in marked_source("a: 1\n", report)


class TestRefusals:
    def test_empty_input_is_a_422_saying_what_to_do(self, auth_client):
        response = auth_client.post(URL, {"source": "  \n"})
        assert response.status_code == 422
        text = visible(response)
        assert "Nothing was linted" in text
        assert "Paste YAML or choose a file: there is nothing to lint." in text

    def test_an_htmx_refusal_is_a_422_fragment(self, auth_client):
        response = auth_client.post(URL, {}, headers=HTMX)
        assert response.status_code == 422
        assertNotContains(response, "<html", status_code=422)
        assertContains(response, "there is nothing to lint", status_code=422)

    def test_an_empty_upload_is_refused_naming_it(self, auth_client):
        response = auth_client.post(URL, {"file": upload("empty.yaml", b"")})
        assert response.status_code == 422
        assert "empty.yaml is empty: there is nothing to lint." in visible(response)

    def test_text_and_a_file_together_are_refused(self, auth_client):
        response = auth_client.post(
            URL, {"source": BROKEN, "file": upload("other.yaml", BROKEN.encode())}
        )
        assert response.status_code == 422
        assert "Paste YAML or choose a file, not both" in visible(response)

    def test_oversize_pasted_text_gets_the_size_limit_message(self, auth_client, settings):
        settings.YAML_MAX_BYTES = 100
        response = auth_client.post(URL, {"source": "é" * 51})
        assert response.status_code == 422
        assert "input.yaml: 102 bytes is larger than the limit of 100 bytes" in visible(response)
        assertContains(response, 'aria-invalid="true"', status_code=422)

    def test_an_oversize_upload_gets_the_size_limit_message(self, auth_client, settings):
        settings.YAML_MAX_BYTES = 100
        response = auth_client.post(URL, {"file": upload("big.yaml", b"# padding\n" * 11)})
        assert response.status_code == 422
        assert "big.yaml: 110 bytes is larger than the limit of 100 bytes" in visible(response)

    def test_a_file_that_is_not_utf8_is_refused_naming_the_byte(self, auth_client):
        latin1 = "kind: Namespace\nmetadata:\n  name: café\n".encode("latin-1")
        response = auth_client.post(URL, {"file": upload("latin1.yaml", latin1)})
        assert response.status_code == 422
        assert "latin1.yaml:3:12: not UTF-8 text (byte 0xe9)" in visible(response)

    def test_a_bad_kasten_version_is_refused_with_the_expected_form(self, auth_client):
        response = auth_client.post(URL, {"source": BROKEN, "kasten_version": "latest"})
        assert response.status_code == 422
        assert "Kasten version 'latest' is not of the form 8.5 or 9.0.10" in visible(response)

    def test_an_unknown_profile_is_refused(self, auth_client):
        response = auth_client.post(URL, {"source": BROKEN, "profile": "k10"})
        assert response.status_code == 422
        assert "Select a valid choice. k10 is not one of the available choices." in visible(
            response
        )

    def test_get_and_post_only(self, auth_client):
        assert auth_client.put(URL).status_code == 405


def test_anonymous_users_are_sent_to_the_login_page(client):
    response = client.post(URL, {"source": BROKEN})
    assert response.status_code == 302
    assert response["Location"] == "/login/?next=/lint/"
