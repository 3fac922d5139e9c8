"""Admin views of stored objects are read-only: edits go through the pages or the API,
which validate the YAML and record revisions."""

from django.contrib import admin


class StoredObjectAdmin(admin.ModelAdmin):
    list_display = ("name", "namespace", "revision", "updated_at")
    list_filter = ("namespace",)
    search_fields = ("name", "namespace")
    readonly_fields = ("source", "manifest", "revision", "created_at", "updated_at")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
