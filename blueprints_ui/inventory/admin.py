from django.contrib import admin

from blueprints_ui.core.admin import StoredObjectAdmin
from blueprints_ui.inventory.models import Resource


@admin.register(Resource)
class ResourceAdmin(StoredObjectAdmin):
    list_display = ("kind", "name", "namespace", "blueprint_annotation", "revision")
    list_filter = ("kind", "namespace")
