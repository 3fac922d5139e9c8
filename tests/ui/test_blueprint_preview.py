"""The render preview page: an action's phases rendered against a target and fake inputs."""

import html
import re

import pytest

from lifecycle.preview import MASK
from lifecycle.template_data import PREVIEW_TIME
from tests.factories import store_yaml

pytestmark = pytest.mark.django_db

URL = "/blueprints/kasten-io/pg/preview/"
HTMX = {"HX-Request": "true"}
BLUEPRINT = """\
apiVersion: cr.kanister.io/v1alpha1
kind: Blueprint
metadata:
  name: pg
  namespace: kasten-io
actions:
  backup:
    outputArtifacts:
      dump:
        keyValue:
          path: "{{ .Phases.dump.Output.path }}"
    phases:
    - func: KubeTask
      name: dump
      objects:
        db:
          kind: Secret
          name: pg-secret
          namespace: "{{ .StatefulSet.Namespace }}"
        conf:
          kind: ConfigMap
          name: pg-conf
          namespace: shop
      args:
        namespace: "{{ .StatefulSet.Namespace }}"
        image: busybox
        command:
        - bash
        - -o
        - errexit
        - -c
        - |
          echo pass={{ index .Phases.dump.Secrets.db.Data "password" | toString }}
          echo {{ .Phases.dump.ConfigMaps.conf.Data.mode }} {{ .Options.level }}
          kando output path /backups/{{ .StatefulSet.Name }}
    - func: KubeTask
      name: upload
      args:
        namespace: "{{ .StatefulSet.Namespace }}"
        image: busybox
        command: [echo, "got {{ .Phases.dump.Output.path }}", "{{ randAlphaNum 8 }}"]
    - func: KubeTask
      name: check
      args:
        namespace: "{{ .StatefulSet.Namespace }}"
        image: busybox
        command: [echo, "{{ .Phases.dump.Output.size }}"]
    deferPhase:
      func: KubeTask
      name: cleanup
      args: {namespace: "{{ .StatefulSet.Namespace }}", image: busybox, command: [echo, bye]}
  restore:
    inputArtifactNames: [dump]
    phases:
    - func: KubeTask
      name: pull
      args:
        namespace: "{{ .StatefulSet.Namespace }}"
        image: busybox
        command: [echo, "from {{ .ArtifactsIn.dump.KeyValue.path }}"]
  quiesce:
    phases:
    - func: KubeTask
      name: freeze
      args:
        namespace: "{{ .Namespace.Name }}"
        image: busybox
        command: [echo, "freeze {{ .Namespace.Name }}"]
"""
STATEFULSET = """\
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: pg-db, namespace: shop}
spec: {replicas: 1, template: {spec: {containers: [{name: pg}]}}}
"""
MISSING_LINE = BLUEPRINT.splitlines().index(
    '        command: [echo, "{{ .Phases.dump.Output.size }}"]'
)


def visible(response) -> str:
    """The text a user reads: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", response.content.decode()))


@pytest.fixture
def blueprint(db):
    return store_yaml(BLUEPRINT)


@pytest.fixture
def statefulset(db):
    return store_yaml(STATEFULSET)


def form(statefulset, **fields) -> dict:
    """What the page posts for the backup action run on the StatefulSet."""
    return {
        "action": "backup",
        "target": f"resource-{statefulset.pk}",
        "time": PREVIEW_TIME,
        "output-0": "path=/backups/pg-db\n",
        "secret-0-0-key-0": "password",
        "secret-0-0-value-0": "hunter2",
        "configmap-0-1": "mode=fast\n",
        "options": "level=9\n",
        **fields,
    }


class TestPage:
    def test_it_is_linked_from_the_blueprint_page(self, auth_client, blueprint):
        page = auth_client.get("/blueprints/kasten-io/pg/").content.decode()
        assert f'<a class="button" href="{URL}">Preview</a>' in page

    def test_each_action_links_to_its_preview(self, auth_client, blueprint):
        page = auth_client.get("/blueprints/kasten-io/pg/").content.decode()
        assert f'<a href="{URL}?action=restore" aria-label="Preview restore">preview</a>' in page

    def test_it_requires_login(self, client, blueprint):
        response = client.get(URL)
        assert response.status_code == 302
        assert response.url == f"/login/?next={URL}"

    def test_it_is_404_for_an_unknown_blueprint(self, auth_client):
        assert auth_client.get("/blueprints/kasten-io/nope/preview/").status_code == 404

    def test_it_starts_with_the_first_reserved_action_and_sample_inputs(
        self, auth_client, blueprint, statefulset
    ):
        response = auth_client.get(URL)
        assert response.status_code == 200
        page = response.content.decode()
        assert '<a href="?action=backup" aria-current="page">backup</a>' in page
        assert f'<option value="resource-{statefulset.pk}" selected>StatefulSet pg-db' in page
        assert "path=sample-path" in page  # from `kando output path`
        assert 'name="secret-0-0-key-0" value="password"' in page
        assert "mode=sample-mode" in page
        assert "backup: 4 phases" in visible(response)

    def test_it_labels_every_field(self, auth_client, blueprint, statefulset):
        page = auth_client.get(URL).content.decode()
        for field in ("target", "manifest", "subject", "options", "time", "output-0"):
            assert f'<label for="id_{field}">' in page
            assert f'id="id_{field}"' in page


class TestResults:
    def test_it_renders_each_phase_with_the_inputs(self, auth_client, blueprint, statefulset):
        response = auth_client.post(URL, form(statefulset, reveal="on"))
        assert response.status_code == 200
        text = visible(response)
        assert "echo pass=hunter2\necho fast 9\nkando output path /backups/pg-db" in text
        assert "got /backups/pg-db" in text

    def test_it_shows_a_shell_script_as_a_block_after_its_argv(
        self, auth_client, blueprint, statefulset
    ):
        page = auth_client.post(URL, form(statefulset)).content.decode()
        assert '<p class="label">script</p>' in page
        assert '<code class="output">errexit</code>' in page
        assert '<pre class="output">echo pass=' in page

    def test_it_marks_the_defer_phase_and_strings_that_vary(
        self, auth_client, blueprint, statefulset
    ):
        text = visible(auth_client.post(URL, form(statefulset)))
        assert "cleanup KubeTask\n      defer phase · runs last" in text
        assert "varies at run time" in text
        assert "1 vary at run time" in text

    def test_it_renders_output_artifacts_last(self, auth_client, blueprint, statefulset):
        text = visible(auth_client.post(URL, form(statefulset)))
        assert "Output artifacts" in text
        assert "dump.keyValue.path/backups/pg-db" in text.replace("\n", "")

    def test_it_gives_restore_the_input_artifacts(self, auth_client, blueprint, statefulset):
        page = auth_client.get(URL + "?action=restore").content.decode()
        assert '<label for="id_artifact-0">Input artifact <code>dump</code></label>' in page
        assert "path=sample-path" in page
        data = {"action": "restore", "target": f"resource-{statefulset.pk}"}
        response = auth_client.post(URL, data | {"artifact-0": "path=/b/7"})
        assert "from /b/7" in visible(response)

    def test_it_gives_hooks_a_subject_namespace(self, auth_client, blueprint, statefulset):
        page = auth_client.get(URL + "?action=quiesce").content.decode()
        assert '<option value="namespace" selected>' in page
        data = {"action": "quiesce", "target": "namespace", "subject": "shop"}
        assert "freeze shop" in visible(auth_client.post(URL, data))

    def test_a_hook_that_reads_a_workload_starts_on_one(self, auth_client, statefulset):
        store_yaml(BLUEPRINT.replace(".Namespace.Name", ".StatefulSet.Name"))
        page = auth_client.get(URL + "?action=quiesce").content.decode()
        assert f'<option value="resource-{statefulset.pk}" selected>' in page
        assert "freeze pg-db" in page

    def test_it_renders_a_pasted_manifest(self, auth_client, blueprint):
        data = {"action": "restore", "target": "paste", "manifest": STATEFULSET}
        response = auth_client.post(URL, data | {"artifact-0": "path=x"})
        assert response.status_code == 200
        assert '<code class="output">shop</code>' in response.content.decode()


class TestSecrets:
    def test_it_masks_secret_values_everywhere(self, auth_client, blueprint, statefulset):
        response = auth_client.post(URL, form(statefulset))
        page = response.content.decode()
        assert "hunter2" not in page
        assert f"echo pass={MASK}" in visible(response)
        assert "Secret values hidden" in visible(response)

    def test_it_masks_the_byte_list_go_prints(self, auth_client, blueprint, statefulset):
        text = BLUEPRINT.replace('"password" | toString', '"password"')
        store_yaml(text)
        response = auth_client.post(URL, form(statefulset))
        assert f"echo pass={MASK}" in visible(response)
        assert "104 117" not in response.content.decode()

    def test_it_does_not_echo_secret_inputs_back_unless_revealed(
        self, auth_client, blueprint, statefulset
    ):
        page = auth_client.post(URL, form(statefulset)).content.decode()
        assert 'type="password"' in page
        assert "hunter2" not in page
        revealed = auth_client.post(URL, form(statefulset, reveal="on")).content.decode()
        assert 'name="secret-0-0-value-0" type="password" autocomplete="off"' in revealed
        assert 'value="hunter2"' in revealed
        assert "Secret values shown" in visible(
            auth_client.post(URL, form(statefulset, reveal="on"))
        )


class TestRenderErrors:
    def test_it_shows_the_error_in_place_with_template_and_file_positions(
        self, auth_client, blueprint, statefulset
    ):
        response = auth_client.post(URL, form(statefulset))
        assert response.status_code == 200
        text = visible(response)
        assert 'Failed to render template: "size" not found' in text
        # Go points at the chain's second field; the file column is the same character.
        column = BLUEPRINT.splitlines()[MISSING_LINE].index("{{ .Phases.dump") + 11
        assert f"template 1:11 · file {MISSING_LINE + 1}:{column}" in text
        assert "1 failed string" in text
        page = response.content.decode()
        assert f'href="/blueprints/kasten-io/pg/#L-{MISSING_LINE + 1}"' in page

    def test_a_failed_string_shows_its_partial_output(self, auth_client, blueprint, statefulset):
        data = form(statefulset, **{"output-0": ""})
        page = auth_client.post(URL, data).content.decode()
        assert '<pre class="output partial" aria-label="Output before the error">got </pre>' in page

    def test_later_phases_only_see_outputs_of_phases_that_ran(
        self, auth_client, blueprint, statefulset
    ):
        data = form(statefulset, **{"output-0": "path=/p\nsize=12\n"})
        text = visible(auth_client.post(URL, data))
        assert "0 failed strings" in text
        assert "12" in text


class TestHtmx:
    def test_it_answers_htmx_with_the_results_only(self, auth_client, blueprint, statefulset):
        response = auth_client.post(URL, form(statefulset), headers=HTMX)
        assert response.status_code == 200
        page = response.content.decode()
        assert "<form" not in page
        assert "<html" not in page
        assert 'id="preview-heading"' in page
        assert "HX-Request" in response["Vary"]

    def test_the_full_page_keeps_the_form(self, auth_client, blueprint, statefulset):
        page = auth_client.post(URL, form(statefulset)).content.decode()
        assert 'hx-post="/blueprints/kasten-io/pg/preview/"' in page
        assert '<div id="preview-results"' in page
        assert "<html" in page


class TestBadInput:
    @pytest.mark.parametrize(
        ("fields", "message"),
        [
            ({"options": "level=9\nnot a pair"},
             "Options, line 2: expected key=value, found 'not a pair'"),
            ({"output-1": "=x"},
             "Output of phase upload, line 1: expected key=value, found '=x'"),
            ({"configmap-0-1": "mode"},
             "ConfigMap conf of phase dump, line 1: expected key=value"),
            ({"action": "bakup"}, "Action: 'bakup' is not an action of this blueprint; expected"
                                  " one of backup, restore, quiesce"),
            ({"target": "resource-999"}, "Target: expected an inventory object"),
            ({"target": "namespace", "subject": " "},
             "Subject namespace: expected a namespace name"),
            ({"target": "paste", "manifest": "kind: [\n"}, "Sample manifest, line 2, column 1:"),
            ({"target": "paste", "manifest": "- a\n"},
             "Sample manifest, line 1: expected a YAML mapping"),
            ({"time": "yesterday"}, "Time: expected RFC 3339 such as"),
        ],
    )  # fmt: skip
    def test_it_answers_422_naming_the_field_and_line(
        self, auth_client, blueprint, statefulset, fields, message
    ):
        response = auth_client.post(URL, form(statefulset, **fields), headers=HTMX)
        assert response.status_code == 422
        assert "Nothing was rendered" in visible(response)
        assert message in visible(response)

    def test_the_full_page_marks_the_field(self, auth_client, blueprint, statefulset):
        response = auth_client.post(URL, form(statefulset, options="oops"))
        assert response.status_code == 422
        page = response.content.decode()
        assert 'aria-invalid="true" aria-describedby="options-error"' in page
        assert '<p class="field-error" id="options-error">Options, line 1:' in page

    def test_an_unknown_action_in_the_address_is_422(self, auth_client, blueprint):
        response = auth_client.get(URL + "?action=nope")
        assert response.status_code == 422
        assert "'nope' is not an action of this blueprint" in visible(response)


class TestEmptyStates:
    def test_a_blueprint_without_actions_says_so(self, auth_client):
        store_yaml(BLUEPRINT.split("actions:")[0] + "actions: {}\n")
        response = auth_client.get(URL)
        assert response.status_code == 200
        assert "This blueprint defines no actions." in visible(response)
        assert "<form class" not in response.content.decode()

    def test_an_inventory_without_workloads_offers_the_paste_box(self, auth_client, blueprint):
        response = auth_client.get(URL)
        assert response.status_code == 200
        page = response.content.decode()
        assert "The inventory has no workloads: paste a sample manifest below" in visible(response)
        assert '<option value="paste" selected>' in page
        assert "my-namespace" in visible(response)  # the sample manifest renders at once

    def test_the_sample_manifest_and_profile_fit_what_the_action_reads(self, auth_client):
        text = BLUEPRINT.replace(".StatefulSet.", ".Deployment.").replace(
            '"{{ .Phases.dump.Output.path }}"', '"{{ .Profile.Location.Bucket }}/x"'
        )
        store_yaml(text)
        response = auth_client.get(URL)
        page = response.content.decode()
        assert "kind: Deployment\n" in page
        assert '<input type="checkbox" name="profile" value="on" checked>' in page
        assert "my-bucket/x" in visible(response)
