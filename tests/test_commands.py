"""The set-up commands `make run` calls: both must be safe to run twice."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from blueprints_ui.blueprints.models import Blueprint, BlueprintRevision
from blueprints_ui.inventory.models import Resource
from blueprints_ui.kasten.models import BlueprintBinding, Policy

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, ...]:
    models = (Blueprint, BlueprintRevision, BlueprintBinding, Policy, Resource)
    return tuple(model.objects.count() for model in models)


def test_demo_data_gives_every_page_something_and_loads_once(capsys):
    call_command("load_demo_data")
    first = counts()
    assert first == (11, 11, 2, 1, 8)
    call_command("load_demo_data")
    assert counts() == first
    assert "0 created, 0 updated, 27 unchanged" in capsys.readouterr().out


def test_ensure_admin_takes_credentials_from_the_environment(monkeypatch, capsys):
    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "root-of-trust")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "s3cret-enough-pass")
    call_command("ensure_admin")
    admin = get_user_model().objects.get(username="root-of-trust")
    assert admin.is_superuser and admin.check_password("s3cret-enough-pass")
    out = capsys.readouterr().out
    assert "Created admin account 'root-of-trust' with DJANGO_SUPERUSER_PASSWORD." in out
    assert "s3cret-enough-pass" not in out


def test_ensure_admin_generates_and_prints_a_password_once(monkeypatch, capsys):
    monkeypatch.delenv("DJANGO_SUPERUSER_USERNAME", raising=False)
    monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)
    call_command("ensure_admin")
    out = capsys.readouterr().out
    password = out.split("with password ")[1].split(" ")[0]
    assert get_user_model().objects.get(username="admin").check_password(password)
    call_command("ensure_admin")
    again = capsys.readouterr().out
    assert password not in again
    assert "Admin account 'admin' is ready." in again
    assert get_user_model().objects.count() == 1
