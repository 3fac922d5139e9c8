from rest_framework.routers import DefaultRouter

from blueprints_ui.inventory.api import views

router = DefaultRouter(trailing_slash=True)
router.register("resources", views.ResourceViewSet, basename="resource")
router.register("namespaces", views.NamespaceViewSet, basename="namespace")
urlpatterns = router.urls
