"""Which store a manifest goes to, decided from apiVersion and kind, and why others are skipped."""

import pytest

from lifecycle.kinds import Category, TypeInfo, classify, plural, split_api_version


@pytest.mark.parametrize(
    ("api_version", "kind", "category", "resource"),
    [
        ("cr.kanister.io/v1alpha1", "Blueprint", Category.BLUEPRINT, "blueprints"),
        (
            "config.kio.kasten.io/v1alpha1",
            "BlueprintBinding",
            Category.BINDING,
            "blueprintbindings",
        ),
        ("config.kio.kasten.io/v1alpha1", "Policy", Category.POLICY, "policies"),
        ("v1", "PersistentVolumeClaim", Category.RESOURCE, "persistentvolumeclaims"),
        ("apps/v1", "StatefulSet", Category.RESOURCE, "statefulsets"),
        ("apps/v1", "Deployment", Category.RESOURCE, "deployments"),
        ("apps.openshift.io/v1", "DeploymentConfig", Category.RESOURCE, "deploymentconfigs"),
    ],
)
def test_each_kind_the_studio_stores_goes_to_its_store(api_version, kind, category, resource):
    classification = classify(api_version, kind)
    assert classification.category is category
    assert classification.type.resource == resource
    assert classification.type.api_version == api_version
    assert classification.type.namespaced
    assert classification.reason == ""


def test_a_namespace_is_inventory_and_not_namespaced():
    classification = classify("v1", "Namespace")
    assert classification.category is Category.RESOURCE
    assert classification.type == TypeInfo("", "v1", "Namespace", "namespaces", namespaced=False)


def test_a_secret_is_refused_and_says_why():
    classification = classify("v1", "Secret")
    assert classification.category is Category.UNKNOWN
    assert (
        classification.reason == "Secrets are never imported: the studio does not store Secret data"
    )


@pytest.mark.parametrize(
    "api_version", ["cr.kanister.io/v1beta1", "config.kio.kasten.io/v1alpha1", "v1"]
)
def test_a_blueprint_with_the_wrong_api_version_is_skipped_with_the_expected_one(api_version):
    classification = classify(api_version, "Blueprint")
    assert classification.category is Category.UNKNOWN
    assert classification.reason == (
        f"Blueprint is read as apiVersion cr.kanister.io/v1alpha1, not {api_version}"
    )


def test_a_policy_with_the_wrong_group_names_the_right_one():
    classification = classify("kio.kasten.io/v1alpha1", "Policy")
    assert classification.category is Category.UNKNOWN
    assert classification.reason == (
        "Policy is read as apiVersion config.kio.kasten.io/v1alpha1, not kio.kasten.io/v1alpha1"
    )


@pytest.mark.parametrize(
    ("api_version", "kind"),
    [
        ("v1", "ConfigMap"),
        ("v1", "Service"),
        ("batch/v1", "CronJob"),
        ("rbac.authorization.k8s.io/v1", "Role"),
        ("snapshot.storage.k8s.io/v1", "VolumeSnapshot"),
        ("cr.kanister.io/v1alpha1", "ActionSet"),
        ("actions.kio.kasten.io/v1alpha1", "BackupAction"),
        ("route.openshift.io/v1", "Route"),
    ],
)
def test_kubernetes_and_backup_tool_types_are_skipped_as_not_bindable(api_version, kind):
    classification = classify(api_version, kind)
    assert classification.category is Category.UNKNOWN
    assert classification.reason == f"{kind} ({api_version}) is not something a blueprint binds to"


@pytest.mark.parametrize(
    ("api_version", "kind", "group", "resource"),
    [
        ("k8ssandra.io/v1alpha1", "K8ssandraCluster", "k8ssandra.io", "k8ssandraclusters"),
        (
            "postgres-operator.crunchydata.com/v1beta1",
            "PostgresCluster",
            "postgres-operator.crunchydata.com",
            "postgresclusters",
        ),
        ("example.com/v1", "Ingress", "example.com", "ingresses"),
        ("example.com/v1", "Registry", "example.com", "registries"),
    ],
)
def test_a_custom_resource_is_inventory_with_its_default_plural(api_version, kind, group, resource):
    classification = classify(api_version, kind)
    assert classification.category is Category.RESOURCE
    assert (classification.type.group, classification.type.resource) == (group, resource)
    assert classification.type.namespaced


@pytest.mark.parametrize(
    ("api_version", "kind", "reason"),
    [
        (None, "Blueprint", "no apiVersion"),
        ("", "Blueprint", "no apiVersion"),
        (1, "Blueprint", "no apiVersion"),
        ("v1", None, "no kind"),
        ("v1", "", "no kind"),
        ("v1", ["Namespace"], "no kind"),
    ],
)
def test_a_document_without_api_version_or_kind_is_skipped(api_version, kind, reason):
    classification = classify(api_version, kind)
    assert (classification.category, classification.reason) == (Category.UNKNOWN, reason)


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("Blueprint", "blueprints"),
        ("Policy", "policies"),
        ("Gateway", "gateways"),
        ("Status", "statuses"),
        ("Box", "boxes"),
        ("Match", "matches"),
        ("Mesh", "meshes"),
        ("EtcdCluster", "etcdclusters"),
    ],
)
def test_plural_is_the_kubernetes_default_lower_case_plural(kind, expected):
    assert plural(kind) == expected


@pytest.mark.parametrize(
    ("api_version", "parts"),
    [
        ("v1", ("", "v1")),
        ("apps/v1", ("apps", "v1")),
        ("cr.kanister.io/v1alpha1", ("cr.kanister.io", "v1alpha1")),
    ],
)
def test_split_api_version_gives_group_and_version(api_version, parts):
    assert split_api_version(api_version) == parts


def test_a_core_type_has_a_bare_api_version():
    assert TypeInfo("", "v1", "Namespace", "namespaces").api_version == "v1"
