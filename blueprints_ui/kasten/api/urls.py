from rest_framework.routers import DefaultRouter

from blueprints_ui.kasten.api import views

router = DefaultRouter(trailing_slash=True)
# Kasten configuration objects
router.register("bindings", views.BindingViewSet, basename="binding")
router.register("policies", views.PolicyViewSet, basename="policy")
urlpatterns = router.urls
