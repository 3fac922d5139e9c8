from django.urls import path

from blueprints_ui.timeline import settings_views

app_name = "timeline"
urlpatterns = [
    path("settings/", settings_views.settings_edit, name="settings"),
]
