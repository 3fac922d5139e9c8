from django.contrib import admin

from blueprints_ui.blueprints.models import Blueprint, BlueprintRevision
from blueprints_ui.core.admin import StoredObjectAdmin


class RevisionInline(admin.TabularInline):
    model = BlueprintRevision
    fields = ("number", "author", "message", "content_hash", "created_at")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Blueprint)
class BlueprintAdmin(StoredObjectAdmin):
    inlines = [RevisionInline]
