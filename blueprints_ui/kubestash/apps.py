from django.apps import AppConfig


class KubeStashConfig(AppConfig):
    name = "blueprints_ui.kubestash"
    label = "kubestash"
    verbose_name = "KubeStash"
