from django.urls import path

from blueprints_ui.transfer import views

app_name = "transfer"
urlpatterns: list = []
