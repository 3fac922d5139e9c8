from django.urls import path

from blueprints_ui.kasten import views

app_name = "kasten"
urlpatterns = [
    path("bindings/", views.binding_list, name="binding-list"),
    path("bindings/<str:namespace>/<str:name>/", views.binding_detail, name="binding-detail"),
    path("bindings/<str:namespace>/<str:name>/edit/", views.binding_edit, name="binding-edit"),
    path(
        "bindings/<str:namespace>/<str:name>/delete/", views.binding_delete, name="binding-delete"
    ),
    path(
        "bindings/<str:namespace>/<str:name>/download/",
        views.binding_download,
        name="binding-download",
    ),
    path("policies/", views.policy_list, name="policy-list"),
    path("policies/<str:namespace>/<str:name>/", views.policy_detail, name="policy-detail"),
    path("policies/<str:namespace>/<str:name>/edit/", views.policy_edit, name="policy-edit"),
    path("policies/<str:namespace>/<str:name>/delete/", views.policy_delete, name="policy-delete"),
    path(
        "policies/<str:namespace>/<str:name>/download/",
        views.policy_download,
        name="policy-download",
    ),
]
