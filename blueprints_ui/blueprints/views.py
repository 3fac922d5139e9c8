"""Blueprint pages: list, detail, edit, history and differences between revisions."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from blueprints_ui.blueprints.models import Blueprint, BlueprintRevision
from blueprints_ui.core.diffing import side_by_side
from blueprints_ui.core.downloads import yaml_attachment
from blueprints_ui.core.editing import edit_response, save_form, saved_response
from blueprints_ui.core.forms import SourceForm
from blueprints_ui.core.highlight import highlight_yaml
from blueprints_ui.core.htmx import redirect_to, render_page
from blueprints_ui.lint.linting import (
    default_options,
    lint_blueprint,
    lint_blueprints,
    marked_source,
)
from lifecycle.actions import RESERVED_ACTIONS
from lifecycle.kinds import Category
from lifecycle.lint import summarize

PAGE_SIZE = 25
NEW_BLUEPRINT = """apiVersion: cr.kanister.io/v1alpha1
kind: Blueprint
metadata:
  name: my-blueprint
  namespace: kasten-io
actions:
  backupPrehook:
    kind: StatefulSet
    phases:
    - func: KubeExec
      name: quiesce
      args:
        namespace: "{{ .StatefulSet.Namespace }}"
        pod: "{{ index .StatefulSet.Pods 0 }}"
        command: [sh, -c, "echo quiesce"]
"""


def _get_blueprint(namespace: str, name: str) -> Blueprint:
    return get_object_or_404(
        Blueprint.objects.select_related("current_revision__author"), namespace=namespace, name=name
    )


@require_GET
def blueprint_list(request):
    blueprints = Blueprint.objects.all()
    if query := request.GET.get("q", "").strip():
        blueprints = blueprints.filter(Q(name__icontains=query) | Q(namespace__icontains=query))
    page = Paginator(blueprints, PAGE_SIZE).get_page(request.GET.get("page"))
    reports = lint_blueprints(page.object_list)
    context = {
        "page": page,
        "query": query,
        "reserved": RESERVED_ACTIONS,
        "counts": {b.pk: summarize([r]) for b, r in zip(page.object_list, reports, strict=True)},
    }
    return render_page(request, "blueprints/blueprint_list.html", "blueprints/_table.html", context)


@require_GET
def blueprint_detail(request, namespace: str, name: str):
    blueprint = _get_blueprint(namespace, name)
    report = lint_blueprint(blueprint)
    context = {
        "blueprint": blueprint,
        "source_html": marked_source(blueprint.source, report),
        "report": report,
        "counts": summarize([report]),
        "lint_options": default_options(),
        "reserved": RESERVED_ACTIONS,
        "bindings": blueprint.bindings(),
        "hooks": blueprint.policy_hooks(),
        "annotated": blueprint.annotated_resources(),
    }
    return render(request, "blueprints/blueprint_detail.html", context)


TEMPLATES = ("blueprints/blueprint_edit.html", "blueprints/_form.html")


@require_http_methods(["GET", "POST"])
def blueprint_edit(request, namespace: str, name: str):
    blueprint = _get_blueprint(namespace, name)
    initial = {"source": blueprint.source, "base_revision": blueprint.revision}
    form = SourceForm(
        request.POST or None, initial=initial, category=Category.BLUEPRINT, file=f"{name}.yaml"
    )
    if request.method == "POST" and form.is_valid():
        saved = save_form(request, form, Blueprint, blueprint)
        if saved.obj:
            return saved_response(request, blueprint, saved.outcome, blueprint.name)
        if saved.conflict:
            current = _get_blueprint(namespace, name)
            base = current.revisions.filter(number=saved.conflict.base).first()
            changes = side_by_side(base.source if base else "", current.source)
            context = {"blueprint": current}
            return edit_response(
                request, TEMPLATES, form, context, current, saved.conflict, changes
            )
    return edit_response(request, TEMPLATES, form, {"blueprint": blueprint})


@require_http_methods(["GET", "POST"])
def blueprint_new(request):
    initial = {"source": NEW_BLUEPRINT, "base_revision": 0, "message": "Created"}
    form = SourceForm(
        request.POST or None, initial=initial, category=Category.BLUEPRINT, file="new.yaml"
    )
    if request.method == "POST" and form.is_valid():
        saved = save_form(request, form, Blueprint, None)
        if saved.obj:
            return saved_response(request, saved.obj, saved.outcome, saved.obj.name)
        if saved.conflict:
            manifest = form.manifest
            form.add_error(
                "source", f"A blueprint {manifest.namespace}/{manifest.name} already exists."
            )
    return edit_response(request, TEMPLATES, form, {"blueprint": None})


@require_POST
def blueprint_delete(request, namespace: str, name: str):
    blueprint = _get_blueprint(namespace, name)
    blueprint.delete()
    messages.success(
        request, f"Deleted blueprint {namespace}/{name} and its {blueprint.revision} revision(s)."
    )
    return redirect_to(request, reverse("blueprints:blueprint-list"))


@require_GET
def blueprint_download(request, namespace: str, name: str):
    blueprint = _get_blueprint(namespace, name)
    source, suffix = blueprint.source, ""
    if number := request.GET.get("revision"):
        revision = get_object_or_404(blueprint.revisions, number=number if number.isdigit() else -1)
        source, suffix = revision.source, f"-r{revision.number}"
    return yaml_attachment(source, f"{name}{suffix}.yaml")


@require_GET
def revision_list(request, namespace: str, name: str):
    blueprint = _get_blueprint(namespace, name)
    page = Paginator(blueprint.revisions.select_related("author"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "blueprints/revision_list.html", {"blueprint": blueprint, "page": page})


@require_GET
def revision_detail(request, namespace: str, name: str, number: int):
    blueprint = _get_blueprint(namespace, name)
    revision = get_object_or_404(blueprint.revisions.select_related("author"), number=number)
    context = {
        "blueprint": blueprint,
        "revision": revision,
        "source_html": highlight_yaml(revision.source),
    }
    return render(request, "blueprints/revision_detail.html", context)


def _revision_number(request, key: str, default: int) -> int:
    raw = request.GET.get(key, "")
    return int(raw) if raw.isdigit() else default


@require_GET
def revision_diff(request, namespace: str, name: str):
    blueprint = _get_blueprint(namespace, name)
    new_number = _revision_number(request, "to", blueprint.revision)
    old_number = _revision_number(request, "from", max(new_number - 1, 1))
    old = get_object_or_404(BlueprintRevision, blueprint=blueprint, number=old_number)
    new = get_object_or_404(BlueprintRevision, blueprint=blueprint, number=new_number)
    context = {
        "blueprint": blueprint,
        "old": old,
        "new": new,
        "rows": side_by_side(old.source, new.source),
        "numbers": list(blueprint.revisions.values_list("number", flat=True)),
    }
    return render(request, "blueprints/revision_diff.html", context)
