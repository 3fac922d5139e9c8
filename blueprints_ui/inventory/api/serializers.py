"""Inventory resources and namespaces as the API shows them."""

from rest_framework import serializers

from blueprints_ui.core.api import StoredObjectSerializer
from blueprints_ui.inventory.models import Resource
from lifecycle.kinds import Category


class ResourceSerializer(StoredObjectSerializer):
    category = Category.RESOURCE

    class Meta:
        model = Resource
        fields = (
            "id",
            "namespace",
            "name",
            "revision",
            "source",
            "manifest",
            "api_group",
            "api_version",
            "kind",
            "resource",
            "labels",
            "annotations",
            "blueprint_annotation",
            "created_at",
            "updated_at",
            "base_revision",
        )


class NamespaceSerializer(serializers.Serializer):
    name = serializers.CharField(read_only=True)
