"""KubeStash HookTemplate, BackupConfiguration and RestoreSession objects (core.kubestash.com)."""

from django.db import models
from django.urls import reverse

from blueprints_ui.core.models import StoredObject
from lifecycle.kubestash.reading import (
    read_backup_configuration,
    read_hook_template,
    read_restore_session,
)
from lifecycle.manifests import ManifestError


def _read(reader, manifest):
    """The record `reader` makes of the manifest; its first problem refuses the object, as
    KubeStash's CRD schema and webhook would."""
    record, problems = reader(manifest)
    if problems:
        raise ManifestError(problems[0].message, problems[0].position)
    return record


class KubeStashObject(StoredObject):
    class Meta(StoredObject.Meta):
        abstract = True

    def get_absolute_url(self) -> str:
        plural = type(self)._meta.verbose_name_plural.replace(" ", "")
        return reverse(f"kubestash:{plural}-detail", args=[self.namespace, self.name])


class HookTemplate(KubeStashObject):
    executor = models.CharField(max_length=20, help_text="spec.executor.type")
    action = models.CharField(max_length=60, help_text="exec, httpGet, httpPost or tcpSocket")
    allowed_from = models.CharField(
        max_length=20, help_text="spec.usagePolicy.allowedNamespaces.from"
    )

    class Meta(KubeStashObject.Meta):
        constraints = [models.UniqueConstraint("namespace", "name", name="unique_hooktemplate")]

    @classmethod
    def derived_fields(cls, manifest, existing):
        template = _read(read_hook_template, manifest)
        return {
            "executor": template.executor or "",
            "action": template.action_text,
            "allowed_from": template.allowed_from,
        }


class BackupConfiguration(KubeStashObject):
    target = models.CharField(max_length=600, blank=True, help_text="Kind/namespace/name")
    sessions = models.JSONField(default=list, help_text="The names of spec.sessions, in order.")

    class Meta(KubeStashObject.Meta):
        constraints = [
            models.UniqueConstraint("namespace", "name", name="unique_backupconfiguration")
        ]

    @classmethod
    def derived_fields(cls, manifest, existing):
        configuration = _read(read_backup_configuration, manifest)
        return {
            "target": configuration.target,
            "sessions": [session.name for session in configuration.sessions],
        }


class RestoreSession(KubeStashObject):
    target = models.CharField(max_length=600, blank=True, help_text="Kind/namespace/name")

    class Meta(KubeStashObject.Meta):
        constraints = [models.UniqueConstraint("namespace", "name", name="unique_restoresession")]

    @classmethod
    def derived_fields(cls, manifest, existing):
        return {"target": _read(read_restore_session, manifest).target}
