from django.urls import path

from blueprints_ui.inventory import views

app_name = "inventory"
urlpatterns: list = []
