from django.apps import AppConfig


class KastenConfig(AppConfig):
    name = "blueprints_ui.kasten"
    label = "kasten"
