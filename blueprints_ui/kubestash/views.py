"""KubeStash pages: the stored HookTemplates, BackupConfigurations and RestoreSessions."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from blueprints_ui.core.highlight import highlight_yaml
from blueprints_ui.kubestash.inventory import source_file, stored_inventory
from blueprints_ui.kubestash.models import BackupConfiguration, HookTemplate, RestoreSession

MODELS = {
    "hooktemplates": HookTemplate,
    "backupconfigurations": BackupConfiguration,
    "restoresessions": RestoreSession,
}


@require_GET
def object_list(request):
    context = {
        "hook_templates": HookTemplate.objects.all(),
        "backup_configurations": BackupConfiguration.objects.all(),
        "restore_sessions": RestoreSession.objects.all(),
    }
    return render(request, "kubestash/object_list.html", context)


@require_GET
def object_detail(request, namespace: str, name: str, kind: str):
    obj = get_object_or_404(MODELS[kind], namespace=namespace, name=name)
    _, problems = stored_inventory()
    context = {
        "obj": obj,
        "kind": type(obj).__name__,
        "problems": [p for p in problems if p.position.file == source_file(obj)],
        "source_html": highlight_yaml(obj.source),
    }
    return render(request, "kubestash/object_detail.html", context)
