"""Whether a hook's HookTemplate exists and its usagePolicy lets the hook's namespace use it."""

from collections.abc import Iterator, Mapping

from lifecycle.kubestash.model import HookInfo, KubeStashInventory, NamespacesFrom, Problem

NAME_LABEL = "kubernetes.io/metadata.name"
_SOURCE = "reference/kubestash-hooks.md §2-§3"


def template_problem(inventory: KubeStashInventory, hook: HookInfo, namespace: str) -> str:
    """Why `hook`, listed in `namespace`, cannot be shown running its template; "" when it can."""
    namespace_ref, name = hook.template_key
    if not name:
        return "the hook names no HookTemplate"
    template = inventory.template(namespace_ref, name)
    if template is None:
        return f"HookTemplate {namespace_ref}/{name} is not among the objects read"
    if template.allowed_from is NamespacesFrom.ALL or template.namespace == namespace:
        return ""
    if template.allowed_from is NamespacesFrom.SAME:
        return (
            f"{template.label} allows only its own namespace (usagePolicy from Same, the "
            f"default), not {namespace}: KubeStash's webhook refuses the object ({_SOURCE})"
        )
    labels = _namespace_labels(inventory, namespace, template.allowed_selector)
    if labels is None:
        return (
            f"{template.label} allows namespaces by a label selector, which cannot be checked "
            f"for {namespace} without its Namespace object among the objects read"
        )
    if not selector_matches(template.allowed_selector, labels):
        return (
            f"{template.label}'s usagePolicy selector does not select namespace {namespace}: "
            f"KubeStash's webhook refuses the object ({_SOURCE})"
        )
    return ""


def reference_problems(inventory: KubeStashInventory) -> list[Problem]:
    """A problem at each hook whose HookTemplate is missing, not allowed, or not checkable."""
    return [
        Problem(hook.position, message)
        for hook, namespace in _hooks(inventory)
        # A hook without a template name already has its reading problem.
        if hook.position is not None
        and hook.template_name
        and (message := template_problem(inventory, hook, namespace))
    ]


def selector_matches(selector: Mapping, labels: Mapping[str, str]) -> bool:
    """A Kubernetes LabelSelector (matchLabels and matchExpressions) against one set of labels."""
    match_labels = selector.get("matchLabels") or {}
    if not isinstance(match_labels, dict) or any(
        labels.get(key) != value for key, value in match_labels.items()
    ):
        return False
    for expression in _expressions(selector):
        key, operator = expression.get("key"), expression.get("operator")
        values = expression.get("values") or []
        present = key in labels
        if operator == "In" and not (present and labels[key] in values):
            return False
        if operator == "NotIn" and present and labels[key] in values:
            return False
        if operator == "Exists" and not present:
            return False
        if operator == "DoesNotExist" and present:
            return False
        if operator not in ("In", "NotIn", "Exists", "DoesNotExist"):
            return False
    return True


def _namespace_labels(
    inventory: KubeStashInventory, namespace: str, selector: Mapping
) -> Mapping[str, str] | None:
    """The labels of `namespace`, or None when they are unknown and the selector needs them.

    Every namespace carries its own name as a label, so a selector on that label alone needs no
    Namespace object.
    """
    if inventory.namespaces is not None and namespace in inventory.namespaces:
        return inventory.namespaces[namespace]
    match_labels = selector.get("matchLabels") or {}
    keys = set(match_labels if isinstance(match_labels, dict) else ()) | {
        expression.get("key") for expression in _expressions(selector)
    }
    return {NAME_LABEL: namespace} if keys <= {NAME_LABEL} else None


def _expressions(selector: Mapping) -> list[dict]:
    """matchExpressions, where an item that is not a mapping is kept as one that never matches."""
    expressions = selector.get("matchExpressions") or []
    if not isinstance(expressions, list):
        return [{}]
    return [item if isinstance(item, dict) else {} for item in expressions]


def _hooks(inventory: KubeStashInventory) -> Iterator[tuple[HookInfo, str]]:
    for configuration in inventory.backup_configurations:
        for session in configuration.sessions:
            for hook in session.pre_backup + session.post_backup:
                yield hook, configuration.namespace
    for restore in inventory.restore_sessions:
        for hook in restore.pre_restore + restore.post_restore:
            yield hook, restore.namespace
