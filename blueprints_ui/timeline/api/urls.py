from django.urls import path

from blueprints_ui.timeline.api import views

urlpatterns = [path("timeline", views.timeline, name="timeline")]
