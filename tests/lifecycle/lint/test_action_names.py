from tests.lifecycle.lint.helpers import blueprint, found

PHASES = """
  phases:
  - func: KubeTask
    name: {name}
    args: {{image: busybox, command: [sh, -c, "true"]}}
"""


def action(name: str) -> str:
    return f"{name}:" + PHASES.format(name=f"{name}Phase")


def test_a_name_close_to_a_reserved_one_is_a_warning_with_the_reserved_name():
    for written, meant in [
        ("backupPreHook", "backupPrehook"),
        ("postrestorehook", "restorePosthook"),
        ("Backup", "backup"),
    ]:
        [d] = found(blueprint(action(written)), "BP021")
        assert d.severity == "warning"
        assert d.hint.startswith(f"did you mean `{meant}`?"), (written, d.hint)


def test_another_name_is_fine_only_as_a_hook_and_is_said_so():
    [d] = found(blueprint(action("notifySlack")), "BP020")
    assert d.severity == "info"
    assert "only as a policy action hook" in d.message


def test_the_kanister_profile_accepts_any_action_name():
    text = blueprint(action("backupPreHook") + action("anything"))
    assert (
        found(text, "BP020", profile="kanister") == found(text, "BP021", profile="kanister") == []
    )


def test_restore_prehook_is_reserved_only_from_kasten_9_0_10():
    text = blueprint(action("restorePrehook"))
    [d] = found(text, "BP022")
    assert "reserved only from Kasten 9.0.10" in d.message
    assert found(text, "BP022", kasten_version="9.0.10") == []
    assert found(text, "BP020", kasten_version="9.0.10") == []
