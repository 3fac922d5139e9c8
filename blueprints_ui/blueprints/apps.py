from django.apps import AppConfig


class BlueprintsConfig(AppConfig):
    name = "blueprints_ui.blueprints"
    label = "blueprints"
