from django.urls import path

from blueprints_ui.lint.api import views

urlpatterns = [path("lint", views.lint, name="lint")]
