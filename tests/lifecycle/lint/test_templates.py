from tests.lifecycle.lint.helpers import blueprint, diagnostics, found


def kubetask(action: str, command: str, *, extra: str = "", name: str = "run") -> str:
    """An action with one KubeTask phase whose shell script is `command`."""
    script = "\n".join("          " + line for line in command.strip("\n").splitlines())
    return (
        f"{action}:\n{extra}"
        f"  phases:\n"
        f"  - func: KubeTask\n"
        f"    name: {name}\n"
        f"    args:\n"
        f"      image: busybox\n"
        f"      command:\n"
        f"        - sh\n"
        f"        - -c\n"
        f"        - |\n{script}\n"
    )


def test_a_syntax_error_points_at_the_line_and_column_inside_the_block_scalar():
    text = blueprint(kubetask("backupPrehook", "echo one\necho {{ .Object.metadata.name }\n"))
    [d] = found(text, "BP040")
    assert (d.line, d.column) == (18, 43)
    assert d.message.startswith("template syntax error: template: config:2:")


def test_an_unknown_template_function_from_sprig_v3_says_where_it_comes_from():
    text = blueprint(kubetask("backupPrehook", "echo {{ .Object | toYaml }}"))
    [d] = found(text, "BP041")
    assert d.hint == "toYaml exists only in Helm; Kanister has sprig v2.22.0"
    [d] = found(blueprint(kubetask("backupPrehook", "echo {{ toJsn .Object }}")), "BP041")
    assert d.hint == "did you mean `toJson`?"


def test_an_unknown_top_level_variable_suggests_the_right_one():
    [d] = found(blueprint(kubetask("backupPrehook", "echo {{ .Statefulset.Name }}")), "BP042")
    assert d.message == "can't evaluate field Statefulset in type param.TemplateParams"
    assert d.hint == "did you mean `StatefulSet`?"
    assert (d.line, d.column) == (17, 21)


def test_an_unknown_field_of_a_typed_variable_is_an_error():
    [d] = found(blueprint(kubetask("backupPrehook", "echo {{ .StatefulSet.Replicas }}")), "BP042")
    assert d.message.startswith("can't evaluate field Replicas in type *param.StatefulSetParams")


def test_namespace_name_depends_on_where_the_action_runs():
    command = "echo {{ .Namespace.Name }}"
    [bound] = found(blueprint(kubetask("backupPrehook", command)), "BP043")
    assert bound.hint == "use `.Object.metadata.namespace`"
    [delete] = found(blueprint(kubetask("delete", command)), "BP044")
    assert delete.severity == "info"
    hook = blueprint(kubetask("notify", command))
    assert found(hook, "BP043") == found(hook, "BP044") == []
    assert found(blueprint(kubetask("backupPrehook", command)), "BP043", profile="kanister") == []


def test_a_hook_only_action_has_no_subject_and_no_profile():
    hook = blueprint(
        kubetask(
            "notify", "echo {{ .StatefulSet.Name }} '{{ toJson .Profile }}'\nkando location push x"
        )
    )
    assert [d.code for d in diagnostics(hook) if d.code in ("BP045", "BP046")] == [
        "BP045",
        "BP046",
        "BP046",
    ]


def test_artifacts_in_must_be_declared_and_produced():
    text = blueprint(
        kubetask(
            "backup",
            "kando output id 1",
            extra="  outputArtifacts:\n    snap:\n      keyValue:\n        id: '{{ .Phases.run.Output.id }}'\n",
        )
        + kubetask(
            "restore",
            "echo {{ .ArtifactsIn.snap.KeyValue.id }} {{ .ArtifactsIn.other.KeyValue.id }}",
            extra="  inputArtifactNames: [snap, snapp]\n",
            name="restoreIt",
        )
    )
    [undeclared] = found(text, "BP047")
    assert "'other'" in undeclared.message
    [unproduced] = found(text, "BP048")
    assert unproduced.message == "input artifact 'snapp' is produced by no action of this blueprint"
    assert unproduced.hint == "did you mean `snap`?"


def test_phases_can_only_read_earlier_phases_and_their_own_objects():
    text = blueprint(
        """
backupPrehook:
  phases:
  - func: KubeTask
    name: first
    objects:
      creds: {kind: Secret, name: db, namespace: ns}
    args:
      image: busybox
      command: [sh, -c, "echo {{ .Phases.first.Secrets.creds.Data.pw | toString }} {{ .Phases.second.Output.x }}"]
  - func: KubeTask
    name: second
    args:
      image: busybox
      command: [sh, -c, "echo {{ .Phases.first.Output.x }} {{ .Phases.frist.Output.x }}"]
"""
    )
    messages = [d.message for d in found(text, "BP049")]
    assert len(messages) == 2
    assert "reads a later phase" in messages[0]
    assert "has no phase 'frist'" in messages[1]


def test_defer_phase_objects_are_read_through_defer_phase():
    text = blueprint(
        """
backupPrehook:
  phases:
  - func: KubeTask
    name: work
    args: {image: busybox, command: [sh, -c, "true"]}
  deferPhase:
    func: KubeTask
    name: cleanup
    objects:
      creds: {kind: Secret, name: db, namespace: ns}
    args:
      image: busybox
      command: [sh, -c, "echo {{ .Phases.cleanup.Secrets.creds.Data.pw | toString }}"]
"""
    )
    [d] = found(text, "BP050")
    assert d.hint.startswith("read its objects and output through .DeferPhase")
    fixed = text.replace(".Phases.cleanup.", ".DeferPhase.")
    assert found(fixed, "BP050") == found(fixed, "BP049") == []


def test_objects_are_rendered_before_any_phase():
    text = blueprint(
        """
backupPrehook:
  phases:
  - func: KubeTask
    name: work
    objects:
      creds: {kind: Secret, name: "{{ .Phases.work.Output.name }}", namespace: ns}
    args: {image: busybox, command: [sh, -c, "true"]}
"""
    )
    [d] = found(text, "BP051")
    assert d.line == 12


def test_phase_objects_must_be_declared_with_that_kind_and_secret_data_needs_to_string():
    text = blueprint(
        """
backupPrehook:
  phases:
  - func: KubeTask
    name: work
    objects:
      creds: {kind: ConfigMap, name: db, namespace: ns}
    args:
      image: busybox
      command: [sh, -c, "echo {{ .Phases.work.Secrets.creds.Data.pw }} {{ index .Phases.work.ConfigMaps.creds.Data \\"pw\\" }}"]
"""
    )
    [undeclared] = found(text, "BP052")
    assert undeclared.message.endswith("declares no Secret named 'creds' (it is a ConfigMap)")
    secret = text.replace("kind: ConfigMap", "kind: Secret").replace(".ConfigMaps.", ".Secrets.")
    [raw, indexed] = found(secret, "BP053")
    assert raw.message.startswith(".Phases.work.Secrets.creds.Data.pw prints Secret data")
    assert indexed.hint == "pipe it through toString: `{{ ... | toString }}`"


def test_outputs_must_be_written_by_kando_output_or_be_the_functions_own():
    text = blueprint(
        kubetask("backupPrehook", "kando output path /dump\nkando output 'size' 10").replace(
            "  phases:\n", "  phases:\n", 1
        )
        + """  - func: KubeOps
    name: create
    args: {operation: create, spec: "kind: Pod"}
  - func: KubeTask
    name: use
    args:
      image: busybox
      command: [sh, -c, "echo {{ .Phases.run.Output.path }} {{ .Phases.run.Output.size }} {{ .Phases.run.Output.sizes }} {{ .Phases.create.Output.name }} {{ .Phases.create.Output.uid }}"]
"""
    )
    messages = [d.message for d in found(text, "BP054")]
    assert messages == [
        ".Phases.run.Output.sizes: the command of phase 'run' never runs `kando output sizes`",
        ".Phases.create.Output.uid: KubeOps outputs apiVersion, group, resource, kind, name, namespace, not 'uid'",
    ]


def test_typed_variables_must_match_the_actions_kind():
    text = blueprint(
        kubetask("backupPrehook", "echo {{ .Deployment.Name }}", extra="  kind: StatefulSet\n")
    )
    [d] = found(text, "BP055")
    assert d.hint == "use .StatefulSet.Name"


def test_actionset_level_secrets_are_empty_in_kasten():
    text = blueprint(kubetask("backupPrehook", "echo {{ .Secrets.db.Data.pw | toString }}"))
    assert [d.code for d in diagnostics(text) if d.code == "BP056"] == ["BP056"]
    assert found(text, "BP056", profile="kanister") == []


def test_wait_v2_conditions_see_the_object_not_the_blueprint():
    text = blueprint(
        """
backupPrehook:
  phases:
  - func: WaitV2
    name: wait
    args:
      timeout: 5m
      conditions:
        anyOf:
        - condition: '{{ if eq .Object.status.phase "Running" }}true{{ end }}'
          objectReference: {apiVersion: v1, resource: pods, name: "{{ .Object.metadata.name }}", namespace: ns}
        - condition: '{{ if eq .status.phase "Running" | toString }}true{{ end }}'
          objectReference: {apiVersion: v1, resource: pods, name: x, namespace: ns}
"""
    )
    [context] = found(text, "BP018")
    assert context.line == 15
    [function] = found(text, "BP041")
    assert function.hint == "WaitV2 conditions have only Go's builtins, exists and base64decode"


def test_strings_inside_range_are_not_checked_against_the_top_level():
    text = blueprint(
        kubetask(
            "backupPrehook",
            "{{ range $i, $tag := .Object.status.tags }}{{ .tag }} {{ $tag.name }}{{ end }}",
        )
    )
    assert found(text, "BP042") == []
