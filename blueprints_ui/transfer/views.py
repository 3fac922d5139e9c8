"""Import and export pages: upload or paste YAML and see what was stored; download it back."""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.http import HttpResponse, HttpResponseBadRequest
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_GET, require_http_methods

from blueprints_ui.core.htmx import render_page, wants_fragment
from blueprints_ui.inventory.models import Resource
from blueprints_ui.transfer.exporting import export_stream, exported_objects
from blueprints_ui.transfer.forms import ImportForm
from blueprints_ui.transfer.importing import ImportReport, Problem, import_sources
from blueprints_ui.transfer.stores import KIND_NAMES, STORES

EXPORT_FILE = "blueprint-studio-export.yaml"
EXPORT_LABELS = {
    "blueprints": "Blueprints",
    "bindings": "Blueprint bindings",
    "policies": "Policies",
    "inventory": "Inventory: namespaces, workloads, PVCs",
}
# Wording of the YamlErrors raised by lifecycle.yamlpos when a bound is crossed (pinned by
# tests/lifecycle/test_documents.py): such input is refused, not reported.
LIMIT_MESSAGES = ("expands to more than", "nesting deeper than", "file is larger than")
# Detail pages of the stored kinds, by the kind an import report names.
DETAIL_URLS = {
    "Blueprint": "blueprints:blueprint-detail",
    "BlueprintBinding": "kasten:binding-detail",
    "Policy": "kasten:policy-detail",
}


@dataclass(frozen=True, slots=True)
class Entry:
    label: str
    url: str | None


def is_refusal(problem: Problem) -> bool:
    # Problem keeps only position and message, so the pinned wording is what tells a crossed
    # bound from a broken document.
    return any(words in problem.message for words in LIMIT_MESSAGES)


def in_reading_order(problems: list[Problem], files: list[str]) -> list[Problem]:
    """Problems by file in the order given, then by line and column: syntax errors, found
    while splitting, otherwise come before the errors of documents that precede them."""
    order = {file: index for index, file in reversed(list(enumerate(files)))}

    def key(problem: Problem) -> tuple[int, int, int]:
        position = problem.position
        return order.get(position.file, len(order)), position.line, position.column

    return sorted(problems, key=key)


def parse_label(label: str) -> tuple[str, str, str]:
    """(kind, namespace, name) of an import report's "Kind namespace/name" (or "Kind name")."""
    kind, _, qualified = label.partition(" ")
    namespace, _, name = qualified.rpartition("/")
    return kind, namespace, name


def object_urls(labels: list[str]) -> dict[str, str]:
    """Detail pages of the objects an import report names, for those that have one."""
    urls = {}
    resources = {}
    names = [parse_label(label)[2] for label in labels]
    for kind, namespace, name, pk in Resource.objects.filter(name__in=names).values_list(
        "kind", "namespace", "name", "pk"
    ):
        resources[(kind, namespace, name)] = pk
    for label in labels:
        kind, namespace, name = parse_label(label)
        try:
            if kind in DETAIL_URLS:
                urls[label] = reverse(DETAIL_URLS[kind], args=[namespace, name])
            elif (kind, namespace, name) in resources:
                pk = resources[(kind, namespace, name)]
                urls[label] = reverse("inventory:resource-detail", args=[pk])
        except NoReverseMatch:
            pass  # that app's pages are not there yet
    return urls


def run_import(form: ImportForm, author) -> tuple[ImportReport, bool]:
    """Import the form's sources; returns the report and whether the input was refused.

    Input that crosses a YAML bound (a "billion laughs", nesting too deep, a file too large) is
    refused as a whole, even with `partial` and even when its other documents are fine: the
    answer is then 400 and 400 always means nothing was stored, so a client never has to read
    the report to learn what a refusal left behind. The other errors of the same input are still
    reported, to be fixed in one go. Deciding this here, from the report, reads every document
    once; the outer transaction undoes what a partial import kept.
    """
    with transaction.atomic():
        report = import_sources(
            form.sources,
            author=author,
            message=form.cleaned_data["message"],
            partial=form.cleaned_data["partial"],
        )
        refused = any(map(is_refusal, report.errors))
        if refused:
            transaction.set_rollback(True)
            report.rolled_back = True
    return report, refused


def export_choices() -> list[tuple[str, str, int]]:
    return [
        (name, EXPORT_LABELS[name], STORES[category].objects.count())
        for name, category in KIND_NAMES.items()
    ]


@require_http_methods(["GET", "POST"])
def import_page(request):
    """Upload or paste YAML; POST answers with the report (its fragment for htmx).

    Status: 200 when everything read was stored or skipped, 422 when the report has errors
    (the form stays as sent, to fix and send again), 400 when the input is refused outright:
    a file over YAML_MAX_BYTES or not UTF-8, or a document crossing a YAML bound.
    """
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    context = {
        "form": form,
        "report": None,
        "refused": False,
        "exports": export_choices(),
        "max_bytes": settings.YAML_MAX_BYTES,
        # The fragment also carries the export counts, out of band, as an import changes them.
        "oob": wants_fragment(request),
    }
    status = 200
    if request.method == "POST" and not form.is_valid():
        context["refused"] = form.refused
        status = 400 if form.refused else 422
    elif request.method == "POST":
        report, refused = run_import(form, request.user)
        errors = in_reading_order(report.errors, [file for file, _ in form.sources])
        context.update(report=report, refused=refused, errors=errors, entries=_entries(report))
        status = 400 if refused else 422 if report.errors else 200
        if status == 200:
            context["form"] = ImportForm()  # done: nothing to correct, nothing to send twice
    page, fragment = "transfer/import_page.html", "transfer/_report.html"
    return render_page(request, page, fragment, context, status)


def _entries(report: ImportReport) -> dict[str, list[Entry]]:
    """Created, updated and unchanged objects, linked to their pages unless rolled back."""
    outcomes = {"created": report.created, "updated": report.updated, "unchanged": report.unchanged}
    every = [label for labels in outcomes.values() for label in labels]
    urls = {} if report.rolled_back else object_urls(every)
    return {
        outcome: [Entry(label, urls.get(label)) for label in labels]
        for outcome, labels in outcomes.items()
    }


@require_GET
def export_download(request):
    """All stored objects, or those of the ?kind= given (repeatable), as one YAML stream."""
    names = request.GET.getlist("kind")
    if unknown := [name for name in names if name not in KIND_NAMES]:
        allowed = ", ".join(KIND_NAMES)
        return HttpResponseBadRequest(
            f"Unknown kind {unknown[0]!r}: choose from {allowed}.",
            content_type="text/plain; charset=utf-8",
        )
    categories = [KIND_NAMES[name] for name in names] or None
    response = HttpResponse(
        export_stream(exported_objects(categories)), content_type="application/yaml; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{EXPORT_FILE}"'
    return response
