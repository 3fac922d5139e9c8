from tests.lifecycle.lint.helpers import blueprint, found


def phase(func: str, args: str) -> str:
    return blueprint(f"backup:\n  phases:\n  - func: {func}\n    name: p\n    args:\n{args}")


def test_an_unknown_function_is_an_error_with_the_near_name():
    [d] = found(phase("kubetask", "      image: x\n"), "BP010")
    assert d.line == 9 and d.column == 13
    assert d.hint == "did you mean `KubeTask`? Function names are case-sensitive"


def test_a_removed_function_names_its_release_and_replacement():
    [d] = found(phase("CreateVolumeSnapshot", "      namespace: x\n"), "BP011")
    assert d.message == "function 'CreateVolumeSnapshot' was removed in Kanister 0.115.0"
    assert d.hint == "use CreateCSISnapshot"


def test_deprecated_functions_are_info():
    [d] = found(
        phase("Wait", "      timeout: 1m\n      conditions: {anyOf: [{condition: x}]}\n"), "BP012"
    )
    assert d.severity == "info"


def test_missing_required_arguments_are_listed():
    [d] = found(phase("KubeExec", "      namespace: x\n"), "BP013")
    assert d.message.startswith("KubeExec needs pod, command:")


def test_unknown_arguments_point_at_the_key_with_a_suggestion():
    [d] = found(
        phase("KubeTask", "      image: x\n      command: [a]\n      namspace: y\n"), "BP014"
    )
    assert (d.line, d.column) == (14, 9)
    assert d.hint == "did you mean `namespace`?"


def test_argument_names_from_the_upstream_docs_get_the_name_the_code_accepts():
    [d] = found(
        phase(
            "BackupDataStats",
            "      namespace: a\n      backupArtifactPrefix: b\n      backupID: c\n      mode: d\n",
        ),
        "BP014",
    )
    assert d.hint == "did you mean `statsMode`?"


def test_a_command_that_is_a_string_is_the_wrong_shape():
    [d] = found(phase("KubeTask", "      image: x\n      command: echo hi\n"), "BP015")
    assert "must be a list (argv)" in d.message


def test_pods_given_as_a_list_is_the_wrong_shape():
    [d] = found(
        phase(
            "KubeExecAll",
            "      namespace: a\n      pods: [a, b]\n      containers: c\n      command: [x]\n",
        ),
        "BP015",
    )
    assert d.message == (
        "KubeExecAll argument 'pods' must be a string (names are separated by spaces), found a list"
    )


def test_literal_values_are_checked_but_templates_are_not():
    bad = phase("KubeOps", "      operation: remove\n      namespace: x\n")
    [d] = found(bad, "BP016")
    assert (
        d.message == "KubeOps operation must be one of 'create', 'patch', 'delete', found 'remove'"
    )
    assert (
        found(phase("KubeOps", '      operation: "{{ .Options.op }}"\n      spec: x\n'), "BP016")
        == []
    )


def test_exactly_one_of_pod_or_volumes():
    text = phase(
        "RestoreData",
        "      namespace: a\n      image: b\n      backupArtifactPrefix: c\n      backupTag: d\n",
    )
    [d] = found(text, "BP016")
    assert d.message == "RestoreData needs exactly one of pod or volumes, found neither"


def test_a_wait_v2_timeout_is_never_rendered():
    text = phase(
        "WaitV2", '      timeout: "{{ .Options.t }}"\n      conditions: {anyOf: [{condition: x}]}\n'
    )
    [d] = found(text, "BP017")
    assert d.severity == "error"
    assert found(text.replace("WaitV2", "Wait"), "BP017") == []


def test_a_wait_timeout_must_be_a_go_duration():
    [d] = found(
        phase("WaitV2", "      timeout: 5 minutes\n      conditions: {anyOf: [{condition: x}]}\n"),
        "BP016",
    )
    assert d.hint == "write a duration such as `90s`, `5m` or `1h30m`"
