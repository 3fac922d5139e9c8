from django.apps import AppConfig


class LintConfig(AppConfig):
    name = "blueprints_ui.lint"
    label = "lint"
