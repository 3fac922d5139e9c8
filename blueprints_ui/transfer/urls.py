from django.urls import path

from blueprints_ui.transfer import views

app_name = "transfer"
urlpatterns = [
    path("import/", views.import_page, name="import"),
    path("export/", views.export_download, name="export"),
]
