"""`manage.py check --deploy` passes with production values and flags the local defaults."""

import secrets
import string
import subprocess
import sys

from tests.test_settings import REPO, settings_environ


def random_secret_key(length: int = 50) -> str:
    return "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(length))


def production_environ(**overrides: str) -> dict[str, str]:
    env = {
        "DEBUG": "false",
        "SECRET_KEY": random_secret_key(),
        "ALLOWED_HOSTS": "studio.example.com",
        "CSRF_TRUSTED_ORIGINS": "https://studio.example.com",
        "SECURE": "true",
    }
    return {**env, **overrides}


def check_deploy(var_dir, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO,
        env=settings_environ(var_dir, **env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_values_pass_the_deploy_check(tmp_path):
    result = check_deploy(tmp_path, **production_environ())

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_local_defaults_fail_the_deploy_check(tmp_path):
    result = check_deploy(tmp_path)

    assert result.returncode == 1
    for warning in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert warning in result.stderr


def test_debug_fails_the_deploy_check(tmp_path):
    result = check_deploy(tmp_path, **production_environ(DEBUG="true"))

    assert result.returncode == 1
    assert "security.W018" in result.stderr


def test_a_short_secret_key_fails_the_deploy_check(tmp_path):
    result = check_deploy(tmp_path, **production_environ(SECRET_KEY="too-short"))

    assert result.returncode == 1
    assert "security.W009" in result.stderr
