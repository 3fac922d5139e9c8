"""Lint runs the pages share: stored blueprints against everything else stored, and markers."""

from collections.abc import Sequence

import yaml
from django.conf import settings
from markupsafe import Markup

from blueprints_ui.blueprints.models import Blueprint
from blueprints_ui.core.highlight import highlight_yaml
from blueprints_ui.inventory.models import Resource
from blueprints_ui.kasten.models import BlueprintBinding, Policy
from lifecycle.lint import FileReport, Options, Profile, Severity, lint_files
from lifecycle.manifests import expand_list
from lifecycle.yamlpos import split_documents

Source = tuple[str, str]  # (path, text), as lint_files reads them

# Every stored kind informs the cross-object rules (hooks, bindings, annotations, workloads).
STORED = (Blueprint, BlueprintBinding, Policy, Resource)
_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
REDACTED = "<redacted>"


def default_options() -> Options:
    """The profile and Kasten version of the settings (LINT_PROFILE, KASTEN_VERSION)."""
    return Options(Profile(settings.LINT_PROFILE), settings.KASTEN_VERSION)


def lint_context(exclude: Sequence[Blueprint] = ()) -> list[Source]:
    """Every stored object's source but the blueprints in `exclude`, read in one query."""
    queries = []
    for model in STORED:
        rows = model.objects.order_by()
        if model is Blueprint and exclude:
            rows = rows.exclude(pk__in=[blueprint.pk for blueprint in exclude])
        queries.append(rows.values_list("namespace", "name", "source"))
    first, *rest = queries
    # Sorted, so that which of two same-named objects the rules meet first never varies.
    rows = sorted(first.union(*rest, all=True))
    return [(f"stored/{namespace}/{name}", source) for namespace, name, source in rows]


def lint_blueprints(
    blueprints: Sequence[Blueprint], options: Options | None = None
) -> list[FileReport]:
    """One report per blueprint, in order, each checked against every other stored object."""
    if not blueprints:
        return []
    files = [(f"{b.namespace}/{b.name}.yaml", b.source) for b in blueprints]
    return lint_files(files, options or default_options(), lint_context(exclude=blueprints))


def lint_blueprint(blueprint: Blueprint, options: Options | None = None) -> FileReport:
    return lint_blueprints([blueprint], options)[0]


def line_notes(report: FileReport, text: str) -> dict[int, tuple[str, str]]:
    """Per line with diagnostics: the class of the most severe one, and all their messages."""
    # A finding at the very end of the text (an unclosed bracket, say) is shown on the last line.
    last = max(text.count("\n") + (0 if text.endswith("\n") else 1), 1)
    found: dict[int, list] = {}
    for d in report.diagnostics:
        found.setdefault(min(d.line, last), []).append(d)
    return {
        line: (
            f"note-{min(ds, key=lambda d: _RANK[d.severity]).severity}",
            "\n".join(f"{d.severity} {d.code}: {d.message}" for d in ds),
        )
        for line, ds in found.items()
    }


def marked_source(text: str, report: FileReport) -> Markup:
    """The text highlighted, each line with a diagnostic marked by severity, messages on hover."""
    return highlight_yaml(text, notes=line_notes(report, text))


def redact_secrets(text: str) -> str:
    """The text with the values of every Secret's data and stringData masked, for showing back
    what someone pasted: the lines stay where they were, so markers and links still fit."""
    spans = []
    for document in split_documents(text, "input.yaml").documents:
        for item in expand_list(document):
            if not isinstance(item.data, dict) or item.data.get("kind") != "Secret":
                continue
            for key in ("data", "stringData"):
                node = item.find(key)
                if isinstance(node, yaml.MappingNode):
                    spans.extend(item.span_of(value) for _, value in node.value)
                elif node is not None:
                    spans.append(item.span_of(node))
    for start, end in sorted(spans, reverse=True):
        lines = text[start:end].split("\n")
        text = text[:start] + "\n".join(REDACTED if ln.strip() else ln for ln in lines) + text[end:]
    return text
