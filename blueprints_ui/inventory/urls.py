from django.urls import path

from blueprints_ui.inventory import views

app_name = "inventory"
urlpatterns = [
    path("", views.resource_list, name="resource-list"),
    path("namespaces/", views.namespace_list, name="namespace-list"),
    path("<int:pk>/", views.resource_detail, name="resource-detail"),
    path("<int:pk>/edit/", views.resource_edit, name="resource-edit"),
    path("<int:pk>/delete/", views.resource_delete, name="resource-delete"),
    path("<int:pk>/download/", views.resource_download, name="resource-download"),
]
