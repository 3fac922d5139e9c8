from rest_framework.routers import SimpleRouter

from blueprints_ui.inventory.api import views

router = SimpleRouter(trailing_slash=True)
router.register("resources", views.ResourceViewSet, basename="resource")
router.register("namespaces", views.NamespaceViewSet, basename="namespace")
urlpatterns = router.urls
