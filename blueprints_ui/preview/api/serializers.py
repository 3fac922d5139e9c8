"""The body `POST /api/render` reads, and (for the schema) what it answers."""

from rest_framework import serializers

from lifecycle.gotemplate import jsondata
from lifecycle.gotemplate.kanister import MISSINGKEY_CHOICES

MAX_TEMPLATE = 256 * 1024


class RenderRequestSerializer(serializers.Serializer):
    template = serializers.CharField(
        trim_whitespace=False,
        allow_blank=True,
        max_length=MAX_TEMPLATE,
        help_text="The template text, as written in a blueprint string.",
    )
    context = serializers.JSONField(
        required=False,
        help_text='The data `.` is; Secret bytes as `{"$bytes": "<base64>"}`. Default `{}`.',
    )
    missingkey = serializers.ChoiceField(
        choices=MISSINGKEY_CHOICES,
        required=False,
        help_text="What a missing map key does: `error` (Kanister's mode, the default), "
        "`zero` or `default`.",
    )

    def validate(self, attrs: dict) -> dict:
        return {
            "template": attrs["template"],
            "data": jsondata.from_json(attrs.get("context", {})),
            "missingkey": attrs.get("missingkey", "error"),
        }


class RenderErrorSerializer(serializers.Serializer):
    message = serializers.CharField(help_text="Go's message, as `template.Execute` returns it.")
    kanister_message = serializers.CharField(
        help_text="What Kanister puts in the ActionSet's status for it."
    )
    line = serializers.IntegerField()
    column = serializers.IntegerField()
    partial = serializers.CharField(help_text="What was written before the error.")


class RenderResultSerializer(serializers.Serializer):
    output = serializers.CharField(
        allow_null=True, help_text="The rendered text; null when rendering failed."
    )
    error = RenderErrorSerializer(allow_null=True)
