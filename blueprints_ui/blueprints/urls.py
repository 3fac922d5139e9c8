from django.urls import path

from blueprints_ui.blueprints import views
from blueprints_ui.preview import views as preview_views

app_name = "blueprints"
urlpatterns = [
    path("", views.blueprint_list, name="blueprint-list"),
    path("new/", views.blueprint_new, name="blueprint-new"),
    path("<str:namespace>/<str:name>/", views.blueprint_detail, name="blueprint-detail"),
    path("<str:namespace>/<str:name>/edit/", views.blueprint_edit, name="blueprint-edit"),
    path("<str:namespace>/<str:name>/delete/", views.blueprint_delete, name="blueprint-delete"),
    path(
        "<str:namespace>/<str:name>/download/", views.blueprint_download, name="blueprint-download"
    ),
    path(
        "<str:namespace>/<str:name>/preview/",
        preview_views.blueprint_preview,
        name="blueprint-preview",
    ),
    path("<str:namespace>/<str:name>/revisions/", views.revision_list, name="revision-list"),
    path(
        "<str:namespace>/<str:name>/revisions/<int:number>/",
        views.revision_detail,
        name="revision-detail",
    ),
    path("<str:namespace>/<str:name>/diff/", views.revision_diff, name="revision-diff"),
]
