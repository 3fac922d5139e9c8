"""YAML handed to the browser as a file to save."""

from django.http import HttpResponse


def yaml_attachment(text: str, filename: str) -> HttpResponse:
    response = HttpResponse(text, content_type="application/yaml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
