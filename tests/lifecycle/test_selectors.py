"""Binding requirements and policy selectors, read the way the pages show them."""

from lifecycle.selectors import Requirement, describe_selector, read_requirements


def test_each_kind_of_requirement_is_read_in_order():
    match_all = [
        {"type": {"operator": "In", "values": [{"group": "apps", "resource": "statefulsets"}]}},
        {"labels": {"key": "app", "operator": "In", "values": ["mysql"]}},
    ]
    match_any = [
        {"annotations": {"key": "kanister.kasten.io/blueprint", "operator": "DoesNotExist"}}
    ]
    first, second, third = read_requirements(match_all, match_any)
    assert (first.group, first.selects, first.operator, first.values) == (
        "matchAll",
        "type",
        "In",
        ("group=apps resource=statefulsets",),
    )
    assert (second.selects, second.key, second.values) == ("labels", "app", ("mysql",))
    assert (third.group, third.key, third.operator, third.values) == (
        "matchAny",
        "kanister.kasten.io/blueprint",
        "DoesNotExist",
        (),
    )


def test_an_item_kasten_cannot_read_keeps_its_text_and_selects_nothing():
    # Two keys in one item, and a bare value: neither is the documented shape.
    (both, bare) = read_requirements([{"labels": {}, "namespace": {}}, "statefulsets"], [])
    assert both == Requirement("matchAll", "", raw='{"labels": {}, "namespace": {}}')
    assert (bare.selects, bare.raw) == ("", '"statefulsets"')


def test_a_policy_selector_reads_like_kubectl_describe():
    selector = {
        "matchLabels": {"team": "shop"},
        "matchExpressions": [
            {"key": "k10.kasten.io/appNamespace", "operator": "In", "values": ["shop", "web"]}
        ],
    }
    assert describe_selector(selector) == [
        "team=shop",
        "k10.kasten.io/appNamespace In shop, web",
    ]
    assert describe_selector(None) == []
