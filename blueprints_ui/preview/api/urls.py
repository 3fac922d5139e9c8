from django.urls import path

from blueprints_ui.preview.api import views

urlpatterns = [path("render", views.render, name="render")]
