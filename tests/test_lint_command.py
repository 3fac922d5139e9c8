"""`manage.py lint`: files, directories or stdin in; text, JSON or SARIF out; exit 0, 1 or 2."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.conftest import example_files
from tests.factories import blueprint_yaml

REPO = Path(__file__).resolve().parents[1]
UNKNOWN_FUNCTION = blueprint_yaml("broken").replace("func: KubeTask", "func: KubeTaskk")
# Binds the blueprint `missing`, which none of the files defines.
BINDING = """apiVersion: config.kio.kasten.io/v1alpha1
kind: BlueprintBinding
metadata:
  name: bind-missing
  namespace: kasten-io
spec:
  blueprintRef:
    name: missing
    namespace: kasten-io
  resources:
    matchAll:
    - type:
        operator: In
        values:
        - group: apps
          resource: statefulsets
"""


def lint(*args: str) -> tuple[str, str, int]:
    """stdout, stderr and the exit status of call_command("lint", ...)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("lint", *args, stdout=out, stderr=err)
        status = 0
    except SystemExit as exit:
        status = exit.code
    return out.getvalue(), err.getvalue(), status


def run(*args: str, stdin: bytes = b"", tmp_path: Path) -> subprocess.CompletedProcess:
    """The command as a shell runs it, so the real exit status can be read."""
    environ = {k: v for k, v in os.environ.items() if k not in ("LINT_PROFILE", "KASTEN_VERSION")}
    return subprocess.run(
        [sys.executable, "manage.py", "lint", *args],
        cwd=REPO,
        env={**environ, "VAR_DIR": str(tmp_path)},
        input=stdin,
        capture_output=True,
        timeout=120,
    )


@pytest.fixture
def broken(tmp_path) -> Path:
    path = tmp_path / "broken.yaml"
    path.write_text(UNKNOWN_FUNCTION)
    return path


class TestExitStatus:
    def test_the_real_world_examples_have_no_errors_and_exit_0(self, tmp_path):
        paths = [str(path) for path in example_files()]
        result = run(*paths, tmp_path=tmp_path)
        assert result.returncode == 0, result.stdout.decode() + result.stderr.decode()
        summary = result.stdout.decode().splitlines()[-1]
        assert summary.startswith(f"{len(paths)} files checked: 0 errors, ")

    def test_an_error_exits_1(self, broken, tmp_path):
        result = run(str(broken), tmp_path=tmp_path)
        assert result.returncode == 1
        assert f"{broken}:9:13: error BP010 unknown function 'KubeTaskk'" in result.stdout.decode()

    def test_a_missing_file_exits_2_naming_it(self, tmp_path):
        result = run(str(tmp_path / "nowhere.yaml"), tmp_path=tmp_path)
        assert result.returncode == 2
        assert result.stderr.decode() == (
            f"CommandError: {tmp_path / 'nowhere.yaml'}: cannot read: No such file or directory\n"
        )

    def test_no_path_at_all_exits_2(self, tmp_path):
        result = run(tmp_path=tmp_path)
        assert result.returncode == 2
        assert "the following arguments are required: paths" in result.stderr.decode()

    def test_a_bad_kasten_version_exits_2(self, broken, tmp_path):
        result = run("--kasten-version", "latest", str(broken), tmp_path=tmp_path)
        assert result.returncode == 2
        assert (
            "argument --kasten-version: Kasten version 'latest' is not of the form 8.5 or 9.0.10"
        ) in result.stderr.decode()

    def test_a_file_that_is_not_utf8_exits_2_naming_it_and_the_line(self, tmp_path):
        latin1 = tmp_path / "latin1.yaml"
        latin1.write_bytes("kind: Namespace\nmetadata:\n  name: café\n".encode("latin-1"))
        result = run(str(latin1), tmp_path=tmp_path)
        assert result.returncode == 2
        assert result.stderr.decode() == (
            f"CommandError: {latin1}:3: not UTF-8 text (byte 0xe9): save it as UTF-8\n"
        )

    def test_stdin_is_read_for_a_dash_and_shown_as_stdin(self, tmp_path):
        result = run("-", stdin=UNKNOWN_FUNCTION.encode(), tmp_path=tmp_path)
        assert result.returncode == 1
        assert "<stdin>:9:13: error BP010" in result.stdout.decode()


class TestReading:
    def test_a_directory_is_searched_for_yaml_files(self, tmp_path):
        (tmp_path / "nested").mkdir()
        (tmp_path / "nested" / "bp.yml").write_text(UNKNOWN_FUNCTION)
        (tmp_path / "clean.yaml").write_text(blueprint_yaml("clean"))
        (tmp_path / "notes.txt").write_text("kind: [")
        out, _, status = lint(str(tmp_path))
        assert status == 1
        assert f"{tmp_path / 'nested' / 'bp.yml'}:9:13: error BP010" in out
        assert "notes.txt" not in out
        assert out.splitlines()[-1].startswith("2 files checked: 1 error, ")

    def test_hidden_folders_are_not_searched(self, tmp_path):
        (tmp_path / ".venv").mkdir()
        (tmp_path / ".venv" / "bp.yaml").write_text(UNKNOWN_FUNCTION)
        (tmp_path / "clean.yaml").write_text(blueprint_yaml("clean"))
        out, _, status = lint(str(tmp_path))
        assert status == 0
        assert out.startswith("1 file checked: 0 errors")

    def test_a_directory_without_yaml_is_refused(self, tmp_path):
        with pytest.raises(CommandError, match=r"no \.yaml or \.yml file in it") as raised:
            call_command("lint", str(tmp_path))
        assert raised.value.returncode == 2

    def test_a_file_named_twice_is_read_once(self, broken):
        out, _, _ = lint(str(broken), str(broken.parent))
        assert out.count("error BP010") == 1
        assert out.splitlines()[-1].startswith("1 file checked")

    def test_all_paths_are_linted_together_for_the_cross_object_rules(self, tmp_path):
        binding, other, bound = (tmp_path / name for name in ("b.yaml", "other.yaml", "m.yaml"))
        binding.write_text(BINDING)
        other.write_text(blueprint_yaml("other"))
        bound.write_text(blueprint_yaml("missing"))
        out, _, _ = lint(str(binding), str(other))
        assert f"{binding}:8:11: error BP060 the binding names blueprint 'missing'" in out
        out, _, _ = lint(str(binding), str(other), str(bound))
        assert "BP060" not in out

    def test_stdin_that_is_not_utf8_is_refused(self, monkeypatch):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"kind: \xff\n")))
        with pytest.raises(CommandError, match=r"<stdin>:1: not UTF-8 text \(byte 0xff\)"):
            call_command("lint", "-")


class TestFormats:
    def test_text_has_a_line_per_diagnostic_and_a_summary(self, broken):
        out, err, _ = lint(str(broken))
        lines = out.splitlines()
        assert f"{broken}:9:13: error BP010 unknown function 'KubeTaskk'" in out
        assert "    hint: did you mean `KubeTask`? Function names are case-sensitive" in lines
        assert lines[-1].startswith("1 file checked: 1 error, ")
        assert err == ""

    def test_json_is_the_only_thing_on_stdout(self, broken):
        out, err, status = lint("--format", "json", str(broken))
        data = json.loads(out)
        assert status == 1
        assert data["files"][0]["path"] == str(broken)
        assert data["summary"]["errors"] == 1
        assert err.startswith("1 file checked: 1 error, ")

    def test_sarif_is_a_sarif_log(self, broken):
        out, _, _ = lint("--format", "sarif", str(broken))
        sarif = json.loads(out)
        assert sarif["version"] == "2.1.0"
        results = sarif["runs"][0]["results"]
        assert any(r["ruleId"] == "BP010" and r["level"] == "error" for r in results)

    def test_the_kanister_profile_allows_any_action_name(self, tmp_path):
        path = tmp_path / "bp.yaml"
        path.write_text(blueprint_yaml("bp", action="backupPrehok"))
        kasten, _, _ = lint(str(path))
        kanister, _, _ = lint("--profile", "kanister", str(path))
        assert "BP021" in kasten
        assert "BP021" not in kanister
