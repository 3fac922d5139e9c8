"""KubeStash objects through the import page and back out through the export, and their pages."""

from pathlib import Path

import pytest
from pytest_django.asserts import assertContains

from blueprints_ui.kubestash.inventory import stored_inventory
from blueprints_ui.kubestash.models import BackupConfiguration, HookTemplate, RestoreSession
from blueprints_ui.transfer.exporting import export_stream, exported_objects
from blueprints_ui.transfer.importing import import_sources
from lifecycle.kubestash import timeline

pytestmark = pytest.mark.django_db

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "kubestash" / "mysql-hooks.yaml"
IMPORT = "/transfer/import/"


def test_importing_the_three_kinds_stores_them_with_their_fields(auth_client):
    response = auth_client.post(IMPORT, {"source": FIXTURE.read_text()})
    assert response.status_code == 200
    assertContains(response, "Imported: 5 created, 0 updated, 0 unchanged, 0 skipped.")
    assertContains(
        response,
        '<a href="/kubestash/hooktemplates/demo/mysql-readonly/">'
        "HookTemplate demo/mysql-readonly</a>",
        html=True,
    )
    slack = HookTemplate.objects.get(name="slack-notify")
    assert (slack.action, slack.executor, slack.allowed_from) == ("httpPost", "Operator", "All")
    backup = BackupConfiguration.objects.get()
    assert (backup.target, backup.sessions) == ("MySQL/demo/sample-mysql", ["frequent-backup"])
    assert RestoreSession.objects.get().target == "MySQL/demo/restored-mysql"


def test_the_export_imports_again_unchanged_byte_for_byte(auth_client):
    import_sources([("mysql-hooks.yaml", FIXTURE.read_text())])
    stream = auth_client.get("/transfer/export/?kind=hooktemplates&kind=backupconfigurations"
                             "&kind=restoresessions").content.decode()  # fmt: skip
    assert stream == export_stream(exported_objects())
    report = import_sources([("export.yaml", stream)])
    assert report.summary() == "Imported: 0 created, 0 updated, 5 unchanged, 0 skipped."


def test_a_bad_execution_policy_is_a_422_naming_its_line_and_column(auth_client):
    bad = FIXTURE.read_text().replace("executionPolicy: OnFailure", "executionPolicy: Sometimes")
    response = auth_client.post(IMPORT, {"source": bad})
    assert response.status_code == 422
    assertContains(
        response,
        "&lt;pasted&gt;:125:26: spec.sessions[0].hooks.postBackup[1].executionPolicy must be one "
        "of Always, OnSuccess, OnFailure, found &#39;Sometimes&#39;",
        status_code=422,
    )
    assert not HookTemplate.objects.exists()


def test_the_list_and_detail_pages_show_the_objects_and_broken_references(auth_client):
    text = FIXTURE.read_text().replace(
        "name: slack-notify\n  namespace: demo", "name: slack\n  namespace: demo", 1
    )
    report = import_sources([("mysql-hooks.yaml", text)])
    assert not report.errors
    listing = auth_client.get("/kubestash/")
    assertContains(
        listing,
        '<a href="/kubestash/backupconfigurations/demo/sample-mysql-backup/">'
        "sample-mysql-backup</a>",
        html=True,
    )
    detail = auth_client.get("/kubestash/backupconfigurations/demo/sample-mysql-backup/")
    assertContains(detail, "HookTemplate demo/slack-notify is not among the objects read")
    assert auth_client.get("/kubestash/secrets/demo/x/").status_code == 404


def test_the_demo_data_has_a_shop_backup_session_whose_hooks_resolve(demo_data):
    inventory, problems = stored_inventory()
    assert problems == []
    [line] = timeline(inventory).timelines
    assert line.namespace == "shop"
    assert line.steps[0].id == "shop:mysql-backup/frequent-backup:pre:readonly"
