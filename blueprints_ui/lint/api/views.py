"""`POST /api/lint`: lint a YAML text and answer what was found; nothing is stored."""

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework.decorators import api_view
from rest_framework.response import Response

from blueprints_ui.core.api import ErrorSerializer
from blueprints_ui.lint.api.serializers import LintReportSerializer, LintRequestSerializer
from lifecycle.lint import lint_text
from lifecycle.lint.formats import as_json

EXAMPLE = """apiVersion: cr.kanister.io/v1alpha1
kind: Blueprint
metadata:
  name: demo
  namespace: kasten-io
actions:
  backupPrehook:
    phases:
    - func: KubeExecc
      name: quiesce
      args: {}
"""


@extend_schema(
    operation_id="lint",
    summary="Lint YAML",
    description="Checks blueprints (and the bindings, policies and workloads sent with them) "
    "against Kanister's functions and Kasten's rules. A report with errors is still a 200: "
    "400 means the body itself was wrong.",
    request=LintRequestSerializer,
    responses={200: LintReportSerializer, 400: ErrorSerializer},
    examples=[
        OpenApiExample(
            "A blueprint",
            value={"yaml": EXAMPLE, "profile": "kasten", "kasten_version": "8.5"},
            request_only=True,
        )
    ],
)
@api_view(["POST"])
def lint(request):
    serializer = LintRequestSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    data = serializer.validated_data
    return Response(as_json([lint_text(data["text"], data["path"], data["options"])]))
