from django.urls import path

from blueprints_ui.kubestash import views

app_name = "kubestash"
urlpatterns = [path("", views.object_list, name="object-list")] + [
    path(
        f"{kind}/<str:namespace>/<str:name>/",
        views.object_detail,
        {"kind": kind},
        name=f"{kind}-detail",
    )
    for kind in views.MODELS
]
