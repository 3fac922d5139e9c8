"""The API's error shape: {"errors": [{"file", "line", "column", "field", "message"}]}."""

from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from lifecycle.manifests import ManifestError
from lifecycle.yamlpos import YamlError


def error_entry(message: str, field: str | None = None, position=None) -> dict:
    return {
        "file": position.file if position else None,
        "line": position.line if position else None,
        "column": position.column if position else None,
        "field": field,
        "message": message,
    }


def _flatten(detail, field: str | None = None) -> list[dict]:
    if isinstance(detail, dict):
        return [entry for key, value in detail.items() for entry in _flatten(value, _join(field, key))]
    if isinstance(detail, list):
        return [entry for item in detail for entry in _flatten(item, field)]
    return [error_entry(str(detail), field)]


def _join(field: str | None, key: str) -> str | None:
    if key == "non_field_errors":
        return field
    return f"{field}.{key}" if field else key


def exception_handler(exc, context):
    if isinstance(exc, YamlError | ManifestError):
        return Response(
            {"errors": [error_entry(exc.message, "source", exc.position)]},
            status=status.HTTP_400_BAD_REQUEST,
        )
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(exc, ValidationError):
        response.data = {"errors": _flatten(exc.detail)}
    return response
