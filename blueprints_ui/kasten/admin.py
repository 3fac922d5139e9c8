from django.contrib import admin

from blueprints_ui.core.admin import StoredObjectAdmin
from blueprints_ui.kasten.models import BlueprintBinding, Policy, PolicyHook


@admin.register(BlueprintBinding)
class BlueprintBindingAdmin(StoredObjectAdmin):
    list_display = ("name", "namespace", "blueprint_name", "disabled", "created", "revision")
    list_filter = ("namespace", "disabled")


class PolicyHookInline(admin.TabularInline):
    model = PolicyHook
    fields = ("action", "hook", "blueprint", "action_name")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Policy)
class PolicyAdmin(StoredObjectAdmin):
    inlines = [PolicyHookInline]
