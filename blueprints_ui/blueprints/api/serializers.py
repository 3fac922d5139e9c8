"""Blueprints and their revisions as the API shows them."""

import difflib

from rest_framework import serializers

from blueprints_ui.blueprints.models import Blueprint, BlueprintRevision
from blueprints_ui.core.api import StoredObjectSerializer
from lifecycle.kinds import Category


class BlueprintRevisionSerializer(serializers.ModelSerializer):
    author = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = BlueprintRevision
        fields = ("number", "author", "message", "content_hash", "created_at")
        read_only_fields = fields


class BlueprintRevisionDetailSerializer(BlueprintRevisionSerializer):
    class Meta(BlueprintRevisionSerializer.Meta):
        fields = ("number", "author", "message", "content_hash", "created_at", "source")
        read_only_fields = fields


class BlueprintSerializer(StoredObjectSerializer):
    category = Category.BLUEPRINT

    message = serializers.CharField(
        write_only=True,
        required=False,
        allow_blank=True,
        max_length=500,
        help_text="What changed and why (kept with the revision).",
    )
    action_names = serializers.ListField(child=serializers.CharField(), read_only=True)
    current_revision = BlueprintRevisionSerializer(read_only=True)

    class Meta:
        model = Blueprint
        fields = (
            "id",
            "namespace",
            "name",
            "revision",
            "source",
            "manifest",
            "action_names",
            "current_revision",
            "created_at",
            "updated_at",
            "message",
            "base_revision",
        )

    @classmethod
    def changes_since(cls, obj: Blueprint, base: int | None) -> str:
        """A unified diff from the revision the stale write was based on to the current one."""
        old = obj.revisions.filter(number=base).values_list("source", flat=True).first() or ""
        return "".join(
            difflib.unified_diff(
                old.splitlines(keepends=True),
                obj.source.splitlines(keepends=True),
                fromfile=f"{obj.name}.yaml@r{base or 0}",
                tofile=f"{obj.name}.yaml@r{obj.revision}",
            )
        )
