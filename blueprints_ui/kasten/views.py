"""BlueprintBinding and Policy pages: list, detail, edit, delete and download."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
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
from blueprints_ui.kasten.models import BlueprintBinding, Policy
from lifecycle.kinds import KASTEN_NAMESPACE, Category
from lifecycle.selectors import describe_selector, read_requirements

PAGE_SIZE = 25
# The page noun of each model: template names, URL names and wording follow it.
NOUNS = {BlueprintBinding: "binding", Policy: "policy"}
CATEGORIES = {BlueprintBinding: Category.BINDING, Policy: Category.POLICY}


def _kasten_blueprints(names) -> dict[str, Blueprint]:
    """Blueprints of the Kasten namespace by name: the only place Kasten looks for them."""
    found = Blueprint.objects.filter(namespace=KASTEN_NAMESPACE, name__in=set(names))
    return {blueprint.name: blueprint for blueprint in found}


def _edit(request, obj):
    noun = NOUNS[type(obj)]
    initial = {"source": obj.source, "base_revision": obj.revision}
    category, file = CATEGORIES[type(obj)], f"{obj.name}.yaml"
    form = SourceForm(request.POST or None, initial=initial, category=category, file=file)
    templates = (f"kasten/{noun}_edit.html", "kasten/_form.html")
    context = {"obj": obj, "noun": noun}
    if request.method == "POST" and form.is_valid():
        saved = save_form(request, form, type(obj), obj)
        if saved.obj:
            return saved_response(request, obj, saved.outcome, obj.name)
        if saved.conflict:
            # No history is kept for these kinds: show what is stored now against the user's text.
            obj.refresh_from_db()
            changes = side_by_side(obj.source, form.cleaned_data["source"])
            return edit_response(request, templates, form, context, obj, saved.conflict, changes)
    return edit_response(request, templates, form, context)


def _delete(request, obj, what: str, view: str):
    obj.delete()
    messages.success(request, f"Deleted {what} {obj.namespace}/{obj.name}.")
    return redirect_to(request, reverse(view))


@require_GET
def binding_list(request):
    bindings = BlueprintBinding.objects.all()
    if query := request.GET.get("q", "").strip():
        bindings = bindings.filter(Q(name__icontains=query) | Q(blueprint_name__icontains=query))
    page = Paginator(bindings, PAGE_SIZE).get_page(request.GET.get("page"))
    refs = {(b.blueprint_namespace, b.blueprint_name) for b in page.object_list}
    found = Blueprint.objects.filter(
        namespace__in={ns for ns, _ in refs}, name__in={name for _, name in refs}
    )
    context = {"page": page, "query": query, "known": set(found.values_list("namespace", "name"))}
    return render_page(request, "kasten/binding_list.html", "kasten/_binding_table.html", context)


@require_GET
def binding_detail(request, namespace: str, name: str):
    binding = get_object_or_404(BlueprintBinding, namespace=namespace, name=name)
    blueprint = Blueprint.objects.filter(
        namespace=binding.blueprint_namespace, name=binding.blueprint_name
    ).first()
    context = {
        "binding": binding,
        "blueprint": blueprint,
        "requirements": read_requirements(binding.match_all, binding.match_any),
        "source_html": highlight_yaml(binding.source),
    }
    return render(request, "kasten/binding_detail.html", context)


@require_http_methods(["GET", "POST"])
def binding_edit(request, namespace: str, name: str):
    return _edit(request, get_object_or_404(BlueprintBinding, namespace=namespace, name=name))


@require_POST
def binding_delete(request, namespace: str, name: str):
    binding = get_object_or_404(BlueprintBinding, namespace=namespace, name=name)
    return _delete(request, binding, "binding", "kasten:binding-list")


@require_GET
def binding_download(request, namespace: str, name: str):
    binding = get_object_or_404(BlueprintBinding, namespace=namespace, name=name)
    return yaml_attachment(binding.source, f"{name}.yaml")


@require_GET
def policy_list(request):
    policies = Policy.objects.prefetch_related("hooks")
    if query := request.GET.get("q", "").strip():
        policies = policies.filter(
            Q(name__icontains=query) | Q(hooks__blueprint__icontains=query)
        ).distinct()
    page = Paginator(policies, PAGE_SIZE).get_page(request.GET.get("page"))
    names = {hook.blueprint for policy in page.object_list for hook in policy.hooks.all()}
    context = {"page": page, "query": query, "known": set(_kasten_blueprints(names))}
    return render_page(request, "kasten/policy_list.html", "kasten/_policy_table.html", context)


@require_GET
def policy_detail(request, namespace: str, name: str):
    policy = get_object_or_404(Policy, namespace=namespace, name=name)
    hooks = list(policy.hooks.all())
    spec = policy.spec()
    context = {
        "policy": policy,
        "spec": spec,
        "selector": describe_selector(spec.get("selector")),
        "hooks": hooks,
        "blueprints": _kasten_blueprints(hook.blueprint for hook in hooks),
        "source_html": highlight_yaml(policy.source),
    }
    return render(request, "kasten/policy_detail.html", context)


@require_http_methods(["GET", "POST"])
def policy_edit(request, namespace: str, name: str):
    return _edit(request, get_object_or_404(Policy, namespace=namespace, name=name))


@require_POST
def policy_delete(request, namespace: str, name: str):
    policy = get_object_or_404(Policy, namespace=namespace, name=name)
    return _delete(request, policy, "policy", "kasten:policy-list")


@require_GET
def policy_download(request, namespace: str, name: str):
    policy = get_object_or_404(Policy, namespace=namespace, name=name)
    return yaml_attachment(policy.source, f"{name}.yaml")
