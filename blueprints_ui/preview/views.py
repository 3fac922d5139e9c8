"""The render preview of a blueprint's action: fake inputs in, every phase's rendered args out."""

from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_http_methods

from blueprints_ui.blueprints.models import Blueprint
from blueprints_ui.core.htmx import render_page
from blueprints_ui.inventory.models import Resource
from blueprints_ui.preview.previewing import (
    ACTIONSET_KINDS,
    LOCATION_TYPES,
    FormError,
    Target,
    action_fields,
    default_action,
    read_inputs,
    read_manifest,
    runs_on_namespace,
    show_preview,
    shown_rows,
)
from lifecycle.parsing import parse_blueprint
from lifecycle.preview import preview_action
from lifecycle.template_data import PREVIEW_TIME
from lifecycle.yamlpos import split_documents

SAMPLE_MANIFEST = """apiVersion: {api_version}
kind: {kind}
metadata:
  name: my-app
  namespace: my-namespace
spec:
  replicas: 1
  template:
    spec:
      containers:
      - name: app
"""
SAMPLE_CLAIM = """apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: my-claim
  namespace: my-namespace
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Gi}}
"""
API_VERSIONS = {"StatefulSet": "apps/v1", "Deployment": "apps/v1",
                "DeploymentConfig": "apps.openshift.io/v1"}  # fmt: skip


@require_http_methods(["GET", "POST"])
def blueprint_preview(request, namespace: str, name: str):
    """GET previews the first reserved action (or `?action=`) with sample inputs; POST with
    the inputs typed in. Nothing is stored. Bad input answers 422 naming the field and line."""
    blueprint = get_object_or_404(Blueprint, namespace=namespace, name=name)
    split = split_documents(blueprint.source, f"{name}.yaml")
    document = split.documents[0] if split.documents else None
    parsed = parse_blueprint(document) if document else None
    actions = list(parsed.actions) if parsed else []
    data = request.POST if request.method == "POST" else request.GET
    context = _form_context(request, blueprint, parsed, data)
    action = context["action"]
    try:
        if not actions or data.get("action", action) not in actions:
            raise FormError("action", _unknown_action(data.get("action", ""), actions))
        fields = context["fields"]
        target = _target(context["values"])
        sample, inputs = read_inputs(context["values"], fields, target)
    except FormError as error:
        context["errors"] = [error]
        return render_page(request, *TEMPLATES, context, 422 if actions else 200)
    reveal = bool(data.get("reveal"))
    result = preview_action(parsed.actions[action], sample, inputs)
    context["preview"] = show_preview(
        result, inputs.secrets, reveal=reveal, source=blueprint.source, base=document.offset
    )
    return render_page(request, *TEMPLATES, context)


TEMPLATES = ("preview/blueprint_preview.html", "preview/_results.html")


def _form_context(request, blueprint, parsed, data) -> dict:
    actions = list(parsed.actions) if parsed else []
    action = data.get("action") if data.get("action") in actions else default_action(parsed)
    fields = action_fields(parsed, parsed.actions[action]) if action else None
    posted = request.method == "POST"
    values = (
        dict(data.items())
        if posted
        else {**_initial(parsed, action), **(fields.initial() if fields else {})}
    )
    return {
        "blueprint": blueprint,
        "actions": actions,
        "action": action,
        "fields": fields,
        "values": values,
        "reveal": bool(data.get("reveal")),
        "secret_rows": {
            obj.name: shown_rows(values if posted else {}, obj) for obj in fields.objects()
        }
        if fields
        else {},
        "resources": list(Resource.objects.workloads()),
        "namespaces": Resource.objects.namespaces(),
        "location_types": LOCATION_TYPES,
        "errors": [],
        "preview": None,
        "preview_time": PREVIEW_TIME,
    }


def _initial(parsed, action: str | None) -> dict[str, str]:
    """Sample inputs: a workload of the kind the action reads, or for a hook that reads none
    the first namespace; a sample manifest of that kind when the inventory has none; a profile
    when the templates read one."""
    namespaces = Resource.objects.namespaces()
    kind = _workload_kind(parsed.actions[action]) if action else ""
    reads_profile = action and ".Profile" in str(_action_texts(parsed.actions[action]))
    values = {
        "time": PREVIEW_TIME,
        "manifest": SAMPLE_CLAIM
        if kind == "PersistentVolumeClaim"
        else SAMPLE_MANIFEST.format(
            kind=kind or "StatefulSet", api_version=API_VERSIONS.get(kind, "apps/v1")
        ),
        "profile_type": "s3Compliant",
        "subject": namespaces[0] if namespaces else "default",
    }
    if reads_profile:
        values |= {"profile": "on", "profile_bucket": "my-bucket", "profile_region": "us-east-1"}
    if action and runs_on_namespace(action) and not kind:
        return values | {"target": "namespace"}
    workloads = Resource.objects.workloads().filter(kind__in=list(ACTIONSET_KINDS))
    first = workloads.filter(kind__iexact=kind).first() if kind else None
    first = first or workloads.first()
    return values | {"target": f"resource-{first.pk}" if first else "paste"}


def _action_texts(action) -> list:
    return [phase.args for phase in action.all_phases] + [
        artifact.key_value for artifact in action.output_artifacts.values()
    ]


def _workload_kind(action) -> str:
    """The kind an action is written for: its `kind`, else the first workload its templates read."""
    if action.kind:
        return action.kind
    text = str(_action_texts(action))
    used = [
        (text.find(f".{kind}."), kind) for kind in ("StatefulSet", "Deployment", "DeploymentConfig")
    ]
    used += [(text.find(".PVC."), "PersistentVolumeClaim")]
    return min(((at, kind) for at, kind in used if at != -1), default=(0, ""))[1]


def _target(data) -> Target:
    choice = data.get("target", "")
    if choice == "namespace":
        if not (subject := data.get("subject", "").strip()):
            raise FormError(
                "subject", "Subject namespace: expected a namespace name, found nothing"
            )
        return Target("namespace", None, subject)
    if choice == "paste":
        manifest = read_manifest(data.get("manifest", ""))
        return Target(ACTIONSET_KINDS.get(manifest["kind"], manifest["kind"].lower()), manifest)
    number = choice.removeprefix("resource-")
    resource = Resource.objects.filter(pk=int(number)).first() if number.isdigit() else None
    if resource is None:
        raise FormError(
            "target", "Target: expected an inventory object, a pasted manifest or a namespace"
        )
    return Target(ACTIONSET_KINDS.get(resource.kind, resource.kind.lower()), resource.manifest)


def _unknown_action(name: str, actions: list[str]) -> str:
    if not actions:
        return "Action: this blueprint defines no actions"
    return (
        f"Action: {name!r} is not an action of this blueprint; expected one of {', '.join(actions)}"
    )
