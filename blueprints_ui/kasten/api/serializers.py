"""Kasten BlueprintBindings and Policies as the API shows them."""

from rest_framework import serializers

from blueprints_ui.core.api import StoredObjectSerializer
from blueprints_ui.kasten.models import BlueprintBinding, Policy, PolicyHook
from lifecycle.kinds import Category


class BindingSerializer(StoredObjectSerializer):
    category = Category.BINDING

    class Meta:
        model = BlueprintBinding
        fields = (
            "id",
            "namespace",
            "name",
            "revision",
            "source",
            "manifest",
            "blueprint_name",
            "blueprint_namespace",
            "disabled",
            "match_all",
            "match_any",
            "created",
            "created_at",
            "updated_at",
            "base_revision",
        )


class PolicyHookSerializer(serializers.ModelSerializer):
    class Meta:
        model = PolicyHook
        fields = ("action", "hook", "blueprint", "action_name")
        read_only_fields = fields


class PolicySerializer(StoredObjectSerializer):
    category = Category.POLICY

    action_names = serializers.ListField(child=serializers.CharField(), read_only=True)
    hooks = PolicyHookSerializer(many=True, read_only=True)

    class Meta:
        model = Policy
        fields = (
            "id",
            "namespace",
            "name",
            "revision",
            "source",
            "manifest",
            "action_names",
            "hooks",
            "created_at",
            "updated_at",
            "base_revision",
        )
