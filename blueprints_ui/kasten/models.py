"""config.kio.kasten.io BlueprintBinding and Policy objects."""

from dataclasses import asdict
from datetime import datetime

from django.db import models
from django.urls import reverse
from django.utils import timezone

from blueprints_ui.core.models import StoredObject
from lifecycle.manifests import HOOK_NAMES, ManifestError, binding_fields, policy_hooks


class BlueprintBinding(StoredObject):
    blueprint_name = models.CharField(max_length=253, db_index=True)
    blueprint_namespace = models.CharField(max_length=253)
    disabled = models.BooleanField(default=False)
    match_all = models.JSONField(default=list)
    match_any = models.JSONField(default=list)
    created = models.DateTimeField(
        default=timezone.now,
        help_text="metadata.creationTimestamp, else when it was first stored: "
        "the earliest-created matching binding wins.",
    )

    class Meta(StoredObject.Meta):
        constraints = [models.UniqueConstraint("namespace", "name", name="unique_binding")]

    def get_absolute_url(self) -> str:
        return reverse("kasten:binding-detail", args=[self.namespace, self.name])

    @classmethod
    def derived_fields(cls, manifest, existing):
        fields = binding_fields(manifest)
        written = fields.pop("created")
        if written:
            try:
                fields["created"] = datetime.fromisoformat(written)
            except ValueError:
                raise ManifestError(
                    f"metadata.creationTimestamp {written!r} is not an RFC 3339 time",
                    manifest.document.position_at("metadata", "creationTimestamp"),
                ) from None
        return fields


class Policy(StoredObject):
    class Meta(StoredObject.Meta):
        verbose_name_plural = "policies"
        constraints = [models.UniqueConstraint("namespace", "name", name="unique_policy")]

    def get_absolute_url(self) -> str:
        return reverse("kasten:policy-detail", args=[self.namespace, self.name])

    def after_write(self, author, message: str) -> None:
        self.hooks.all().delete()
        PolicyHook.objects.bulk_create(
            PolicyHook(policy=self, order=i, **asdict(hook))
            for i, hook in enumerate(policy_hooks(self.manifest))
        )

    def spec(self) -> dict:
        spec = self.manifest.get("spec") if isinstance(self.manifest, dict) else None
        return spec if isinstance(spec, dict) else {}

    def action_names(self) -> list[str]:
        actions = self.spec().get("actions")
        if not isinstance(actions, list):
            return []
        return [a["action"] for a in actions if isinstance(a, dict) and "action" in a]


class PolicyHook(models.Model):
    """One preHook / onSuccess / onFailure reference of a policy action, kept for look-ups."""

    policy = models.ForeignKey(Policy, on_delete=models.CASCADE, related_name="hooks")
    order = models.PositiveSmallIntegerField()
    action = models.CharField(max_length=20)
    hook = models.CharField(max_length=20, choices=[(h, h) for h in HOOK_NAMES])
    blueprint = models.CharField(max_length=253, db_index=True)
    action_name = models.CharField(max_length=253)

    class Meta:
        ordering = ("policy", "order")

    def __str__(self) -> str:
        return f"{self.action} {self.hook}: {self.blueprint}/{self.action_name}"
