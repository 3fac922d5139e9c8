"""Namespaces, workloads, PVCs and custom resources, as imported from manifests."""

from django.db import models
from django.db.models import Q
from django.urls import reverse

from blueprints_ui.core.models import StoredObject
from lifecycle.kinds import BLUEPRINT_ANNOTATION


class ResourceQuerySet(models.QuerySet):
    def namespaces(self) -> list[str]:
        """Every namespace the inventory knows: declared ones and those resources live in."""
        declared = self.filter(kind="Namespace", api_group="").values_list("name", flat=True)
        used = self.exclude(namespace="").values_list("namespace", flat=True)
        return sorted(set(declared) | set(used))

    def workloads(self):
        return self.exclude(Q(kind="Namespace") & Q(api_group=""))


class Resource(StoredObject):
    api_group = models.CharField(max_length=253, blank=True)
    api_version = models.CharField(max_length=100)
    kind = models.CharField(max_length=100, db_index=True)
    resource = models.CharField(max_length=100, help_text="Plural name, as bindings select it.")
    labels = models.JSONField(default=dict)
    annotations = models.JSONField(default=dict)
    blueprint_annotation = models.CharField(
        max_length=253, blank=True, db_index=True, help_text=f"The {BLUEPRINT_ANNOTATION} value."
    )

    objects = ResourceQuerySet.as_manager()

    class Meta(StoredObject.Meta):
        ordering = ("namespace", "kind", "name")
        constraints = [
            models.UniqueConstraint(
                "api_group", "kind", "namespace", "name", name="unique_resource"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind}/{super().__str__()}"

    def get_absolute_url(self) -> str:
        return reverse("inventory:resource-detail", args=[self.pk])

    @classmethod
    def identity(cls, manifest):
        return {
            "api_group": manifest.classification.type.group,
            "kind": manifest.classification.type.kind,
            **super().identity(manifest),
        }

    @classmethod
    def derived_fields(cls, manifest, existing):
        return {
            "api_version": manifest.classification.type.api_version,
            "resource": manifest.classification.type.resource,
            "labels": manifest.labels,
            "annotations": manifest.annotations,
            "blueprint_annotation": manifest.annotations.get(BLUEPRINT_ANNOTATION, ""),
        }
