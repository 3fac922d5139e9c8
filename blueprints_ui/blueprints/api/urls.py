from rest_framework.routers import SimpleRouter

from blueprints_ui.blueprints.api import views

router = SimpleRouter(trailing_slash=True)
router.register("blueprints", views.BlueprintViewSet, basename="blueprint")
router.register(
    r"blueprints/(?P<blueprint_id>[0-9]+)/revisions",
    views.BlueprintRevisionViewSet,
    basename="blueprint-revision",
)
urlpatterns = router.urls
