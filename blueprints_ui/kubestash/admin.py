from django.contrib import admin

from blueprints_ui.core.admin import StoredObjectAdmin
from blueprints_ui.kubestash.models import BackupConfiguration, HookTemplate, RestoreSession


@admin.register(HookTemplate)
class HookTemplateAdmin(StoredObjectAdmin):
    list_display = ("name", "namespace", "action", "executor", "allowed_from", "revision")
    list_filter = ("namespace", "executor")


@admin.register(BackupConfiguration)
class BackupConfigurationAdmin(StoredObjectAdmin):
    list_display = ("name", "namespace", "target", "sessions", "revision")


@admin.register(RestoreSession)
class RestoreSessionAdmin(StoredObjectAdmin):
    list_display = ("name", "namespace", "target", "revision")
