from django.apps import AppConfig


class PreviewConfig(AppConfig):
    name = "blueprints_ui.preview"
    label = "preview"
