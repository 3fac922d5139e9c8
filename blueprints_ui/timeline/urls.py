from django.urls import path

from blueprints_ui.timeline import settings_views, views

app_name = "timeline"
urlpatterns = [
    path("", views.timeline_page, name="page"),
    path("step/", views.timeline_step, name="step"),
    path("download/", views.timeline_download, name="download"),
    path("settings/", settings_views.settings_edit, name="settings"),
]
