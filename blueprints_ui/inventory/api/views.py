"""Inventory endpoints: resources, and the namespaces they declare or live in."""

from rest_framework import viewsets

from blueprints_ui.core.api import StoredObjectViewSet
from blueprints_ui.inventory.api.serializers import NamespaceSerializer, ResourceSerializer
from blueprints_ui.inventory.models import Resource


class ResourceViewSet(StoredObjectViewSet):
    """Namespaces, workloads, PVCs and custom resources that blueprints are bound to."""

    queryset = Resource.objects.all()
    serializer_class = ResourceSerializer
    filterset_fields = ("namespace", "name", "kind", "api_group", "blueprint_annotation")
    search_fields = ("name", "namespace", "kind")
    ordering_fields = ("namespace", "kind", "name", "revision", "created_at", "updated_at")


class NamespaceViewSet(viewsets.GenericViewSet):
    """Namespaces the inventory declares or has resources in, by name."""

    serializer_class = NamespaceSerializer
    filter_backends = ()

    def list(self, request):
        page = self.paginate_queryset([{"name": name} for name in Resource.objects.namespaces()])
        return self.get_paginated_response(self.get_serializer(page, many=True).data)
