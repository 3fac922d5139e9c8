"""Shared fixtures: users, logged-in clients, the demo data and the real-world examples."""

from pathlib import Path

import pytest
from rest_framework.test import APIClient

from blueprints_ui.transfer.importing import import_sources
from blueprints_ui.transfer.management.commands.load_demo_data import DEMO_DIR, demo_sources
from tests.factories import UserFactory

SHARED_EXAMPLES = Path(__file__).resolve().parents[2] / "shared" / "examples"
VENDORED_EXAMPLES = (
    "csi-snapshot-blueprint.yaml",
    "k8ssandra-blueprint.yaml",
    "mysql-blueprint.yaml",
    "postgres-ha-hook-blueprint.yaml",
    "time-log-blueprint.yaml",
)


def example_files() -> list[Path]:
    """The real-world blueprints of shared/examples (vendored copies when shared/ is absent)."""
    if SHARED_EXAMPLES.is_dir():
        return sorted(SHARED_EXAMPLES.glob("*.yaml"))
    return [DEMO_DIR / name for name in VENDORED_EXAMPLES]


def seed_example_files() -> list[Path]:
    """The examples of the spec documents, re-indented as YAML files."""
    return sorted(DEMO_DIR.glob("seed-*.yaml"))


@pytest.fixture
def user(db):
    return UserFactory(username="alice")


@pytest.fixture
def other_user(db):
    return UserFactory(username="bob")


@pytest.fixture
def auth_client(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def api_client(user):
    api = APIClient()
    api.force_authenticate(user)
    return api


@pytest.fixture
def demo_data(db):
    report = import_sources(demo_sources(), message="Demo data")
    assert not report.errors, report.errors
    return report
