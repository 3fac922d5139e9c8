"""Which BlueprintBindings select a resource, and which one Kasten uses (kasten-api.md §3.2)."""

from dataclasses import dataclass
from datetime import UTC, datetime

from lifecycle.model import BlueprintBinding, Workload
from lifecycle.selectors import TYPE_FIELDS

# Operators each requirement key accepts (kasten-api.md §3.1).
OPERATORS = {
    "type": ("In", "NotIn"),
    "namespace": ("In", "NotIn", "Exists", "DoesNotExist"),
    "labels": ("In", "NotIn", "Exists", "DoesNotExist"),
    "annotations": ("In", "NotIn", "Exists", "DoesNotExist"),
}
_WITH_VALUES = ("In", "NotIn")


@dataclass(frozen=True, slots=True)
class BindingChoice:
    """The enabled bindings that match a resource, earliest created first, and the one that wins.

    `winner` is None when nothing matches, or when several match and the files do not say which
    was created first (a creationTimestamp missing or shared: Kasten's tie-break is unknown).
    """

    matching: tuple[BlueprintBinding, ...]
    winner: BlueprintBinding | None

    @property
    def ambiguous(self) -> bool:
        return len(self.matching) > 1 and self.winner is None


def requirement_problem(item) -> str:
    """Why Kasten would refuse one matchAll/matchAny item, or "" when it is well formed."""
    keys = [key for key in OPERATORS if isinstance(item, dict) and key in item]
    if not isinstance(item, dict) or len(keys) != 1 or len(item) != 1:
        return "a requirement sets exactly one of type, namespace, labels or annotations"
    selects = keys[0]
    rule = item[selects]
    if not isinstance(rule, dict):
        return f"{selects} must be a mapping with operator and values"
    operator = rule.get("operator")
    if operator not in OPERATORS[selects]:
        allowed = ", ".join(OPERATORS[selects])
        return f"{selects} operator must be one of {allowed}, found {operator!r}"
    values = rule.get("values") or []
    if not isinstance(values, list):
        return f"{selects} values must be a list"
    if operator in _WITH_VALUES and not values:
        return f"{selects} {operator} needs values"
    if operator not in _WITH_VALUES and values:
        return f"{selects} {operator} takes no values"
    if selects in ("labels", "annotations") and not isinstance(rule.get("key"), str):
        return f"{selects} needs a key"
    if selects == "type":
        if not all(isinstance(value, dict) for value in values):
            return "type values must be mappings of group, version, resource and name"
    elif not all(isinstance(value, str) for value in values):
        return f"{selects} values must be strings (quote `true`, numbers and the like)"
    return ""


def binding_problem(binding: BlueprintBinding) -> str:
    """Why Kasten would mark the binding invalid (and so never use it), or ""."""
    items = binding.match_all + binding.match_any
    if not items:
        return "a binding needs at least one requirement in matchAll or matchAny"
    return next((problem for item in items if (problem := requirement_problem(item))), "")


def requirement_matches(item: dict, workload: Workload) -> bool:
    """One well-formed requirement against a resource, with Kubernetes set-based semantics."""
    (selects, rule), *_ = item.items()
    operator, values = rule["operator"], rule.get("values") or []
    if selects == "type":
        found = any(_type_matches(value, workload) for value in values)
        return found if operator == "In" else not found
    if selects == "namespace":
        present, value = _namespace(workload)
    else:
        mapping = workload.labels if selects == "labels" else workload.annotations
        present, value = rule["key"] in mapping, mapping.get(rule["key"], "")
    return _set_matches(operator, values, present, value)


def binding_matches(binding: BlueprintBinding, workload: Workload) -> bool:
    """matchAll all true and, when matchAny has items, one of them true; an invalid binding
    matches nothing. Whether the binding is disabled is the caller's business."""
    return not binding_problem(binding) and _selects(binding, workload)


class Bindings:
    """The enabled, valid bindings with their creation times, checked once for many resources.
    Kasten uses the earliest created of those that match a resource."""

    def __init__(self, bindings) -> None:
        usable = [b for b in bindings if not b.disabled and not binding_problem(b)]
        self._usable = [(b, _created(b)) for b in usable]

    def choose(self, workload: Workload) -> BindingChoice:
        matching = [(b, at) for b, at in self._usable if _selects(b, workload)]
        matching.sort(key=lambda item: (item[1] is None, item[1] or 0.0))
        found = tuple(b for b, _ in matching)
        if len(matching) == 1:
            return BindingChoice(found, found[0])
        if not matching or any(at is None for _, at in matching):
            return BindingChoice(found, None)
        (first, first_at), (_, second_at) = matching[0], matching[1]
        return BindingChoice(found, first if first_at < second_at else None)


def _selects(binding: BlueprintBinding, workload: Workload) -> bool:
    if not all(requirement_matches(item, workload) for item in binding.match_all):
        return False
    return not binding.match_any or any(
        requirement_matches(item, workload) for item in binding.match_any
    )


def _type_matches(value: dict, workload: Workload) -> bool:
    """A GVRN entry matches when every non-empty part equals the resource's."""
    actual = {
        "group": workload.group,
        "version": workload.version,
        "resource": workload.resource,
        "name": workload.name,
    }
    return all(not value.get(f) or str(value[f]) == actual[f] for f in TYPE_FIELDS)


def _namespace(workload: Workload) -> tuple[bool, str]:
    """A Namespace is matched by its own name; other resources by the namespace they live in."""
    if workload.kind == "Namespace" and not workload.group:
        return True, workload.name
    return bool(workload.namespace), workload.namespace


def _set_matches(operator: str, values: list, present: bool, value: str) -> bool:
    if operator == "Exists":
        return present
    if operator == "DoesNotExist":
        return not present
    if operator == "In":
        return present and value in values
    # NotIn matches an absent key, as Kubernetes label selectors do; whether Kasten does the same
    # for annotations and labels is not documented (kasten-api.md §3.2).
    return not present or value not in values


def _created(binding: BlueprintBinding) -> float | None:
    """The creationTimestamp in seconds; None when it is missing or not RFC 3339."""
    try:
        created = datetime.fromisoformat(binding.created)
    except ValueError:
        return None
    # Kubernetes writes UTC (`Z`); a timestamp without a zone is read as UTC too.
    return created.replace(tzinfo=created.tzinfo or UTC).timestamp()
