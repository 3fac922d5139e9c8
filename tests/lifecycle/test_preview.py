"""An action previewed string by string, rendered where and when Kanister renders it."""

from lifecycle.parsing import parse_blueprint
from lifecycle.preview import (
    MASK,
    Inputs,
    artifact_keys,
    file_position,
    kando_output_keys,
    mask_secrets,
    preview_action,
    varies,
)
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


def test_a_failed_string_points_at_its_file_line_and_column():
    [failure] = preview().failures
    line, column = file_position(failure, BLUEPRINT)
    assert (line, column) == (31, 69)
    assert BLUEPRINT.splitlines()[line - 1][column - 1 :].startswith(".upload.Output.x }}")


def test_file_positions_follow_block_scalars():
    text = BLUEPRINT.replace(
        "    deferPhase:",
        "    - func: KubeTask\n      name: late\n      args:\n        command:\n"
        "        - |\n          echo one\n          echo {{ .Nope }}\n    deferPhase:",
    )
    document = split_documents(text, "pg.yaml").documents[0]
    action = parse_blueprint(document).actions["backup"]
    result = preview_action(action, Sample("StatefulSet", STATEFULSET), INPUTS)
    failure = next(s for s in result.failures if ".phases[3]" in s.location)
    assert file_position(failure, text, document.offset) == (46, 19)
    assert text.splitlines()[45][18:].startswith(".Nope")


def test_strings_calling_random_time_or_environment_functions_vary():
    assert varies('{{ now | date "2006" }}-{{ randAlphaNum 4 }}')
    assert varies('{{ env "HOME" }}')
    assert not varies("{{ .Time }}")
    assert not varies("{{ now")  # a syntax error is reported as such, not as varying
    assert not varies("plain now")


def test_kando_output_keys_come_from_the_phase_commands():
    phase = (
        parse_blueprint(
            split_documents(
                BLUEPRINT.replace(
                    "pg_dump -U", "kando output path /b; kando output 'size' 3; pg_dump"
                ),
                "pg.yaml",
            ).documents[0]
        )
        .actions["backup"]
        .phases[0]
    )
    assert kando_output_keys(phase) == ["path", "size"]


def test_input_artifact_keys_come_from_the_action_that_outputs_them():
    text = BLUEPRINT + "  restore:\n    inputArtifactNames: [dump, other]\n    phases: []\n"
    blueprint = parse_blueprint(split_documents(text, "pg.yaml").documents[0])
    assert artifact_keys(blueprint, blueprint.actions["restore"]) == {
        "dump": ["path", "cleaned"],
        "other": [],
    }


def test_output_keys_include_what_the_function_returns():
    text = BLUEPRINT.replace(
        "func: KubeTask\n      name: upload", "func: ScaleWorkload\n      name: upload"
    )
    phase = (
        parse_blueprint(split_documents(text, "pg.yaml").documents[0]).actions["backup"].phases[1]
    )
    assert kando_output_keys(phase) == ["originalReplicaCount"]


def test_a_date_of_something_that_is_not_a_time_varies_but_the_idiom_does_not():
    data = {"Time": "2024-05-01T12:34:56.123456789Z"}
    assert varies('{{ date "2006-01-02" .Time }}', data)  # sprig formats the current time
    idiom = '{{ toDate "2006-01-02T15:04:05.999999999Z07:00" .Time | date "2006-01-02" }}'
    assert not varies(idiom, data)


def test_the_preview_marks_the_strings_that_vary():
    dated = BLUEPRINT.replace("replicas: 3", "stamp: '{{ date \"2006\" .StatefulSet.Name }}'")
    blueprint = parse_blueprint(split_documents(dated, "pg.yaml").documents[0])
    dump = preview_action(blueprint.actions["backup"], Sample("StatefulSet", STATEFULSET), INPUTS)
    flagged = {s.location.rpartition(".")[2] for s in dump.phases[0].strings if s.varies}
    assert flagged == {"stamp"}
