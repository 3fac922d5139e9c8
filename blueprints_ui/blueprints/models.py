"""A Kanister Blueprint and the revisions it went through."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from blueprints_ui.core.models import StoredObject, content_hash
from blueprints_ui.inventory.models import Resource
from blueprints_ui.kasten.models import BlueprintBinding, PolicyHook
from lifecycle.kinds import KASTEN_NAMESPACE


class Blueprint(StoredObject):
    """cr.kanister.io/v1alpha1 Blueprint; `source` is always the current revision's text."""

    current_revision = models.ForeignKey(
        "BlueprintRevision", on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta(StoredObject.Meta):
        constraints = [models.UniqueConstraint("namespace", "name", name="unique_blueprint")]

    def after_write(self, author, message: str) -> None:
        revision = BlueprintRevision.objects.create(
            blueprint=self,
            number=self.revision,
            source=self.source,
            content_hash=content_hash(self.source),
            author=author,
            message=message,
        )
        Blueprint.objects.filter(pk=self.pk).update(current_revision=revision)
        self.current_revision = revision

    def get_absolute_url(self) -> str:
        return reverse("blueprints:blueprint-detail", args=[self.namespace, self.name])

    def action_names(self) -> list[str]:
        actions = self.manifest.get("actions") if isinstance(self.manifest, dict) else None
        return list(actions) if isinstance(actions, dict) else []

    def bindings(self):
        """BlueprintBindings that attach this blueprint to resources."""
        return BlueprintBinding.objects.filter(
            blueprint_name=self.name, blueprint_namespace=self.namespace
        )

    def policy_hooks(self):
        """Policy action hooks that call one of this blueprint's actions."""
        if self.namespace != KASTEN_NAMESPACE:
            return PolicyHook.objects.none()
        return PolicyHook.objects.filter(blueprint=self.name).select_related("policy")

    def annotated_resources(self):
        """Inventory resources whose annotation names this blueprint."""
        if self.namespace != KASTEN_NAMESPACE:
            return Resource.objects.none()
        return Resource.objects.filter(blueprint_annotation=self.name)


class BlueprintRevision(models.Model):
    """One saved state of a blueprint; never changed once written."""

    blueprint = models.ForeignKey(Blueprint, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    source = models.TextField()
    content_hash = models.CharField(max_length=64)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    message = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-number",)
        constraints = [
            models.UniqueConstraint("blueprint", "number", name="unique_blueprint_revision")
        ]

    def __str__(self) -> str:
        return f"{self.blueprint} r{self.number}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise ValueError("blueprint revisions are immutable: save a new revision instead")
        super().save(*args, **kwargs)
