"""Blueprint endpoints: the blueprints, and the read-only history of each one."""

from django.shortcuts import get_object_or_404
from rest_framework import viewsets

from blueprints_ui.blueprints.api.serializers import (
    BlueprintRevisionDetailSerializer,
    BlueprintRevisionSerializer,
    BlueprintSerializer,
)
from blueprints_ui.blueprints.models import Blueprint, BlueprintRevision
from blueprints_ui.core.api import StoredObjectViewSet


class BlueprintViewSet(StoredObjectViewSet):
    """Kanister Blueprints; every save that changes the source adds a revision."""

    queryset = Blueprint.objects.select_related("current_revision__author")
    serializer_class = BlueprintSerializer
    filterset_fields = ("namespace", "name")
    search_fields = ("name", "namespace")
    ordering_fields = ("namespace", "name", "revision", "created_at", "updated_at")


class BlueprintRevisionViewSet(viewsets.ReadOnlyModelViewSet):
    """The saved revisions of one blueprint, newest first; the detail includes its source."""

    queryset = BlueprintRevision.objects.select_related("author")
    lookup_field = "number"
    lookup_value_regex = "[0-9]+"
    filterset_fields = ("author__username",)
    search_fields = ("message",)
    ordering_fields = ("number", "created_at")

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator has no blueprint
            return BlueprintRevision.objects.none()
        blueprint = get_object_or_404(Blueprint, pk=self.kwargs["blueprint_id"])
        return super().get_queryset().filter(blueprint=blueprint)

    def get_serializer_class(self):
        if self.action == "retrieve":
            return BlueprintRevisionDetailSerializer
        return BlueprintRevisionSerializer
