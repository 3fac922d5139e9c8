from django.apps import AppConfig


class InventoryConfig(AppConfig):
    name = "blueprints_ui.inventory"
    label = "inventory"
