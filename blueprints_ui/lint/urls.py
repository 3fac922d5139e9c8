from django.urls import path

from blueprints_ui.lint import views

app_name = "lint"
urlpatterns = [path("", views.lint_check, name="check")]
