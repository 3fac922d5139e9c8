"""The import page: upload or paste YAML, then read what was created, skipped or refused."""

import html
import re
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pytest_django.asserts import assertContains, assertNotContains

from blueprints_ui.blueprints.models import Blueprint
from blueprints_ui.inventory.models import Resource
from blueprints_ui.transfer.management.commands.load_demo_data import DEMO_DIR, demo_sources
from tests.factories import blueprint_yaml
from tests.lifecycle.test_documents import billion_laughs
from tests.transfer.helpers import stored

pytestmark = pytest.mark.django_db

URL = "/transfer/import/"
HTMX = {"HX-Request": "true"}
NAMESPACE = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n"
SECRET = (
    "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db-pass\ndata:\n  password: aHVudGVyMg==\n"
)
NOTHING = "Nothing was imported"


def visible(response) -> str:
    """The text a user reads: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", response.content.decode()))


def upload(name: str, text: str | bytes) -> SimpleUploadedFile:
    data = text.encode() if isinstance(text, str) else text
    return SimpleUploadedFile(name, data, content_type="application/yaml")


def paste(client, source: str, **fields):
    return client.post(URL, {"source": source, **fields})


class TestForm:
    def test_it_shows_a_labelled_field_for_files_paste_partial_and_message(self, auth_client):
        response = auth_client.get(URL)
        assert response.status_code == 200
        for field, label in [
            ("id_files", "YAML files"),
            ("id_source", "Or paste YAML"),
            ("id_partial", "Keep the good documents (partial)"),
            ("id_message", "Revision message"),
        ]:
            assertContains(response, f'<label for="{field}">{label}</label>', html=True)
            assertContains(response, f'id="{field}"')
        assertContains(response, 'type="file" id="id_files" name="files" multiple')
        assertContains(response, 'enctype="multipart/form-data"')
        assertContains(response, '<button type="submit" class="primary">Import</button>', html=True)

    def test_it_offers_a_download_per_kind_with_counts(self, auth_client, demo_data):
        response = auth_client.get(URL)
        assertContains(
            response, '<a href="/transfer/export/?kind=blueprints" download>Blueprints</a>'
        )
        assertContains(response, '<a href="/transfer/export/?kind=policies" download>Policies</a>')
        assertContains(response, '<a href="/transfer/export/" download>Everything</a>')
        assertContains(response, '<span class="muted">(27)</span>', html=True)
        assertContains(response, '<span class="muted">(11)</span>', html=True)

    def test_an_anonymous_visitor_is_sent_to_log_in(self, client):
        response = client.get(URL)
        assert response.status_code == 302
        assert response["Location"] == f"/login/?next={URL}"

    def test_an_anonymous_post_imports_nothing(self, client):
        response = paste(client, NAMESPACE)
        assert response.status_code == 302
        assert stored() == {}

    def test_an_empty_form_asks_for_input(self, auth_client):
        response = auth_client.post(URL, {"source": "  \n"})
        assert response.status_code == 422
        assertContains(response, "Choose YAML files to upload or paste YAML.", status_code=422)
        assert stored() == {}


class TestImport:
    def test_pasted_yaml_is_stored_and_the_report_links_to_it(self, auth_client):
        response = paste(auth_client, blueprint_yaml("pg"))
        assert response.status_code == 200
        assertContains(response, "Imported: 1 created, 0 updated, 0 unchanged, 0 skipped.")
        assertContains(
            response,
            '<li><a href="/blueprints/kasten-io/pg/">Blueprint kasten-io/pg</a></li>',
            html=True,
        )
        assert Blueprint.objects.get(name="pg").source == blueprint_yaml("pg")

    def test_several_uploaded_files_are_imported_together(self, auth_client):
        files = [upload(name.removeprefix("demo/"), text) for name, text in demo_sources()]
        response = auth_client.post(URL, {"files": files, "message": "From the demo"})
        assert response.status_code == 200
        assertContains(response, "Imported: 27 created, 0 updated, 0 unchanged, 0 skipped.")
        assert len(stored()) == 27
        blueprint = Blueprint.objects.get(name="mysql-blueprint")
        assert blueprint.source == (DEMO_DIR / "mysql-blueprint.yaml").read_text(encoding="utf-8")
        assert blueprint.current_revision.message == "From the demo"

    def test_each_kind_links_to_its_page(self, auth_client):
        files = [upload(name.removeprefix("demo/"), text) for name, text in demo_sources()]
        response = auth_client.post(URL, {"files": files})
        shop = Resource.objects.get(kind="Namespace", name="shop")
        for link in [
            '<a href="/kasten/bindings/kasten-io/mysql-statefulsets/">'
            "BlueprintBinding kasten-io/mysql-statefulsets</a>",
            '<a href="/kasten/policies/kasten-io/shop-daily/">Policy kasten-io/shop-daily</a>',
            f'<a href="/inventory/{shop.pk}/">Namespace shop</a>',
        ]:
            assertContains(response, link, html=True)

    def test_files_and_pasted_text_are_imported_together(self, auth_client):
        response = auth_client.post(
            URL, {"files": [upload("ns.yaml", NAMESPACE)], "source": blueprint_yaml("pg")}
        )
        assert response.status_code == 200
        assert set(stored()) == {("Resource", "Namespace/shop"), ("Blueprint", "kasten-io/pg")}

    def test_the_author_and_message_go_with_the_revision(self, auth_client, user):
        paste(auth_client, blueprint_yaml("pg"), message="First cut")
        revision = Blueprint.objects.get(name="pg").current_revision
        assert (revision.author, revision.message) == (user, "First cut")

    def test_the_same_input_again_is_unchanged(self, auth_client):
        paste(auth_client, blueprint_yaml("pg"))
        response = paste(auth_client, blueprint_yaml("pg"))
        assert response.status_code == 200
        assertContains(response, "Imported: 0 created, 0 updated, 1 unchanged, 0 skipped.")
        assert Blueprint.objects.get(name="pg").revision == 1

    def test_a_changed_blueprint_is_a_new_revision(self, auth_client):
        paste(auth_client, blueprint_yaml("pg"))
        response = paste(auth_client, blueprint_yaml("pg").replace("busybox", "alpine"))
        assertContains(response, "Imported: 0 created, 1 updated, 0 unchanged, 0 skipped.")
        assertContains(response, "Updated: a new revision")
        assert Blueprint.objects.get(name="pg").revision == 2

    def test_pasted_crlf_is_stored_with_lf(self, auth_client):
        paste(auth_client, NAMESPACE.replace("\n", "\r\n"))
        assert stored() == {("Resource", "Namespace/shop"): NAMESPACE}

    def test_an_uploaded_crlf_file_is_stored_as_the_command_stores_it(self, auth_client):
        auth_client.post(URL, {"files": [upload("ns.yaml", NAMESPACE.replace("\n", "\r\n"))]})
        assert stored() == {("Resource", "Namespace/shop"): NAMESPACE}

    def test_unknown_kinds_are_listed_as_skipped_with_their_position(self, auth_client):
        response = paste(auth_client, f"{NAMESPACE}---\n{SECRET}")
        assert response.status_code == 200
        assertContains(response, "Imported: 1 created, 0 updated, 0 unchanged, 1 skipped.")
        assert (
            "<pasted>:6:1: skipped: Secrets are never imported: "
            "the studio does not store Secret data"
        ) in visible(response)
        assertNotContains(response, "aHVudGVyMg==")

    def test_the_htmx_answer_is_the_report_fragment_with_fresh_export_counts(self, auth_client):
        response = auth_client.post(URL, {"source": NAMESPACE}, headers=HTMX)
        assert response.status_code == 200
        assert "HX-Request" in response["Vary"]
        assertNotContains(response, "<html")
        assertContains(response, '<section class="card report"')
        assertContains(
            response,
            '<aside id="exports" class="card" aria-labelledby="export-heading" hx-swap-oob="true">',
        )

    def test_after_a_successful_import_the_form_is_empty_again(self, auth_client):
        response = paste(auth_client, NAMESPACE, message="hello")
        assert response.status_code == 200
        assertContains(response, "></textarea>")
        assertNotContains(response, 'value="hello"')

    def test_without_htmx_the_whole_page_comes_back_with_the_form_as_sent(self, auth_client):
        response = paste(auth_client, "a: [\n", message="keep me", partial="on")
        assertContains(response, "<html", status_code=422)
        assertContains(response, 'value="keep me"', status_code=422)
        assertContains(
            response,
            'name="partial" aria-describedby="partial-help"\n             checked',
            status_code=422,
        )
        assertContains(response, "a: [\n</textarea>", status_code=422)


class TestErrors:
    def test_a_malformed_document_is_shown_as_file_line_column_and_nothing_is_imported(
        self, auth_client
    ):
        response = paste(auth_client, f"{NAMESPACE}---\nkind: [Blueprint\nmetadata: {{}}\n")
        assert response.status_code == 422
        assertContains(response, NOTHING, status_code=422)
        assert (
            "<pasted>:7:9: while parsing a flow sequence (started at line 6): "
            "did not find expected ',' or ']'"
        ) in visible(response)
        assert "tick “Keep the good documents” to store the 1 good document now" in visible(
            response
        )
        assert stored() == {}

    def test_an_error_in_an_uploaded_file_names_the_file(self, auth_client):
        response = auth_client.post(URL, {"files": [upload("broken.yaml", blueprint_yaml("Bad"))]})
        assert response.status_code == 422
        assert "broken.yaml:4:9: metadata.name 'Bad' is not a valid Kubernetes name" in visible(
            response
        )

    def test_objects_that_were_not_saved_are_not_linked(self, auth_client):
        response = paste(auth_client, f"{blueprint_yaml('pg')}---\na: [\n")
        assertContains(response, "<li>Blueprint kasten-io/pg</li>", html=True, status_code=422)
        assertContains(response, "(not saved)", status_code=422)
        assertNotContains(response, 'href="/blueprints/kasten-io/pg/"', status_code=422)

    def test_partial_keeps_the_good_documents(self, auth_client):
        response = paste(auth_client, f"{NAMESPACE}---\na: [\n", partial="on")
        assert response.status_code == 422
        assertContains(response, "Imported the good documents only.", status_code=422)
        assertNotContains(response, NOTHING, status_code=422)
        assert set(stored()) == {("Resource", "Namespace/shop")}

    def test_a_control_character_refuses_its_document_not_the_page(self, auth_client):
        response = paste(auth_client, f"{NAMESPACE}---\na: \x07\n", partial="on")
        assert response.status_code == 422
        assert "<pasted>:6:4: unacceptable character #x0007" in visible(response)
        assert set(stored()) == {("Resource", "Namespace/shop")}

    def test_a_value_its_tag_cannot_read_refuses_its_document_not_the_page(self, auth_client):
        response = paste(auth_client, f"{NAMESPACE}---\na: 0b_\n", partial="on")
        assert response.status_code == 422
        assert "<pasted>:6:4: cannot read '0b_' as int" in visible(response)
        assert set(stored()) == {("Resource", "Namespace/shop")}

    def test_the_same_object_twice_is_an_error(self, auth_client):
        response = paste(auth_client, f"{blueprint_yaml('pg')}---\n{blueprint_yaml('pg')}")
        assert response.status_code == 422
        assert "<pasted>:16:1: Blueprint kasten-io/pg is also defined at <pasted>:1:1" in visible(
            response
        )
        assert stored() == {}

    def test_errors_are_listed_in_reading_order_across_files(self, auth_client):
        files = [
            upload("a.yaml", f"{blueprint_yaml('Bad')}---\nx: [\n"),
            upload("b.yaml", "y: [\n"),
        ]
        response = auth_client.post(URL, {"files": files, "source": blueprint_yaml("Worse")})
        text = visible(response)
        positions = ["a.yaml:4:9:", "a.yaml:17:1:", "b.yaml:2:1:", "<pasted>:4:9:"]
        assert all(position in text for position in positions)
        assert sorted(positions, key=text.index) == positions

    def test_an_htmx_error_answer_is_a_422_fragment(self, auth_client):
        response = auth_client.post(URL, {"source": "a: [\n"}, headers=HTMX)
        assert response.status_code == 422
        assertNotContains(response, "<html", status_code=422)
        assertContains(response, NOTHING, status_code=422)


class TestRefusals:
    def test_a_billion_laughs_is_refused_with_400_quickly(self, auth_client):
        started = time.perf_counter()
        response = paste(auth_client, billion_laughs(), partial="on")
        elapsed = time.perf_counter() - started
        assert response.status_code == 400
        assertContains(response, "Import refused", status_code=400)
        assertContains(response, NOTHING, status_code=400)
        assert (
            "<pasted>:6:32: document expands to more than 500,000 nodes "
            "(aliases repeat too much data)"
        ) in visible(response)
        assert elapsed < 1

    def test_a_refusal_keeps_out_the_good_documents_even_with_partial(self, auth_client):
        files = [upload("good.yaml", NAMESPACE), upload("lol.yaml", billion_laughs())]
        response = auth_client.post(URL, {"files": files, "partial": "on"})
        assert response.status_code == 400
        assertContains(response, "partial or not", status_code=400)
        assert stored() == {}

    def test_the_other_errors_of_a_refused_input_are_listed_too(self, auth_client):
        response = paste(auth_client, f"a: [\n---\n{billion_laughs()}")
        assert response.status_code == 400
        assert "<pasted>:2:1: while parsing a flow node" in visible(response)
        assert "<pasted>:8:32: document expands" in visible(response)

    def test_nesting_too_deep_is_refused(self, auth_client):
        response = paste(auth_client, "a: " + "[" * 150 + "]" * 150 + "\n")
        assert response.status_code == 400
        assert "<pasted>:1:103: nesting deeper than 100 levels" in visible(response)

    def test_an_oversize_upload_is_refused_naming_the_file(self, auth_client, settings):
        settings.YAML_MAX_BYTES = 100
        files = [upload("small.yaml", NAMESPACE), upload("big.yaml", "# padding\n" * 11)]
        response = auth_client.post(URL, {"files": files})
        assert response.status_code == 400
        assert "big.yaml: 110 bytes is larger than the limit of 100 bytes" in visible(response)
        assertNotContains(response, "small.yaml", status_code=400)
        assert stored() == {}

    def test_oversize_pasted_text_is_refused(self, auth_client, settings):
        settings.YAML_MAX_BYTES = 100
        response = paste(auth_client, "é" * 51)
        assert response.status_code == 400
        assert "<pasted>: 102 bytes is larger than the limit of 100 bytes" in visible(response)

    def test_a_file_that_is_not_utf8_is_refused_naming_the_file_and_the_byte(self, auth_client):
        latin1 = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: café\n".encode("latin-1")
        response = auth_client.post(URL, {"files": [upload("latin1.yaml", latin1)]})
        assert response.status_code == 400
        assert (
            "latin1.yaml:4:12: not UTF-8 text (byte 0xe9): "
            "save the file as UTF-8 and upload it again"
        ) in visible(response)
        assert stored() == {}

    def test_a_refused_htmx_answer_is_a_fragment_too(self, auth_client):
        response = auth_client.post(URL, {"source": billion_laughs()}, headers=HTMX)
        assert response.status_code == 400
        assertNotContains(response, "<html", status_code=400)
        assertContains(response, "Import refused", status_code=400)
        assertContains(response, NOTHING, status_code=400)
