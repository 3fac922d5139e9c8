from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from blueprints_ui.blueprints.api import urls as blueprints_api
from blueprints_ui.core import views as core_views
from blueprints_ui.inventory.api import urls as inventory_api
from blueprints_ui.kasten.api import urls as kasten_api

# One browsable root for the three apps' routers (each alone would only list its own).
api_root = DefaultRouter.APIRootView.as_view(
    api_root_dict={
        **{
            prefix: f"{basename}-list"
            for router in (blueprints_api.router, kasten_api.router, inventory_api.router)
            for prefix, _, basename in router.registry
            if "(" not in prefix
        },
        "lint": "lint",
        "render": "render",
        "timeline": "timeline",
    }
)
api = [
    path("", api_root, name="api-root"),
    path("", include("blueprints_ui.blueprints.api.urls")),
    path("", include("blueprints_ui.kasten.api.urls")),
    path("", include("blueprints_ui.inventory.api.urls")),
    path("", include("blueprints_ui.lint.api.urls")),
    path("", include("blueprints_ui.preview.api.urls")),
    path("", include("blueprints_ui.timeline.api.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
]

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("login/", auth_views.LoginView.as_view(template_name="core/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("api/", include((api, "api"))),
    path("blueprints/", include("blueprints_ui.blueprints.urls")),
    path("kasten/", include("blueprints_ui.kasten.urls")),
    path("inventory/", include("blueprints_ui.inventory.urls")),
    path("kubestash/", include("blueprints_ui.kubestash.urls")),
    path("transfer/", include("blueprints_ui.transfer.urls")),
    path("lint/", include("blueprints_ui.lint.urls")),
    path("timeline/", include("blueprints_ui.timeline.urls")),
]
