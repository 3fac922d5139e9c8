"""Inventory pages: resources by namespace and kind, one resource, and the namespaces overview."""

from collections import defaultdict

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from blueprints_ui.blueprints.models import Blueprint
from blueprints_ui.core.diffing import side_by_side
from blueprints_ui.core.downloads import yaml_attachment
from blueprints_ui.core.editing import edit_response, save_form, saved_response
from blueprints_ui.core.forms import SourceForm
from blueprints_ui.core.highlight import highlight_yaml
from blueprints_ui.core.htmx import redirect_to, render_page
from blueprints_ui.inventory.models import Resource
from lifecycle.kinds import BLUEPRINT_ANNOTATION, KASTEN_NAMESPACE, Category

PAGE_SIZE = 25


def _annotated_blueprints(resources) -> set[str]:
    """Names used by blueprint annotations that exist where Kasten looks for them."""
    names = {r.blueprint_annotation for r in resources if r.blueprint_annotation}
    found = Blueprint.objects.filter(namespace=KASTEN_NAMESPACE, name__in=names)
    return set(found.values_list("name", flat=True))


@require_GET
def resource_list(request):
    resources = Resource.objects.all()
    filters = {key: request.GET.get(key, "").strip() for key in ("ns", "kind", "q")}
    if filters["ns"]:
        resources = resources.filter(namespace=filters["ns"])
    if filters["kind"]:
        resources = resources.filter(kind=filters["kind"])
    if filters["q"]:
        resources = resources.filter(name__icontains=filters["q"])
    page = Paginator(resources, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "filters": filters,
        "filtered": any(filters.values()),
        "namespaces": Resource.objects.namespaces(),
        "kinds": Resource.objects.order_by("kind").values_list("kind", flat=True).distinct(),
        "known": _annotated_blueprints(page.object_list),
    }
    return render_page(request, "inventory/resource_list.html", "inventory/_table.html", context)


@require_GET
def resource_detail(request, pk: int):
    resource = get_object_or_404(Resource, pk=pk)
    context = {
        "resource": resource,
        "known": _annotated_blueprints([resource]),
        "blueprint_annotation": BLUEPRINT_ANNOTATION,
        "source_html": highlight_yaml(resource.source),
    }
    return render(request, "inventory/resource_detail.html", context)


@require_http_methods(["GET", "POST"])
def resource_edit(request, pk: int):
    resource = get_object_or_404(Resource, pk=pk)
    initial = {"source": resource.source, "base_revision": resource.revision}
    form = SourceForm(
        request.POST or None, initial=initial, category=Category.RESOURCE, file=_file_name(resource)
    )
    templates = ("inventory/resource_edit.html", "inventory/_form.html")
    context = {"resource": resource}
    if request.method == "POST" and form.is_valid():
        saved = save_form(request, form, Resource, resource)
        if saved.obj:
            return saved_response(request, resource, saved.outcome, str(resource))
        if saved.conflict:
            # Resources keep no history: show what is stored now against the user's text.
            resource.refresh_from_db()
            changes = side_by_side(resource.source, form.cleaned_data["source"])
            return edit_response(
                request, templates, form, context, resource, saved.conflict, changes
            )
    return edit_response(request, templates, form, context)


@require_POST
def resource_delete(request, pk: int):
    resource = get_object_or_404(Resource, pk=pk)
    resource.delete()
    messages.success(request, f"Deleted {resource}.")
    return redirect_to(request, reverse("inventory:resource-list"))


@require_GET
def resource_download(request, pk: int):
    resource = get_object_or_404(Resource, pk=pk)
    return yaml_attachment(resource.source, _file_name(resource))


def _file_name(resource: Resource) -> str:
    return f"{resource.kind.lower()}-{resource.name}.yaml"


@require_GET
def namespace_list(request):
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    per_kind = Resource.objects.exclude(namespace="").values("namespace", "kind")
    for row in per_kind.annotate(n=Count("pk")):
        counts[row["namespace"]][row["kind"]] = row["n"]
    declared = {r.name: r for r in Resource.objects.filter(kind="Namespace", api_group="")}
    context = {
        "namespaces": Resource.objects.namespaces(),
        "kinds": sorted({kind for per_kind in counts.values() for kind in per_kind}),
        "counts": counts,
        "declared": declared,
    }
    return render(request, "inventory/namespace_list.html", context)
