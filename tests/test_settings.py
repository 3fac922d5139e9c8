"""Settings read from the environment: local defaults, production switches and loud refusals."""

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from lifecycle.lint import DEFAULT_KASTEN_VERSION

REPO = Path(__file__).resolve().parents[1]

# Every variable settings.py reads: each subprocess starts without them and sets only its own.
SETTINGS_VARIABLES = (
    "ALLOWED_HOSTS",
    "CONN_MAX_AGE",
    "CSRF_TRUSTED_ORIGINS",
    "DATABASE_URL",
    "DATABASE_URL_FILE",
    "DEBUG",
    "KASTEN_VERSION",
    "LINT_PROFILE",
    "LOG_LEVEL",
    "SECRET_KEY",
    "SECRET_KEY_FILE",
    "SECURE",
    "SECURE_HSTS_SECONDS",
    "SECURE_SSL_REDIRECT",
    "STATIC_MANIFEST",
    "STATIC_ROOT",
    "VAR_DIR",
    "YAML_MAX_BYTES",
)

PRINT_SETTINGS = """
import json
from blueprints_ui import settings as s

db = s.DATABASES["default"]
print(json.dumps({
    "DEBUG": s.DEBUG,
    "SECRET_KEY": s.SECRET_KEY,
    "ALLOWED_HOSTS": s.ALLOWED_HOSTS,
    "CSRF_TRUSTED_ORIGINS": s.CSRF_TRUSTED_ORIGINS,
    "SESSION_COOKIE_SECURE": s.SESSION_COOKIE_SECURE,
    "CSRF_COOKIE_SECURE": s.CSRF_COOKIE_SECURE,
    "SECURE_SSL_REDIRECT": s.SECURE_SSL_REDIRECT,
    "SECURE_HSTS_SECONDS": s.SECURE_HSTS_SECONDS,
    "SECURE_PROXY_SSL_HEADER": s.SECURE_PROXY_SSL_HEADER,
    "ENGINE": db["ENGINE"],
    "NAME": str(db["NAME"]),
    "HOST": db.get("HOST", ""),
    "PORT": db.get("PORT", ""),
    "CONN_MAX_AGE": db["CONN_MAX_AGE"],
    "STATICFILES_STORAGE": s.STORAGES["staticfiles"]["BACKEND"],
    "WHITENOISE_USE_FINDERS": s.WHITENOISE_USE_FINDERS,
    "LINT_PROFILE": s.LINT_PROFILE,
    "KASTEN_VERSION": s.KASTEN_VERSION,
}))
"""


def settings_environ(var_dir: Path, **env: str) -> dict[str, str]:
    """This process's environment without the settings variables, plus VAR_DIR and ENV."""
    environ = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARIABLES}
    environ.update(VAR_DIR=str(var_dir), **env)
    return environ


def import_settings(var_dir: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=REPO,
        env=settings_environ(var_dir, **env),
        capture_output=True,
        text=True,
        timeout=60,
    )


def load_settings(var_dir: Path, **env: str) -> dict:
    result = import_settings(var_dir, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def settings_error(var_dir: Path, **env: str) -> str:
    """The last line of the traceback when importing the settings fails."""
    result = import_settings(var_dir, **env)
    assert result.returncode != 0, result.stdout
    return result.stderr.strip().splitlines()[-1]


def test_the_suite_runs_on_the_database_named_by_database_url():
    # CI runs the suite twice: this is what proves the second run really used PostgreSQL.
    if os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        assert connection.vendor == "postgresql"
    else:
        assert connection.vendor == "sqlite"


def test_defaults_suit_local_use(tmp_path):
    s = load_settings(tmp_path)

    assert s["DEBUG"] is False
    assert s["ALLOWED_HOSTS"] == ["localhost", "127.0.0.1", "[::1]"]
    assert s["CSRF_TRUSTED_ORIGINS"] == []
    assert s["ENGINE"] == "django.db.backends.sqlite3"
    assert s["NAME"] == str(tmp_path / "db.sqlite3")
    assert s["SESSION_COOKIE_SECURE"] is False
    assert s["SECURE_SSL_REDIRECT"] is False
    assert s["SECURE_HSTS_SECONDS"] == 0
    assert s["SECURE_PROXY_SSL_HEADER"] is None


def test_a_generated_secret_key_is_kept_under_var_dir(tmp_path):
    first = load_settings(tmp_path)["SECRET_KEY"]
    key_file = tmp_path / "secret_key"

    assert len(first) >= 50
    assert key_file.read_text() == first
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert load_settings(tmp_path)["SECRET_KEY"] == first


def test_secret_key_comes_from_the_environment_before_the_file(tmp_path):
    s = load_settings(tmp_path, SECRET_KEY="from-the-environment")

    assert s["SECRET_KEY"] == "from-the-environment"
    assert not (tmp_path / "secret_key").exists()


def test_secret_key_file_is_read_and_stripped(tmp_path):
    secret = tmp_path / "mounted-secret"
    secret.write_text("from-a-mounted-file\n")

    s = load_settings(tmp_path, SECRET_KEY_FILE=str(secret), SECRET_KEY="ignored")

    assert s["SECRET_KEY"] == "from-a-mounted-file"


def test_a_missing_secret_key_file_is_refused(tmp_path):
    missing = tmp_path / "nowhere"

    assert settings_error(tmp_path, SECRET_KEY_FILE=str(missing)) == (
        "django.core.exceptions.ImproperlyConfigured: "
        f"SECRET_KEY_FILE={str(missing)!r}: No such file or directory"
    )


def test_lists_are_split_on_commas(tmp_path):
    s = load_settings(
        tmp_path,
        ALLOWED_HOSTS=" studio.example.com, .example.org ,",
        CSRF_TRUSTED_ORIGINS="https://studio.example.com",
    )

    assert s["ALLOWED_HOSTS"] == ["studio.example.com", ".example.org"]
    assert s["CSRF_TRUSTED_ORIGINS"] == ["https://studio.example.com"]


def test_secure_turns_on_everything_tls_needs(tmp_path):
    s = load_settings(tmp_path, SECURE="true")

    assert s["SESSION_COOKIE_SECURE"] is True
    assert s["CSRF_COOKIE_SECURE"] is True
    assert s["SECURE_SSL_REDIRECT"] is True
    assert s["SECURE_HSTS_SECONDS"] == 31536000
    assert s["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_secure_redirect_and_hsts_can_be_tuned(tmp_path):
    s = load_settings(tmp_path, SECURE="yes", SECURE_SSL_REDIRECT="off", SECURE_HSTS_SECONDS="60")

    assert s["SESSION_COOKIE_SECURE"] is True
    assert s["SECURE_SSL_REDIRECT"] is False
    assert s["SECURE_HSTS_SECONDS"] == 60


def test_database_url_selects_postgresql(tmp_path):
    s = load_settings(
        tmp_path, DATABASE_URL="postgres://studio:pw@db.example.com:5433/studio", CONN_MAX_AGE="0"
    )

    assert s["ENGINE"] == "django.db.backends.postgresql"
    assert (s["HOST"], s["PORT"], s["NAME"]) == ("db.example.com", 5433, "studio")
    assert s["CONN_MAX_AGE"] == 0


def test_database_url_file_is_read(tmp_path):
    secret = tmp_path / "database-url"
    secret.write_text("postgres://studio@db.example.com/studio\n")

    s = load_settings(tmp_path, DATABASE_URL_FILE=str(secret))

    assert (s["ENGINE"], s["HOST"]) == ("django.db.backends.postgresql", "db.example.com")


def test_static_files_come_from_their_sources_until_collected(tmp_path):
    s = load_settings(tmp_path, STATIC_ROOT=str(tmp_path / "static"))

    assert s["WHITENOISE_USE_FINDERS"] is True
    assert s["STATICFILES_STORAGE"] == "django.contrib.staticfiles.storage.StaticFilesStorage"


def test_collected_static_files_are_served_from_the_manifest(tmp_path):
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "staticfiles.json").write_text('{"version": "1.1", "paths": {}}')

    s = load_settings(tmp_path, STATIC_ROOT=str(tmp_path / "static"))

    assert s["WHITENOISE_USE_FINDERS"] is False
    assert s["STATICFILES_STORAGE"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_static_manifest_makes_collectstatic_write_the_manifest(tmp_path):
    static_root = tmp_path / "static"
    environ = settings_environ(
        tmp_path, STATIC_ROOT=str(static_root), STATIC_MANIFEST="true", SECRET_KEY="build-only"
    )
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=REPO, env=environ, capture_output=True, check=True, timeout=120,
    )  # fmt: skip

    manifest = json.loads((static_root / "staticfiles.json").read_text())
    assert manifest["paths"]["css/app.css"].startswith("css/app.")
    assert (static_root / manifest["paths"]["css/app.css"]).with_suffix(".css.gz").exists()
    assert load_settings(tmp_path, STATIC_ROOT=str(static_root))["WHITENOISE_USE_FINDERS"] is False


def test_lint_checks_against_kasten_at_the_linter_default_version(tmp_path):
    s = load_settings(tmp_path)

    assert s["LINT_PROFILE"] == "kasten"
    assert s["KASTEN_VERSION"] == DEFAULT_KASTEN_VERSION


def test_lint_profile_and_kasten_version_come_from_the_environment(tmp_path):
    s = load_settings(tmp_path, LINT_PROFILE="Kanister", KASTEN_VERSION=" 9.0.10 ")

    assert s["LINT_PROFILE"] == "kanister"
    assert s["KASTEN_VERSION"] == "9.0.10"


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("DEBUG", "maybe", "expected one of true/false/1/0/yes/no"),
        ("STATIC_MANIFEST", "sure", "expected one of true/false/1/0/yes/no"),
        ("SECURE", "sometimes", "expected one of true/false/1/0/yes/no"),
        ("SECURE_HSTS_SECONDS", "a year", "expected an integer"),
        ("CONN_MAX_AGE", "forever", "expected an integer"),
        ("YAML_MAX_BYTES", "2MB", "expected an integer"),
        ("LINT_PROFILE", "k10", "expected one of kasten/kanister"),
        ("KASTEN_VERSION", "latest", "expected a Kasten version such as 8.5 or 9.0.10"),
    ],
)
def test_bad_values_are_refused_with_the_variable_name(tmp_path, name, value, expected):
    assert settings_error(tmp_path, **{name: value}) == (
        f"django.core.exceptions.ImproperlyConfigured: {name}={value!r}: {expected}"
    )
