from django.apps import AppConfig


class TransferConfig(AppConfig):
    name = "blueprints_ui.transfer"
    label = "transfer"
