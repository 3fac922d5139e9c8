"""`POST /api/render`: render a template against a context as Kanister would; nothing stored."""

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework.decorators import api_view
from rest_framework.response import Response

from blueprints_ui.core.api import ErrorSerializer
from blueprints_ui.preview.api.serializers import RenderRequestSerializer, RenderResultSerializer
from lifecycle.gotemplate.kanister import render as render_template

PASS = {"$bytes": "cGFzcw=="}  # Secret data is bytes: "pass", base64-encoded


@extend_schema(
    operation_id="render",
    summary="Render a template",
    description="Renders a Go text/template with Kanister's functions (sprig v2.22.0) and "
    "missingkey=error, byte for byte as Kanister would. A template that fails to render is "
    "still a 200 with `error` set: 400 means the body itself was wrong.",
    request=RenderRequestSerializer,
    responses={200: RenderResultSerializer, 400: ErrorSerializer},
    examples=[
        OpenApiExample(
            "A phase argument",
            value={
                "template": '{{ index .Phases.dump.Secrets.db.Data "password" | toString }}',
                "context": {
                    "Phases": {
                        "dump": {"Secrets": {"db": {"Data": {"password": {"$bytes": "cGFzcw=="}}}}}
                    }
                },
            },
            request_only=True,
        )
    ],
)
@api_view(["POST"])
def render(request):
    serializer = RenderRequestSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    data = serializer.validated_data
    outcome = render_template(data["template"], data["data"], data["missingkey"])
    error = outcome.error
    return Response(
        {
            "output": outcome.output,
            "error": None
            if error is None
            else {
                "message": error.message,
                "kanister_message": error.kanister_message,
                "line": error.line,
                "column": error.column,
                "partial": error.partial,
            },
        }
    )
