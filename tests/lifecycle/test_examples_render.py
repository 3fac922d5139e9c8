"""Every template of the real-world and seed blueprints renders against a realistic context."""

from pathlib import Path

import pytest

from lifecycle.gotemplate.kanister import render
from lifecycle.parsing import parse_blueprint
from lifecycle.preview import preview_action
from lifecycle.sample_inputs import sample_inputs
from lifecycle.template_data import PhaseSample, Sample, template_params
from lifecycle.yamlpos import split_documents
from tests.conftest import example_files

DEMO = Path(__file__).resolve().parents[2] / "blueprints_ui" / "transfer" / "demo"
BLUEPRINT_FILES = sorted({*example_files(), *DEMO.glob("seed-*-blueprint.yaml")})
PROFILE = {
    "location": {"type": "s3Compliant", "bucket": "backups", "endpoint": "", "region": "eu-1"},
    "credential": {"type": "keyPair", "id": "AKIA", "secret": "key"},
}


def workload(kind: str, **spec) -> dict:
    """A running workload as the API returns it, with what real blueprints read from it."""
    return {
        "apiVersion": "apps/v1",
        "kind": kind,
        "metadata": {"name": "db", "namespace": "shop", "labels": {"app": "db"}},
        "spec": {
            "replicas": 1,
            "template": {"spec": {"containers": [{"name": "db", "image": "postgres:16"}]}},
            **spec,
        },
    }


# The object each blueprint is written for, where its templates read more than a workload has.
OBJECTS = {
    "csi-snapshot-blueprint.yaml": workload(
        "Deployment",
        template={
            "spec": {
                "containers": [{"name": "app"}],
                "volumes": [{"name": "data", "persistentVolumeClaim": {"claimName": "data"}}],
            }
        },
    ),
    "k8ssandra-blueprint.yaml": {
        "apiVersion": "cassandra.datastax.com/v1beta1",
        "kind": "CassandraDatacenter",
        "metadata": {"name": "dc1", "namespace": "shop"},
        "spec": {"clusterName": "demo"},
    },
}


def actions():
    for path in BLUEPRINT_FILES:
        for document in split_documents(path.read_text(), str(path)).documents:
            if isinstance(document.data, dict) and document.data.get("kind") == "Blueprint":
                blueprint = parse_blueprint(document)
                for action in blueprint.actions.values():
                    yield pytest.param(path.name, action, id=f"{path.name}:{action.name}")


def realistic(file: str, action, found) -> Sample:
    """The run Kanister or Kasten makes of this action: against the namespace for hooks and
    for delete (Kasten's own namespace), else against the object the blueprint is written for."""
    common = {"options": found.options, "artifacts": found.artifacts}
    if "Namespace" in found.subjects:
        namespace = "kasten-io" if action.name == "delete" else "shop"
        return Sample("namespace", namespace=namespace, **common)
    [kind] = found.subjects or {OBJECTS.get(file, workload("StatefulSet"))["kind"]}
    manifest = OBJECTS.get(file) or workload(kind)
    return Sample(kind, manifest, profile=PROFILE, **common)


@pytest.mark.parametrize(("file", "action"), list(actions()))
def test_each_action_of_the_examples_and_seeds_renders_without_error(file, action):
    found = sample_inputs(action)
    preview = preview_action(action, realistic(file, action, found), found.inputs)
    assert [(failure.location, failure.outcome.error.message) for failure in preview.failures] == []
    assert preview.phases


# The templates seed 003 shows in prose and tables, outside any blueprint.
SEED_SNIPPETS = [
    '{{ index .Phases.myPhase.Secrets.mySecret.Data "my.key" | toString }}',
    '{{ index .Object.data "my.key" }}',
    "{{ .Phases.p.Secrets.s.Data.key | toString }}",
    "{{ .Phases.p.Secrets.s.Data | toJson }}",
    '{{ toDate "2006-01-02" .Time }}',
    '{{ date "2006-01-02" .Time }}',
    '{{range $i, $tag := .Object.status.tags}}\ntag_name="{{ index $tag "tag" | toString }}"\n'
    "{{end}}",
]


@pytest.mark.parametrize("template", SEED_SNIPPETS)
def test_the_seeds_template_snippets_render(template):
    manifest = {
        "metadata": {"name": "db", "namespace": "shop"},
        "data": {"my.key": "v"},
        "status": {"tags": [{"tag": "a"}, {"tag": "b"}]},
    }
    params = template_params(
        Sample(
            "StatefulSet",
            manifest,
            phases=(
                PhaseSample("myPhase", secrets={"mySecret": {"my.key": b"v"}}),
                PhaseSample("p", secrets={"s": {"key": b"v"}}),
            ),
        )
    )
    outcome = render(template, params)
    assert outcome.error is None, outcome.error.message
