"""Revisions, content hashes and lost-update protection of stored objects."""

import hashlib

import pytest
from django.db import IntegrityError

from blueprints_ui.blueprints.models import Blueprint, BlueprintRevision
from blueprints_ui.core.models import StaleRevision
from blueprints_ui.kasten.models import Policy
from lifecycle.manifests import ManifestError, read_manifest
from lifecycle.yamlpos import split_documents
from tests.factories import blueprint_yaml, store_yaml

pytestmark = pytest.mark.django_db


def manifest_of(text: str):
    (document,) = split_documents(text, "test.yaml").documents
    return read_manifest(document)


def test_first_save_creates_revision_one_pointing_at_the_text(user):
    blueprint = store_yaml(blueprint_yaml("pg"), author=user, message="first")
    revision = blueprint.current_revision
    assert (blueprint.revision, revision.number) == (1, 1)
    assert revision.source == blueprint.source == blueprint_yaml("pg")
    assert revision.content_hash == hashlib.sha256(blueprint_yaml("pg").encode()).hexdigest()
    assert (revision.author, revision.message) == (user, "first")


def test_each_change_is_a_new_revision_and_old_ones_stay(user):
    blueprint = store_yaml(blueprint_yaml("pg"))
    changed = blueprint_yaml("pg").replace("echo backupPrehook", "echo changed") + "# note\n"
    _, outcome = Blueprint.store(
        manifest_of(changed), author=user, message="second", base_revision=1
    )
    blueprint.refresh_from_db()
    assert outcome == "updated"
    assert blueprint.revision == 2
    assert blueprint.current_revision.source == changed
    assert list(blueprint.revisions.values_list("number", "message")) == [(2, "second"), (1, "")]


def test_saving_identical_text_is_unchanged_and_adds_no_revision():
    store_yaml(blueprint_yaml("pg"))
    _, outcome = Blueprint.store(manifest_of(blueprint_yaml("pg")), base_revision=1)
    assert outcome == "unchanged"
    assert BlueprintRevision.objects.count() == 1


def test_a_write_based_on_an_old_revision_is_refused_and_overwrites_nothing():
    store_yaml(blueprint_yaml("pg"))
    first = blueprint_yaml("pg").replace("busybox", "alpine")
    second = blueprint_yaml("pg").replace("busybox", "debian")
    Blueprint.store(manifest_of(first), base_revision=1)
    with pytest.raises(StaleRevision) as info:
        Blueprint.store(manifest_of(second), base_revision=1)
    assert (info.value.current, info.value.base) == (2, 1)
    assert Blueprint.objects.get(name="pg").source == first


def test_base_revision_zero_refuses_to_replace_an_existing_object():
    store_yaml(blueprint_yaml("pg"))
    with pytest.raises(StaleRevision):
        Blueprint.store(manifest_of(blueprint_yaml("pg").replace("busybox", "x")), base_revision=0)


def test_revisions_cannot_be_changed_once_written():
    revision = store_yaml(blueprint_yaml("pg")).current_revision
    revision.message = "rewritten history"
    with pytest.raises(ValueError, match="immutable"):
        revision.save()


def test_renaming_through_an_update_is_refused_with_the_position():
    blueprint = store_yaml(blueprint_yaml("pg"))
    with pytest.raises(ManifestError) as info:
        blueprint.replace(manifest_of(blueprint_yaml("pg-renamed")), base_revision=1)
    assert info.value.position.line == 4
    assert "renaming is not supported" in info.value.message


def test_policy_hooks_are_rebuilt_from_each_revision():
    text = """apiVersion: config.kio.kasten.io/v1alpha1
kind: Policy
metadata:
  name: nightly
spec:
  actions:
  - action: backup
    backupParameters:
      hooks:
        preHook: {blueprint: hooks, actionName: before}
        onFailure: {blueprint: hooks, actionName: failed}
"""
    policy = store_yaml(text)
    assert [str(h) for h in policy.hooks.all()] == [
        "backup preHook: hooks/before",
        "backup onFailure: hooks/failed",
    ]
    Policy.store(
        manifest_of(text.replace("        onFailure: {blueprint: hooks, actionName: failed}\n", ""))
    )
    assert [str(h) for h in policy.hooks.all()] == ["backup preHook: hooks/before"]
    assert policy.namespace == "kasten-io"


def test_replacing_an_object_deleted_meanwhile_says_so():
    blueprint = store_yaml(blueprint_yaml("pg"))
    Blueprint.objects.filter(pk=blueprint.pk).delete()
    changed = manifest_of(blueprint_yaml("pg").replace("busybox", "x"))
    with pytest.raises(Blueprint.DoesNotExist, match="was deleted while it was being edited"):
        blueprint.replace(changed, base_revision=1)


def test_a_failure_while_recording_the_revision_undoes_the_new_content():
    blueprint = store_yaml(blueprint_yaml("pg"))
    # A revision 2 that appeared meanwhile makes recording ours fail on the unique number.
    BlueprintRevision.objects.create(blueprint=blueprint, number=2, source="x", content_hash="x")
    changed = manifest_of(blueprint_yaml("pg").replace("busybox", "x"))
    with pytest.raises(IntegrityError):
        blueprint.replace(changed, base_revision=1)
    assert Blueprint.objects.get(pk=blueprint.pk).source == blueprint_yaml("pg")
