from rest_framework.routers import SimpleRouter

from blueprints_ui.kasten.api import views

router = SimpleRouter(trailing_slash=True)
# Kasten configuration objects
router.register("bindings", views.BindingViewSet, basename="binding")
router.register("policies", views.PolicyViewSet, basename="policy")
urlpatterns = router.urls
