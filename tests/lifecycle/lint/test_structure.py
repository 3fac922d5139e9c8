from tests.lifecycle.lint.helpers import blueprint, diagnostics, found

KUBETASK = """
backupPrehook:
  phases:
  - func: KubeTask
    name: dump
    args:
      image: busybox
      command: [sh, -c, "echo hi"]
"""


def test_a_clean_blueprint_has_no_findings():
    assert diagnostics(blueprint(KUBETASK)) == []


def test_yaml_syntax_errors_point_at_the_line_and_later_documents_are_still_checked():
    text = "a: [1, 2\n---\n" + blueprint(KUBETASK).replace("kind: Blueprint", "kind: BluePrint")
    codes = [(d.code, d.line) for d in diagnostics(text)]
    assert codes[0][0] == "BP001"
    assert ("BP002", 4) in codes


def test_wrong_api_version_is_an_error_at_that_line():
    text = blueprint(KUBETASK).replace("cr.kanister.io/v1alpha1", "cr.kanister.io/v1")
    [d] = found(text, "BP002")
    assert (d.line, d.column, d.severity) == (1, 13, "error")
    assert (
        d.message
        == "apiVersion must be cr.kanister.io/v1alpha1 for a Blueprint, found 'cr.kanister.io/v1'"
    )


def test_missing_name_and_missing_actions_are_errors():
    text = (
        "apiVersion: cr.kanister.io/v1alpha1\nkind: Blueprint\nmetadata: {namespace: kasten-io}\n"
    )
    assert {d.code for d in diagnostics(text)} == {"BP003", "BP004"}


def test_an_action_without_phases_is_an_error_at_its_key():
    [d] = found(blueprint("backupPrehook:\n  kind: StatefulSet\n"), "BP005")
    assert (d.line, d.location) == (7, "actions.backupPrehook.phases")


def test_a_phase_without_args_names_what_is_missing():
    [d] = found(blueprint("backupPrehook:\n  phases:\n  - func: KubeTask\n    name: x\n"), "BP006")
    assert d.message == "phase is missing args"
    assert d.location == "actions.backupPrehook.phases[0]"


def test_unknown_fields_at_action_and_phase_level_suggest_the_right_name():
    text = blueprint(
        KUBETASK.replace("  phases:", "  inputArtifactName: [x]\n  phases:").replace(
            "    args:", "    arg: {}\n    args:"
        )
    )
    hints = {d.location: d.hint for d in found(text, "BP007")}
    assert hints == {
        "actions.backupPrehook.inputArtifactName": "did you mean `inputArtifactNames`?",
        "actions.backupPrehook.phases[0].arg": "did you mean `args`?",
    }


def test_a_field_of_the_wrong_shape_is_reported_not_crashed_on():
    [d] = found(blueprint("backupPrehook:\n  phases: dump\n"), "BP008")
    assert d.message == "actions.backupPrehook.phases must be a list of phases, found 'dump'"


def test_a_blueprint_outside_the_kasten_namespace_is_a_warning_in_the_kasten_profile_only():
    text = blueprint(KUBETASK, namespace="kanister")
    [d] = found(text, "BP009")
    assert d.severity == "warning" and d.line == 5
    assert found(text, "BP009", profile="kanister") == []


def test_phase_names_must_be_unique_across_actions_and_defer_phases():
    text = blueprint(
        KUBETASK
        + """
  deferPhase:
    func: KubeTask
    name: dump
    args: {image: busybox, command: [true]}
backupPosthook:
  phases:
  - func: KubeTask
    name: dump
    args: {image: busybox, command: [true]}
"""
    )
    assert [(d.location, d.message) for d in found(text, "BP019")] == [
        (
            "actions.backupPrehook.deferPhase.name",
            "phase name 'dump' is already used at actions.backupPrehook.phases[0]",
        ),
        (
            "actions.backupPosthook.phases[0].name",
            "phase name 'dump' is already used at actions.backupPrehook.phases[0]",
        ),
    ]


def test_parsed_phases_keep_their_values_and_where_they_were_written():
    from lifecycle.parsing import parse_blueprint
    from lifecycle.yamlpos import split_documents

    text = blueprint(KUBETASK)
    [document] = split_documents(text, "bp.yaml").documents
    parsed = parse_blueprint(document)
    [phase] = parsed.actions["backupPrehook"].phases
    assert (phase.name, phase.func, phase.path) == (
        "dump",
        "KubeTask",
        "actions.backupPrehook.phases[0]",
    )
    assert phase.args["command"] == ["sh", "-c", "echo hi"]
    assert document.position_of(phase.arg_node("image")).line == 12
