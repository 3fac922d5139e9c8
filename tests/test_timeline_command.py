"""`manage.py timeline`: files in, an operation's timeline out as text or JSON; exit 0 or 2."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from blueprints_ui.transfer.management.commands.load_demo_data import DEMO_DIR

REPO = Path(__file__).resolve().parents[1]
MYSQL_DUMP = "shop:4b:StatefulSet/shop/mysql:dumpToObjectStore"
KUBESTASH = str(DEMO_DIR / "kubestash-mysql-hooks.yaml")
# The demo's Kasten objects, without its KubeStash sessions.
KASTEN = [
    str(path)
    for path in sorted(DEMO_DIR.glob("*.yaml"))
    if path.name != "kubestash-mysql-hooks.yaml"
]


def timeline(*args: str) -> str:
    out = io.StringIO()
    call_command("timeline", *args, stdout=out)
    return out.getvalue()


def refused(*args: str) -> CommandError:
    with pytest.raises(CommandError) as error:
        timeline(*args)
    return error.value


def run(*args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    """The command as a shell runs it, so the real exit status can be read."""
    environ = {k: v for k, v in os.environ.items() if k != "KASTEN_VERSION"}
    return subprocess.run(
        [sys.executable, "manage.py", "timeline", *args],
        cwd=REPO,
        env={**environ, "VAR_DIR": str(tmp_path)},
        capture_output=True,
        timeout=120,
        text=True,
    )


def steps(output: str) -> dict[str, dict]:
    (namespace,) = json.loads(output)["timelines"]
    return {step["id"]: step for step in namespace["steps"]}


class TestJson:
    def test_it_has_the_issues_shape(self):
        report = json.loads(
            timeline("--operation", "backup", "--policy", "shop-daily", "--format", "json", *KASTEN)
        )

        assert report["operation"] == "backup"
        (namespace,) = report["timelines"]
        assert namespace["namespace"] == "shop"
        first = namespace["steps"][0]
        assert list(first) == [
            "id", "seq", "step", "level", "kind", "title", "hook", "blueprint", "action",
            "phase", "resource", "timeout_minutes", "outcome", "reason", "notes",
            "artifacts_in", "artifacts_out",
        ]  # fmt: skip
        assert (first["id"], first["seq"], first["step"], first["level"]) == (
            "shop:1",
            1,
            "1",
            "namespace",
        )

    def test_a_failed_step_fails_and_the_cleanup_runs(self):
        found = steps(
            timeline("--operation", "backup", "--fail", MYSQL_DUMP, "--format", "json", *KASTEN)
        )

        assert found[MYSQL_DUMP]["outcome"] == "fails"
        assert found["shop:7"]["outcome"] == "runs"

    def test_timeouts_are_kastens_unless_given(self):
        default = steps(timeline("--operation", "backup", "--format", "json", *KASTEN))
        given = steps(
            timeline(
                "--operation",
                "backup",
                "--format",
                "json",
                "--timeout",
                "timeout.blueprintBackup=90",
                *KASTEN,
            )
        )

        assert default[MYSQL_DUMP]["timeout_minutes"] == 45
        assert given[MYSQL_DUMP]["timeout_minutes"] == 90


def test_text_shows_one_line_a_step_with_its_id():
    output = timeline("--operation", "restore", "--namespace", "shop", *KASTEN)

    assert output.startswith("restore\n\nnamespace shop\n")
    assert "mysql-blueprint/restore" in output
    assert "id shop:1\n" in output


class TestKubeStash:
    def test_a_backup_configuration_selects_the_kubestash_view(self):
        found = steps(timeline("--operation", "backup", "--format", "json", KUBESTASH))

        pre = found["shop:mysql-backup/frequent-backup:pre:readonly"]
        assert (pre["kind"], pre["outcome"]) == ("hook", "runs")
        assert found["shop:mysql-backup/frequent-backup:post:notify-slack"]["outcome"] == "skipped"

    def test_a_failing_pre_hook_fails_the_session(self):
        failed = "shop:mysql-backup/frequent-backup:pre:readonly"

        found = steps(
            timeline("--operation", "backup", "--fail", failed, "--format", "json", KUBESTASH)
        )

        assert found[failed]["outcome"] == "fails"
        assert found["shop:mysql-backup/frequent-backup:backup"]["outcome"] == "skipped"

    def test_kasten_only_operations_and_policies_are_refused(self):
        assert str(refused("--operation", "export", KUBESTASH)) == (
            "operation must be backup or restore, found 'export'"
        )
        assert str(refused("--operation", "backup", "--policy", "shop-daily", KUBESTASH)) == (
            "--policy shop-daily: the files hold KubeStash sessions, which no Kasten policy runs"
        )

    def test_files_with_kasten_objects_too_show_kastens_view_unless_kubestash_is_named(self):
        both = (*KASTEN, KUBESTASH)
        kasten = steps(timeline("--operation", "backup", "--format", "json", *both))
        assert MYSQL_DUMP in kasten

        named = steps(timeline("--operation", "kubestash-backup", "--format", "json", *both))
        assert "shop:mysql-backup/frequent-backup:pre:readonly" in named


class TestRefused:
    def test_an_unknown_step_id(self):
        error = refused("--operation", "backup", "--fail", "shop:9", *KASTEN)

        assert (error.returncode, str(error)) == (
            2,
            "no step 'shop:9' in the backup timeline; did you mean shop:7 or shop:5 or shop:4?",
        )

    def test_an_unknown_policy(self):
        error = refused("--operation", "export", "--policy", "nightly", *KASTEN)

        assert str(error) == "unknown policy 'nightly' (known: shop-daily)"
        assert error.returncode == 2

    def test_unreadable_yaml_with_its_position(self, tmp_path):
        broken = tmp_path / "broken.yaml"
        broken.write_text("kind: Deployment\nmetadata: [\n")

        error = refused("--operation", "backup", str(broken))

        assert error.returncode == 2
        assert str(error).startswith(f"cannot read the input:\n{broken}:3:1: ")

    def test_a_document_kubernetes_would_refuse(self, tmp_path):
        path = tmp_path / "bad-name.yaml"
        path.write_text("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: Bad_Name\n")

        error = refused("--operation", "backup", str(path))

        assert str(error) == (
            f"cannot read the input:\n{path}:4:9: metadata.name 'Bad_Name' is not a valid "
            "Kubernetes name (lower-case letters, digits, '-' and '.', starting and ending with a "
            "letter or digit)"
        )

    @pytest.mark.parametrize(
        ("option", "message"),
        [
            ("timeout.blueprintBackup", "expected NAME=MINUTES, found 'timeout.blueprintBackup'"),
            ("timeout.blueprintBackup=0", "expected 1 to 10080 minutes (a week), found 0"),
            ("timeout.blueprintBackup=soon", "expected a whole number of minutes, found 'soon'"),
            ("timeout.backup=5", "unknown setting 'timeout.backup': expected one of "),
        ],
    )
    def test_a_bad_timeout(self, option, message):
        error = refused("--operation", "backup", "--timeout", option, *KASTEN)

        assert message in str(error)


class TestExitStatus:
    def test_a_report_exits_0(self, tmp_path):
        result = run("--operation", "retire", *KASTEN, tmp_path=tmp_path)

        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("retire\n")

    def test_an_unknown_step_exits_2_with_the_reason(self, tmp_path):
        result = run("--operation", "backup", "--fail", "nope", *KASTEN, tmp_path=tmp_path)

        assert result.returncode == 2
        assert result.stderr.strip() == (
            "CommandError: no step 'nope' in the backup timeline (the text output lists ids)"
        )

    def test_a_bad_operation_exits_2(self, tmp_path):
        result = run("--operation", "snapshot", *KASTEN, tmp_path=tmp_path)

        assert result.returncode == 2
        assert "argument --operation: invalid choice: 'snapshot'" in result.stderr

    def test_a_missing_file_exits_2(self, tmp_path):
        result = run("--operation", "backup", str(tmp_path / "none.yaml"), tmp_path=tmp_path)

        assert result.returncode == 2
        assert "none.yaml: cannot read: No such file or directory" in result.stderr
