from tests.lifecycle.lint.helpers import blueprint, found

TASK = "{image: busybox, command: [sh, -c, 'true']}"

CREATE_PVC = """
backupPrehook:
  phases:
  - func: KubeOps
    name: createDumpPVC
    args:
      operation: create
      namespace: "{{ .Object.metadata.namespace }}"
      spec: |
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata:
          name: {{ .Object.metadata.name }}-dump
"""


def action(name: str, extra: str = "") -> str:
    return f"{name}:\n{extra}  phases:\n  - {{func: KubeTask, name: {name}Task, args: {TASK}}}\n"


class TestPvcCreatedInBackupPrehook:
    def test_a_kubeops_create_of_a_pvc_is_a_warning_at_its_kind_line(self):
        [d] = found(blueprint(CREATE_PVC), "BP030")
        assert (d.severity, d.line, d.column, d.end_column) == ("warning", 16, 11, 38)
        assert d.message == (
            "phase 'createDumpPVC' creates a PersistentVolumeClaim in backupPrehook: it will not "
            "be in the restore point, because Kasten discovers PVCs before backupPrehook runs"
        )
        assert d.hint.startswith("create the PVC from a policy preHook action hook instead")
        assert d.location == "actions.backupPrehook.phases[0].args.spec"

    def test_a_json_spec_and_the_defer_phase_count_too(self):
        text = blueprint(
            action("backupPrehook")
            + "  deferPhase:\n    func: KubeOps\n    name: makePVC\n    args:\n"
            "      operation: create\n"
            '      spec: \'{"apiVersion": "v1", "kind": "PersistentVolumeClaim"}\'\n'
        )
        [d] = found(text, "BP030")
        assert "in backupPrehook's deferPhase" in d.message

    def test_restore_csi_snapshot_creates_a_pvc(self):
        text = blueprint(
            "backupPrehook:\n  phases:\n  - func: RestoreCSISnapshot\n    name: clone\n"
            "    args: {name: s, pvc: p, namespace: n, storageClass: c, restoreSize: 1Gi}\n"
        )
        [d] = found(text, "BP030")
        assert d.line == 9
        assert "restores a CSI snapshot into a new PVC" in d.message

    def test_other_objects_and_other_actions_are_fine(self):
        pod = CREATE_PVC.replace("PersistentVolumeClaim", "Pod")
        assert found(blueprint(pod), "BP030") == []
        posthook = CREATE_PVC.replace("backupPrehook", "backupPosthook")
        assert found(blueprint(posthook), "BP030") == []

    def test_standalone_kanister_has_no_backup_lifecycle(self):
        assert found(blueprint(CREATE_PVC), "BP030", profile="kanister") == []


DELETE_PVC = """
  deferPhase:
    func: KubeOps
    name: deleteDumpPVC
    args:
      operation: delete
      objectReference:
        apiVersion: v1
        resource: persistentvolumeclaims
        name: dump
        namespace: shop
"""


class TestPvcDeletedBeforeSnapshot:
    def test_the_prehook_defer_phase_deleting_a_pvc_is_a_warning_at_the_resource(self):
        [d] = found(blueprint(action("backupPrehook") + DELETE_PVC), "BP031")
        assert (d.severity, d.line, d.column) == ("warning", 18, 21)
        assert d.message == (
            "backupPrehook's deferPhase 'deleteDumpPVC' deletes a PVC: the defer phase runs "
            "before Kasten takes the snapshots, so the PVC is gone before it could be captured"
        )
        assert d.hint == (
            "delete the dump PVC in backupPosthook, which Kasten calls after the snapshots complete"
        )

    def test_deleting_it_in_backup_posthook_or_deleting_a_pod_is_fine(self):
        assert found(blueprint(action("backupPosthook") + DELETE_PVC), "BP031") == []
        pod = DELETE_PVC.replace("persistentvolumeclaims", "pods")
        assert found(blueprint(action("backupPrehook") + pod), "BP031") == []


class TestActionLevelObjects:
    def test_config_map_and_secret_names_are_warnings_at_their_keys(self):
        extra = "  configMapNames: [settings]\n  secretNames: [creds]\n"
        found_ = found(blueprint(action("backupPrehook", extra)), "BP032")
        assert [(d.line, d.location) for d in found_] == [
            (8, "actions.backupPrehook.configMapNames"),
            (9, "actions.backupPrehook.secretNames"),
        ]
        assert found_[1].message == (
            "action 'backupPrehook' declares secretNames at action level: Kasten creates the "
            "ActionSet itself and resolves only the objects declared on phases"
        )
        assert "as .Phases.<phase>.Secrets.<name>" in found_[1].hint

    def test_action_level_objects_is_left_to_the_unknown_field_rule(self):
        extra = "  objects: {creds: {kind: Secret, name: c, namespace: n}}\n"
        text = blueprint(action("backupPrehook", extra))
        assert found(text, "BP032") == []
        assert len(found(text, "BP007")) == 1

    def test_standalone_kanister_resolves_them(self):
        extra = "  secretNames: [creds]\n"
        assert found(blueprint(action("backup", extra)), "BP032", profile="kanister") == []


class TestLogicalBlueprints:
    def test_a_backup_without_restore_and_a_restore_without_backup(self):
        [d] = found(blueprint(action("backup")), "BP033")
        assert (d.line, d.severity) == (7, "warning")
        assert d.message.startswith("the blueprint has a `backup` action but no `restore`")
        [d] = found(blueprint(action("restore")), "BP033")
        assert d.message.startswith("the blueprint has a `restore` action but no `backup`")
        assert "restorePosthook" in d.hint
        assert found(blueprint(action("backup") + action("restore")), "BP033") == []

    def test_backup_artifacts_without_delete(self):
        extra = "  outputArtifacts:\n    dump: {keyValue: {path: /dumps/x}}\n"
        text = blueprint(action("backup", extra) + action("restore"))
        [d] = found(text, "BP034")
        assert (d.line, d.location) == (8, "actions.backup.outputArtifacts")
        assert "never cleaned up when Kasten retires the restore point" in d.message
        assert found(blueprint(action("backup", extra) + action("delete")), "BP034") == []
        assert found(blueprint(action("backup") + action("restore")), "BP034") == []

    def test_a_logical_blueprint_gets_one_note_with_its_limitations(self):
        text = blueprint(action("delete") + action("restore") + action("backup"))
        [d] = found(text, "BP035")
        assert (d.severity, d.location) == ("info", "actions.restore")
        for limitation in ("no incremental backups", "kando", "opaque", "data mover", "immutab"):
            assert limitation in d.message
        assert found(blueprint(action("backupPrehook")), "BP035") == []

    def test_standalone_kanister_has_no_logical_blueprints(self):
        text = blueprint(action("backup", "  outputArtifacts: {a: {keyValue: {k: v}}}\n"))
        for code in ("BP033", "BP034", "BP035"):
            assert found(text, code, profile="kanister") == []
