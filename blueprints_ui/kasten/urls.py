from django.urls import path

from blueprints_ui.kasten import views

app_name = "kasten"
urlpatterns: list = []
