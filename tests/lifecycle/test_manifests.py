"""Reading a manifest's identity and summary fields, and where its errors point."""

from pathlib import Path

import pytest

from lifecycle.kinds import Category
from lifecycle.manifests import (
    Hook,
    ManifestError,
    binding_fields,
    expand_list,
    policy_hooks,
    read_manifest,
)
from lifecycle.yamlpos import Position, split_documents

DEMO_DIR = Path(__file__).resolve().parents[2] / "blueprints_ui" / "transfer" / "demo"
BAD_NAME = (
    "is not a valid Kubernetes name (lower-case letters, digits, '-' and '.', "
    "starting and ending with a letter or digit)"
)


def manifest_of(text: str):
    (document,) = split_documents(text, "m.yaml").documents
    return read_manifest(document)


def error_of(text: str) -> str:
    with pytest.raises(ManifestError) as info:
        manifest_of(text)
    return str(info.value)


def demo_manifests(name: str):
    path = DEMO_DIR / name
    split = split_documents(path.read_text(encoding="utf-8"), f"demo/{name}")
    assert split.errors == []
    return [read_manifest(document) for document in split.documents]


def blueprint(metadata: str) -> str:
    return f"apiVersion: cr.kanister.io/v1alpha1\nkind: Blueprint\n{metadata}actions: {{}}\n"


def binding(spec: str) -> str:
    return (
        "apiVersion: config.kio.kasten.io/v1alpha1\nkind: BlueprintBinding\n"
        f"metadata:\n  name: b\nspec:\n{spec}"
    )


class TestIdentity:
    def test_a_blueprint_without_namespace_belongs_in_kasten_io(self):
        manifest = manifest_of(blueprint("metadata:\n  name: pg\n"))
        assert (manifest.category, manifest.namespace, manifest.name) == (
            Category.BLUEPRINT,
            "kasten-io",
            "pg",
        )

    def test_a_workload_without_namespace_belongs_in_default(self):
        manifest = manifest_of("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n")
        assert (manifest.namespace, manifest.name) == ("default", "web")

    def test_a_namespace_has_no_namespace_even_when_one_is_written(self):
        text = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  namespace: other\n"
        assert manifest_of(text).namespace == ""

    def test_labels_and_annotations_are_read(self):
        text = (
            "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\n  namespace: shop\n"
            "  labels:\n    app: mysql\n"
            "  annotations:\n    kanister.kasten.io/blueprint: mysql-bp\n"
        )
        manifest = manifest_of(text)
        assert manifest.labels == {"app": "mysql"}
        assert manifest.annotations == {"kanister.kasten.io/blueprint": "mysql-bp"}

    def test_a_skipped_kind_is_read_leniently_without_checking_its_metadata(self):
        manifest = manifest_of("apiVersion: v1\nkind: Secret\nmetadata:\n  name: Not_Valid\n")
        assert manifest.category is Category.UNKNOWN
        assert manifest.classification.reason.startswith("Secrets are never imported")
        assert manifest.name == "Not_Valid"


class TestErrors:
    def test_a_missing_name_points_at_metadata(self):
        text = blueprint("metadata:\n  namespace: kasten-io\n")
        assert error_of(text) == "m.yaml:4:3: metadata.name is required"

    def test_a_missing_metadata_points_at_the_document(self):
        assert error_of(blueprint("")) == "m.yaml:1:1: metadata.name is required"

    def test_an_empty_name_points_at_the_name(self):
        assert (
            error_of(blueprint('metadata:\n  name: ""\n'))
            == "m.yaml:4:9: metadata.name is required"
        )

    def test_a_bad_name_is_quoted_and_points_at_the_name(self):
        text = blueprint("metadata:\n  name: My_Blueprint\n")
        assert error_of(text) == f"m.yaml:4:9: metadata.name 'My_Blueprint' {BAD_NAME}"

    def test_a_name_longer_than_253_characters_is_refused(self):
        name = "a" * 254
        assert error_of(blueprint(f"metadata:\n  name: {name}\n")) == (
            f"m.yaml:4:9: metadata.name '{name}' {BAD_NAME}"
        )

    def test_a_bad_namespace_points_at_the_namespace(self):
        text = (
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: Bad_NS\n"
        )
        assert (
            error_of(text)
            == "m.yaml:5:14: metadata.namespace 'Bad_NS' is not a valid namespace name"
        )

    def test_labels_with_a_non_string_value_are_refused_at_the_labels(self):
        text = (
            "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n"
            "  labels:\n    team: storefront\n    migrate: true\n"
        )
        assert error_of(text) == (
            'm.yaml:7:14: metadata.labels.migrate must be a string, found true: quote it ("true")'
        )

    def test_annotations_with_a_number_are_refused(self):
        text = (
            "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  annotations:\n    n: 1\n"
        )
        assert error_of(text) == (
            'm.yaml:6:8: metadata.annotations.n must be a string, found 1: quote it ("1")'
        )

    def test_metadata_that_is_not_a_mapping_is_refused(self):
        text = "apiVersion: apps/v1\nkind: Deployment\nmetadata: [web]\n"
        assert error_of(text) == "m.yaml:3:11: metadata must be a mapping"

    @pytest.mark.parametrize(("text", "found"), [("- a\n- b\n", "list"), ("just text\n", "str")])
    def test_a_document_that_is_not_a_mapping_is_refused(self, text, found):
        assert error_of(text) == (
            f"m.yaml:1:1: expected a mapping with apiVersion and kind, found a {found}"
        )

    def test_positions_are_those_of_the_file_not_of_the_document(self):
        text = "a: 1\n---\n" + blueprint("metadata:\n  name: Bad\n")
        second = split_documents(text, "two.yaml").documents[1]
        with pytest.raises(ManifestError) as info:
            read_manifest(second)
        assert info.value.position == Position("two.yaml", 6, 9)


class TestBindings:
    def test_the_demo_bindings_give_their_blueprint_selectors_and_creation_time(self):
        mysql, csi = (binding_fields(m) for m in demo_manifests("bindings.yaml"))
        assert (mysql["blueprint_name"], mysql["blueprint_namespace"]) == (
            "mysql-blueprint",
            "kasten-io",
        )
        assert mysql["disabled"] is False
        assert mysql["created"] == "2026-01-05T09:00:00Z"
        assert [next(iter(rule)) for rule in mysql["match_all"]] == [
            "type",
            "labels",
            "annotations",
        ]
        assert mysql["match_any"] == []
        assert csi["blueprint_name"] == "csi-snapshot-bp"
        assert [next(iter(rule)) for rule in csi["match_any"]] == ["labels", "namespace"]

    def test_a_blueprint_ref_without_namespace_means_kasten_io(self):
        fields = binding_fields(manifest_of(binding("  blueprintRef:\n    name: pg\n")))
        assert fields["blueprint_namespace"] == "kasten-io"
        assert (fields["match_all"], fields["match_any"], fields["created"]) == ([], [], "")

    def test_a_missing_blueprint_ref_name_is_an_error(self):
        manifest = manifest_of(binding("  blueprintRef:\n    namespace: kasten-io\n"))
        with pytest.raises(ManifestError) as info:
            binding_fields(manifest)
        assert str(info.value) == (
            "m.yaml:7:5: spec.blueprintRef.name is required: the blueprint this binding attaches"
        )

    def test_disabled_must_be_a_boolean(self):
        manifest = manifest_of(binding('  blueprintRef:\n    name: pg\n  disabled: "yes"\n'))
        with pytest.raises(ManifestError) as info:
            binding_fields(manifest)
        assert str(info.value) == "m.yaml:8:13: spec.disabled must be true or false, found 'yes'"

    def test_resources_must_be_a_mapping(self):
        manifest = manifest_of(binding("  blueprintRef:\n    name: pg\n  resources: [a]\n"))
        with pytest.raises(ManifestError) as info:
            binding_fields(manifest)
        assert str(info.value) == (
            "m.yaml:8:14: spec.resources must be a mapping with matchAll and/or matchAny"
        )


class TestPolicyHooks:
    def test_the_demo_policy_lists_its_hooks_in_order(self):
        (policy,) = demo_manifests("policy.yaml")
        assert policy_hooks(policy.data) == [
            Hook("backup", "preHook", "backup-hooks", "record-start"),
            Hook("backup", "onSuccess", "backup-hooks", "notify-success"),
            Hook("backup", "onFailure", "backup-hooks", "notify-failure"),
            Hook("export", "preHook", "export-hooks", "pre-export"),
            Hook("export", "onSuccess", "export-hooks", "post-export"),
            Hook("export", "onFailure", "export-hooks", "post-export-failed"),
        ]

    def test_a_policy_without_hooks_or_with_odd_shapes_has_none(self):
        assert policy_hooks({}) == []
        assert policy_hooks({"spec": "x"}) == []
        assert (
            policy_hooks({"spec": {"actions": [{"action": "backup"}, "x", {"action": "run"}]}})
            == []
        )
        broken = {"action": "backup", "backupParameters": {"hooks": {"preHook": {"blueprint": 1}}}}
        assert policy_hooks({"spec": {"actions": [broken]}}) == []


KUBECTL_LIST = """apiVersion: v1
kind: List
items:
- apiVersion: apps/v1
  kind: StatefulSet
  metadata:
    name: redis
    namespace: cache
- apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: Bad_Name
metadata:
  resourceVersion: ""
"""


def test_a_kubectl_list_is_read_as_its_items_with_file_positions():
    (document,) = split_documents(KUBECTL_LIST, "list.yaml").documents
    redis, bad = expand_list(document)
    assert redis.source == (
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: redis\n  namespace: cache\n"
    )
    assert read_manifest(redis).namespace == "cache"
    with pytest.raises(ManifestError) as info:
        read_manifest(bad)
    assert str(info.value.position) == "list.yaml:12:11"


def test_any_other_document_is_its_own_single_item():
    (document,) = split_documents("apiVersion: v1\nkind: Namespace\n", "ns.yaml").documents
    assert expand_list(document) == [document]
