"""Kasten selectors read for people: binding requirements and policy namespace selectors."""

import json
from dataclasses import dataclass

REQUIREMENT_KEYS = ("type", "namespace", "labels", "annotations")
TYPE_FIELDS = ("group", "version", "resource", "name")


@dataclass(frozen=True, slots=True)
class Requirement:
    """One matchAll / matchAny item; `selects` is empty when Kasten could not read it."""

    group: str  # matchAll or matchAny
    selects: str  # type, namespace, labels or annotations
    key: str = ""
    operator: str = ""
    values: tuple[str, ...] = ()
    raw: str = ""  # the item as written, as JSON


def read_requirements(match_all: list, match_any: list) -> list[Requirement]:
    """A binding's requirements in order, matchAll first, as kasten-api.md §3.1 defines them."""
    return [_requirement("matchAll", item) for item in match_all] + [
        _requirement("matchAny", item) for item in match_any
    ]


def _requirement(group: str, item) -> Requirement:
    """Each item sets exactly one of REQUIREMENT_KEYS to {operator, values[, key]}."""
    keys = [key for key in REQUIREMENT_KEYS if isinstance(item, dict) and key in item]
    rule = item[keys[0]] if len(keys) == 1 else None
    raw = json.dumps(item, default=str)
    if not isinstance(rule, dict):
        return Requirement(group, "", raw=raw)
    values = rule.get("values") if isinstance(rule.get("values"), list) else []
    if keys[0] == "type":
        values = [
            " ".join(f"{f}={v[f]}" for f in TYPE_FIELDS if isinstance(v, dict) and v.get(f))
            or str(v)
            for v in values
        ]
    key = str(rule.get("key", "")) if keys[0] in ("labels", "annotations") else ""
    operator = str(rule.get("operator", ""))
    return Requirement(group, keys[0], key, operator, tuple(map(str, values)), raw)


def describe_selector(selector) -> list[str]:
    """A label selector as `key operator values` lines, the way kubectl describes it."""
    selector = selector if isinstance(selector, dict) else {}
    labels = selector.get("matchLabels") if isinstance(selector.get("matchLabels"), dict) else {}
    lines = [f"{key}={value}" for key, value in labels.items()]
    for expression in selector.get("matchExpressions") or []:
        if isinstance(expression, dict):
            values = expression.get("values") or []
            shown = ", ".join(map(str, values)) if isinstance(values, list) else str(values)
            lines.append(f"{expression.get('key', '?')} {expression.get('operator', '?')} {shown}")
    return lines
