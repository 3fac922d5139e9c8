from django.apps import AppConfig


class TimelineConfig(AppConfig):
    name = "blueprints_ui.timeline"
    label = "timeline"
