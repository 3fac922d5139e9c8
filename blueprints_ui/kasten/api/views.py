"""BlueprintBinding and Policy endpoints."""

from django_filters import rest_framework as filters

from blueprints_ui.core.api import StoredObjectViewSet
from blueprints_ui.kasten.api.serializers import BindingSerializer, PolicySerializer
from blueprints_ui.kasten.models import BlueprintBinding, Policy


class PolicyFilter(filters.FilterSet):
    # distinct: a policy hooking two actions of one blueprint is still one policy.
    hook_blueprint = filters.CharFilter(
        field_name="hooks__blueprint", distinct=True, label="Blueprint called by one of its hooks"
    )

    class Meta:
        model = Policy
        fields = ("namespace", "name", "hook_blueprint")


class BindingViewSet(StoredObjectViewSet):
    """Kasten BlueprintBindings: which blueprint applies to which resources."""

    queryset = BlueprintBinding.objects.all()
    serializer_class = BindingSerializer
    filterset_fields = ("namespace", "name", "blueprint_name", "blueprint_namespace", "disabled")
    search_fields = ("name", "namespace", "blueprint_name")
    ordering_fields = ("namespace", "name", "revision", "created", "created_at", "updated_at")


class PolicyViewSet(StoredObjectViewSet):
    """Kasten Policies, with the blueprint actions their hooks call."""

    queryset = Policy.objects.prefetch_related("hooks")
    serializer_class = PolicySerializer
    filterset_class = PolicyFilter
    search_fields = ("name", "namespace")
    ordering_fields = ("namespace", "name", "revision", "created_at", "updated_at")
