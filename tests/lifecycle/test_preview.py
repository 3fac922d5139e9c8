"""An action previewed string by string, rendered where and when Kanister renders it."""

from lifecycle.parsing import parse_blueprint
from lifecycle.preview import MASK, Inputs, mask_secrets, preview_action
from lifecycle.template_data import Sample
from lifecycle.yamlpos import split_documents

BLUEPRINT = """\
apiVersion: cr.kanister.io/v1alpha1
kind: Blueprint
metadata: {name: pg}
actions:
  backup:
    outputArtifacts:
      dump:
        keyValue:
          path: "{{ .Phases.dump.Output.path }}"
          cleaned: "{{ .DeferPhase.Output.done }}"
    phases:
    - func: KubeTask
      name: dump
      objects:
        db:
          kind: Secret
          name: "{{ .StatefulSet.Name }}-secret"
          namespace: "{{ .StatefulSet.Namespace }}"
      args:
        namespace: "{{ .StatefulSet.Namespace }}"
        replicas: 3
        labels:
          "{{ .StatefulSet.Name }}": backup
        command:
        - sh
        - -c
        - pg_dump -U postgres -W {{ index .Phases.dump.Secrets.db.Data "password" | toString }}
    - func: KubeTask
      name: upload
      args:
        command: ["echo {{ .Phases.dump.Output.path }}", "{{ .Phases.upload.Output.x }}"]
    - func: WaitV2
      name: wait
      args:
        timeout: 1m
        conditions:
          anyOf:
          - condition: '{{ if .status.ready }}true{{ end }}'
            objectReference: {name: "{{ .StatefulSet.Name }}", namespace: shop}
    deferPhase:
      func: KubeTask
      name: cleanup
      args:
        command: ["echo {{ .Phases.dump.Output.path }}"]
"""
STATEFULSET = {"kind": "StatefulSet", "metadata": {"name": "pg", "namespace": "shop"}}
INPUTS = Inputs(
    outputs={"dump": {"path": "/backups/1"}, "cleanup": {"done": "yes"}},
    secrets={"dump": {"db": {"password": b"s3cret"}}},
)


def preview():
    blueprint = parse_blueprint(split_documents(BLUEPRINT, "pg.yaml").documents[0])
    return preview_action(blueprint.actions["backup"], Sample("StatefulSet", STATEFULSET), INPUTS)


def outputs(phase):
    return {s.location.partition(".args")[2]: s.outcome.output for s in phase.strings}


def test_each_phase_sees_its_own_objects_and_earlier_outputs_only():
    dump, upload, *_ = preview().phases
    assert outputs(dump)[".command[2]"] == "pg_dump -U postgres -W s3cret"
    assert outputs(upload)[".command[0]"] == "echo /backups/1"
    [failure] = [s for s in upload.strings if s.outcome.error]
    assert failure.location == "actions.backup.phases[1].args.command[1]"
    assert failure.outcome.error.kanister_message == 'Failed to render template: "x" not found'


def test_keys_are_rendered_and_other_values_pass_through():
    dump = preview().phases[0]
    assert dump.args["labels"] == {"pg": dump.args["labels"]["pg"]}
    assert dump.args["labels"]["pg"].output == "backup"
    assert dump.args["replicas"] == 3


def test_objects_are_rendered_when_the_action_starts():
    dump = preview().phases[0]
    assert [(s.location, s.outcome.output) for s in dump.objects] == [
        ("actions.backup.phases[0].objects.db.name", "pg-secret"),
        ("actions.backup.phases[0].objects.db.namespace", "shop"),
    ]


def test_waitv2_renders_only_its_object_references():
    wait = preview().phases[2]
    assert [s.location.rpartition(".")[2] for s in wait.strings] == ["name", "namespace"]
    condition = wait.args["conditions"]["anyOf"][0]["condition"]
    assert condition == "{{ if .status.ready }}true{{ end }}"


def test_the_defer_phase_runs_after_all_phases_and_artifacts_after_it():
    result = preview()
    cleanup = result.phases[-1]
    assert (cleanup.name, cleanup.is_defer) == ("cleanup", True)
    assert outputs(cleanup)[".command[0]"] == "echo /backups/1"
    assert {s.location.rpartition(".")[2]: s.outcome.output for s in result.artifacts} == {
        "path": "/backups/1",
        "cleaned": "yes",
    }


def test_secret_values_are_masked_as_text_and_as_the_byte_list_go_prints():
    secrets = {"dump": {"db": {"password": b"pass"}}}
    assert mask_secrets("-W pass and [112 97 115 115]", secrets) == f"-W {MASK} and {MASK}"
