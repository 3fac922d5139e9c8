"""The timeline's view of what is stored: Kasten's blueprints, bindings, policies, inventory."""

import pytest

from blueprints_ui.kasten.models import BlueprintBinding
from blueprints_ui.timeline.loading import stored_inventory, stored_timeouts
from lifecycle.timeline import compute
from tests.factories import blueprint_yaml, store_yaml

pytestmark = pytest.mark.django_db

OTHER_NAMESPACE_DEPLOYMENT = """apiVersion: apps/v1
kind: Deployment
metadata:
  name: ledger
  namespace: billing
  labels:
    backup.example.com/csi-snapshot: "true"
  annotations:
    kanister.kasten.io/blueprint: time-log-bp
"""
# Matches the same Deployments as csi-snapshot-deployments, and says nothing of when it was made.
UNSTAMPED_BINDING = """apiVersion: config.kio.kasten.io/v1alpha1
kind: BlueprintBinding
metadata:
  name: all-deployments
  namespace: kasten-io
spec:
  blueprintRef:
    name: hook-blueprint
  resources:
    matchAll:
    - type:
        operator: In
        values:
        - group: apps
          resource: deployments
"""


def test_blueprints_are_kastens_only_by_name(demo_data):
    store_yaml(blueprint_yaml("mysql-blueprint", namespace="elsewhere", action="restore"))

    inventory = stored_inventory()

    assert "mysql-blueprint" in inventory.blueprints
    assert "backup" in inventory.blueprints["mysql-blueprint"].actions
    assert all(b.namespace == "kasten-io" for b in inventory.blueprints.values())


def test_workloads_keep_their_columns_labels_and_annotations(demo_data):
    workloads = {w.label: w for w in stored_inventory().workloads}

    mysql = workloads["StatefulSet/shop/mysql"]
    assert (mysql.group, mysql.version, mysql.resource) == ("apps", "v1", "statefulsets")
    assert mysql.labels["app.kubernetes.io/name"] == "mysql"
    postgres = workloads["StatefulSet/shop/postgresql"]
    assert postgres.annotations["kanister.kasten.io/blueprint"] == "postgresql-hooks"
    assert workloads["Namespace/shop"].labels["team"] == "storefront"


def test_a_namespace_brings_its_own_resources_and_every_namespace_object(demo_data):
    store_yaml(OTHER_NAMESPACE_DEPLOYMENT)
    store_yaml("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: billing\n")

    everything = {w.label for w in stored_inventory().workloads}
    shop = {w.label for w in stored_inventory("shop").workloads}

    assert "Deployment/billing/ledger" in everything
    assert "Deployment/billing/ledger" not in shop
    assert {"Namespace/shop", "Namespace/billing", "StatefulSet/shop/mysql"} <= shop
    assert shop == {w for w in everything if "/billing/" not in w}


def test_bindings_and_annotations_decide_the_lanes(demo_data):
    store_yaml(OTHER_NAMESPACE_DEPLOYMENT)

    report = compute(stored_inventory(), "backup")

    lanes = {lane.resource: lane for t in report.timelines for lane in t.lanes}
    assert lanes["StatefulSet/shop/mysql"].via == "BlueprintBinding/mysql-statefulsets"
    assert lanes["StatefulSet/shop/postgresql"].via == "annotation"
    assert lanes["StatefulSet/shop/postgresql"].blueprint == "postgresql-hooks"
    # The binding wins over the annotation (kasten-api.md §3.2).
    assert lanes["Deployment/billing/ledger"].blueprint == "csi-snapshot-bp"


def test_a_binding_without_creation_timestamp_is_ordered_by_when_it_was_stored(demo_data):
    store_yaml(UNSTAMPED_BINDING)
    stored = BlueprintBinding.objects.get(name="all-deployments")

    bindings = {b.name: b for b in stored_inventory().bindings}
    report = compute(stored_inventory("shop"), "backup", namespace="shop")

    assert bindings["all-deployments"].created == stored.created.isoformat()
    assert bindings["mysql-statefulsets"].created == "2026-01-05T09:00:00+00:00"
    # csi-snapshot-deployments was created in February 2026, long before this test ran.
    (timeline,) = report.timelines
    assert not timeline.problems
    lanes = {lane.resource: lane.blueprint for lane in timeline.lanes}
    assert lanes["Deployment/shop/storefront"] == "csi-snapshot-bp"


def test_policies_keep_their_hooks_and_selector(demo_data):
    (policy,) = stored_inventory().policies

    assert policy.name == "shop-daily"
    assert [(h.operation, h.hook, h.action_name) for h in policy.hooks][:2] == [
        ("backup", "preHook", "record-start"),
        ("backup", "onSuccess", "notify-success"),
    ]
    assert policy.selector["matchExpressions"][0]["values"] == ["shop"]


def test_the_queries_do_not_grow_with_the_inventory(demo_data, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        stored_inventory()


def test_the_timeouts_are_kastens_defaults_until_saved(db):
    assert stored_timeouts() == {
        "timeout.blueprintHooks": 20,
        "timeout.blueprintBackup": 45,
        "timeout.blueprintRestore": 600,
        "timeout.blueprintDelete": 45,
    }
