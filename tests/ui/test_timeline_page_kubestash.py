"""The timeline page's KubeStash view: offered when a BackupConfiguration is stored."""

import html

import pytest

from tests.factories import store_yaml

pytestmark = pytest.mark.django_db
URL = "/timeline/"
HOOK_TEMPLATE = """apiVersion: core.kubestash.com/v1alpha1
kind: HookTemplate
metadata:
  name: mysql-readonly
  namespace: shop
spec:
  action:
    exec:
      command: [/bin/sh, -c, "mysql -e 'SET GLOBAL super_read_only = ON;'"]
  executor:
    type: Pod
    pod:
      selector: app.kubernetes.io/name=mysql
"""
BACKUP_CONFIGURATION = """apiVersion: core.kubestash.com/v1alpha1
kind: BackupConfiguration
metadata:
  name: mysql-backup
  namespace: shop
spec:
  target: {apiGroup: apps, kind: StatefulSet, namespace: shop, name: mysql}
  backends:
  - name: gcs-backend
    storageRef: {namespace: shop, name: gcs-storage}
  sessions:
  - name: frequent-backup
    repositories:
    - {name: gcs-mysql-repo, backend: gcs-backend, directory: /mysql}
    addon:
      name: workload-addon
      tasks: [{name: logical-backup}]
    hooks:
      preBackup:
      - name: readonly
        hookTemplate: {name: mysql-readonly, namespace: shop}
"""
PRE_HOOK = "shop:mysql-backup/frequent-backup:pre:readonly"


@pytest.fixture
def kubestash(db):
    store_yaml(HOOK_TEMPLATE)
    store_yaml(BACKUP_CONFIGURATION)


def page(client, **query) -> tuple[int, str]:
    response = client.get(URL, query)
    return response.status_code, html.unescape(response.content.decode())


def test_the_operation_picker_offers_kubestash_only_when_a_session_is_stored(
    auth_client,
):
    _, before = page(auth_client)
    store_yaml(HOOK_TEMPLATE)
    store_yaml(BACKUP_CONFIGURATION)
    _, after = page(auth_client)

    assert "<option >kubestash-backup</option>" not in before
    assert "<option >kubestash-backup</option>" in after
    assert "kubestash-restore" not in after  # no RestoreSession stored


def test_it_draws_a_backup_session_with_its_hooks(auth_client, kubestash):
    status, text = page(auth_client, operation="kubestash-backup")

    assert status == 200
    assert "<strong>KubeStash backup</strong> in namespace <strong>shop</strong>:" in text
    assert "1 BackupSession, each with its hooks." in text
    assert "preBackup hook readonly of mysql-backup/frequent-backup" in text
    assert 'name="policy" disabled' in text


def test_a_failing_pre_hook_skips_the_backup(auth_client, kubestash):
    _, text = page(auth_client, operation="kubestash-backup", fail=PRE_HOOK)

    assert f"failing {PRE_HOOK}" in text
    assert '<g class="tl-fails' in text
    assert '<g class="tl-skipped' in text


def test_a_namespace_without_a_session_answers_400(auth_client, kubestash):
    status, text = page(auth_client, operation="kubestash-backup", namespace="other")

    assert status == 400
    assert "Parameter <code>namespace</code>" in text


def test_a_hook_box_names_the_hook_not_a_blueprint(auth_client, kubestash):
    _, text = page(auth_client, operation="kubestash-backup")

    assert "None/None" not in text
    assert ">preBackup hook</text>" in text


def test_the_legend_names_kubestash_hooks_and_only_the_kinds_it_has(auth_client, kubestash):
    _, text = page(auth_client, operation="kubestash-backup")

    assert ">KubeStash hook</text>" in text
    assert ">policy hook</text>" not in text
    assert ">volume snapshot</text>" not in text
    assert ">#n is the order KubeStash takes the steps in.</text>" in text
