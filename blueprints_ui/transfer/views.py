"""Import and export pages: upload or paste YAML and see what was stored; download it back."""

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.views.decorators.http import require_GET, require_http_methods

from blueprints_ui.core.downloads import yaml_attachment
from blueprints_ui.core.htmx import render_page, wants_fragment
from blueprints_ui.transfer.exporting import export_stream, exported_objects
from blueprints_ui.transfer.forms import ImportForm
from blueprints_ui.transfer.importing import import_sources
from blueprints_ui.transfer.stores import KIND_NAMES, STORES

EXPORT_FILE = "blueprint-studio-export.yaml"
EXPORT_LABELS = {
    "blueprints": "Blueprints",
    "bindings": "Blueprint bindings",
    "policies": "Policies",
    "inventory": "Inventory: namespaces, workloads, PVCs",
    "hooktemplates": "KubeStash HookTemplates",
    "backupconfigurations": "KubeStash BackupConfigurations",
    "restoresessions": "KubeStash RestoreSessions",
}


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
        report = import_sources(
            form.sources,
            author=request.user,
            message=form.cleaned_data["message"],
            partial=form.cleaned_data["partial"],
        )
        context.update(report=report, refused=report.refused)
        status = 400 if report.refused else 422 if report.errors else 200
        if status == 200:
            context["form"] = ImportForm()  # done: nothing to correct, nothing to send twice
    page, fragment = "transfer/import_page.html", "transfer/_report.html"
    return render_page(request, page, fragment, context, status)


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
    return yaml_attachment(export_stream(exported_objects(categories)), EXPORT_FILE)
