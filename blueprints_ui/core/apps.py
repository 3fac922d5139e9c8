from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "blueprints_ui.core"
    label = "core"
