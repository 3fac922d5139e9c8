"""Kasten's binding selection: requirements against resources, and the earliest binding winning."""

from lifecycle.matching import (
    Bindings,
    binding_matches,
    binding_problem,
    requirement_matches,
    requirement_problem,
)
from lifecycle.model import BlueprintBinding, Workload

STATEFULSETS = {
    "type": {"operator": "In", "values": [{"group": "apps", "resource": "statefulsets"}]}
}


def workload(
    kind="StatefulSet", name="mysql", namespace="shop", labels=None, annotations=None
) -> Workload:
    types = {
        "StatefulSet": ("apps", "statefulsets"),
        "Deployment": ("apps", "deployments"),
        "Namespace": ("", "namespaces"),
    }
    group, resource = types[kind]
    return Workload(
        group, "v1", kind, resource, name, namespace, labels or {}, annotations or {}, None
    )


def binding(name="b", match_all=(), match_any=(), created="", disabled=False) -> BlueprintBinding:
    return BlueprintBinding(
        name, "bp", disabled, tuple(match_all), tuple(match_any), created, None, None
    )


def labels(operator, *values, key="app"):
    rule = {"key": key, "operator": operator}
    if values:
        rule["values"] = list(values)
    return {"labels": rule}


class TestRequirements:
    def test_type_matches_on_every_part_that_is_given(self):
        mysql = workload()
        assert requirement_matches(STATEFULSETS, mysql)
        assert not requirement_matches(STATEFULSETS, workload("Deployment"))
        by_name = {
            "type": {"operator": "In", "values": [{"resource": "statefulsets", "name": "pg"}]}
        }
        assert not requirement_matches(by_name, mysql)
        any_version = {"type": {"operator": "In", "values": [{"group": "apps", "version": ""}]}}
        assert requirement_matches(any_version, mysql)

    def test_type_not_in_matches_the_other_types(self):
        not_sts = {"type": {"operator": "NotIn", "values": [{"resource": "statefulsets"}]}}
        assert not requirement_matches(not_sts, workload())
        assert requirement_matches(not_sts, workload("Deployment"))

    def test_namespace_is_the_resources_namespace_or_a_namespaces_own_name(self):
        shop = {"namespace": {"operator": "In", "values": ["shop"]}}
        assert requirement_matches(shop, workload(namespace="shop"))
        assert not requirement_matches(shop, workload(namespace="blog"))
        assert requirement_matches(shop, workload("Namespace", name="shop", namespace=""))

    def test_labels_follow_kubernetes_set_based_selectors(self):
        mysql, bare = workload(labels={"app": "mysql"}), workload()
        assert requirement_matches(labels("In", "mysql", "pg"), mysql)
        assert not requirement_matches(labels("In", "mysql"), bare)
        assert not requirement_matches(labels("NotIn", "mysql"), mysql)
        # NotIn matches a resource without the key, as in Kubernetes (unknown for Kasten).
        assert requirement_matches(labels("NotIn", "mysql"), bare)
        assert requirement_matches(labels("Exists"), mysql)
        assert not requirement_matches(labels("Exists"), bare)
        assert requirement_matches(labels("DoesNotExist"), bare)

    def test_annotations_are_read_like_labels(self):
        opted_out = {
            "annotations": {"key": "kanister.kasten.io/blueprint", "operator": "DoesNotExist"}
        }
        annotated = workload(annotations={"kanister.kasten.io/blueprint": "pg"})
        assert requirement_matches(opted_out, workload())
        assert not requirement_matches(opted_out, annotated)

    def test_a_malformed_requirement_says_what_kasten_expects(self):
        assert requirement_problem(STATEFULSETS) == ""
        assert requirement_problem({"type": {"group": "apps", "resource": "statefulsets"}}) == (
            "type operator must be one of In, NotIn, found None"
        )
        assert requirement_problem({"labels": {}, "namespace": {}}) == (
            "a requirement sets exactly one of type, namespace, labels or annotations"
        )
        assert requirement_problem(labels("Exists", "x")) == "labels Exists takes no values"
        assert requirement_problem(labels("In")) == "labels In needs values"
        assert requirement_problem(labels("In", True)) == (
            "labels values must be strings (quote `true`, numbers and the like)"
        )


class TestBindings:
    def test_match_all_needs_every_requirement_and_match_any_one(self):
        mysql = workload(labels={"app": "mysql"})
        assert binding_matches(binding(match_all=[STATEFULSETS, labels("In", "mysql")]), mysql)
        assert not binding_matches(binding(match_all=[STATEFULSETS, labels("In", "pg")]), mysql)
        either = binding(match_any=[labels("In", "pg"), labels("In", "mysql")])
        assert binding_matches(either, mysql)
        assert not binding_matches(
            binding(match_all=[STATEFULSETS], match_any=[labels("In", "pg")]), mysql
        )

    def test_a_binding_without_requirements_or_with_a_bad_one_matches_nothing(self):
        assert binding_problem(binding()) == (
            "a binding needs at least one requirement in matchAll or matchAny"
        )
        assert not binding_matches(binding(), workload())
        assert not binding_matches(binding(match_any=[STATEFULSETS, "statefulsets"]), workload())


class TestWinner:
    def test_the_earliest_created_enabled_binding_wins(self):
        old = binding("old", [STATEFULSETS], created="2026-01-05T09:00:00Z")
        new = binding("new", [STATEFULSETS], created="2026-02-11T14:30:00Z")
        older_but_off = binding(
            "off", [STATEFULSETS], created="2025-01-01T00:00:00Z", disabled=True
        )
        choice = Bindings([new, older_but_off, old]).choose(workload())
        assert choice.winner is old
        assert choice.matching == (old, new)
        assert not choice.ambiguous

    def test_timestamps_are_compared_as_times_not_text(self):
        utc = binding("utc", [STATEFULSETS], created="2026-01-05T09:00:00Z")
        paris = binding("paris", [STATEFULSETS], created="2026-01-05T09:30:00+01:00")
        assert Bindings([utc, paris]).choose(workload()).winner is paris

    def test_a_missing_or_shared_timestamp_leaves_the_winner_unknown(self):
        dated = binding("dated", [STATEFULSETS], created="2026-01-05T09:00:00Z")
        undated = binding("undated", [STATEFULSETS])
        twin = binding("twin", [STATEFULSETS], created="2026-01-05T09:00:00Z")
        assert Bindings([dated, undated]).choose(workload()).ambiguous
        assert Bindings([dated, twin]).choose(workload()).winner is None

    def test_one_matching_binding_wins_without_a_timestamp(self):
        only = binding("only", [STATEFULSETS])
        choice = Bindings([only, binding("pg", [labels("In", "pg")])]).choose(workload())
        assert (choice.winner, choice.matching) == (only, (only,))

    def test_nothing_matching_is_no_winner_and_not_ambiguous(self):
        choice = Bindings([binding("pg", [labels("In", "pg")])]).choose(workload())
        assert (choice.winner, choice.matching, choice.ambiguous) == (None, (), False)
