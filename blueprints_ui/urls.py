from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from blueprints_ui.core import views as core_views

api = [
    path("", include("blueprints_ui.blueprints.api.urls")),
    path("", include("blueprints_ui.kasten.api.urls")),
    path("", include("blueprints_ui.inventory.api.urls")),
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
    path("transfer/", include("blueprints_ui.transfer.urls")),
]
