"""The body `POST /api/lint` reads, and (for the schema) the report it answers with."""

from django.conf import settings
from rest_framework import serializers

from blueprints_ui.core.api import KastenVersionField
from lifecycle.lint import Options, Profile, Severity

INPUT_FILE = "input.yaml"


def universal_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


class LintRequestSerializer(serializers.Serializer):
    yaml = serializers.CharField(
        trim_whitespace=False,
        help_text="The YAML to check: any number of documents separated by `---`.",
    )
    file = serializers.CharField(
        required=False,
        max_length=255,
        help_text=f"The name the report gives the text (default `{INPUT_FILE}`).",
    )
    profile = serializers.ChoiceField(
        choices=[profile.value for profile in Profile],
        required=False,
        help_text="`kasten` (Kasten's rules) or `kanister` (standalone); default LINT_PROFILE.",
    )
    kasten_version = KastenVersionField(
        required=False,
        help_text="The Kasten release to check against, e.g. `8.5`; default KASTEN_VERSION.",
    )

    def validate_yaml(self, value: str) -> str:
        size = len(value.encode("utf-8", "surrogatepass"))
        if size > settings.YAML_MAX_BYTES:
            raise serializers.ValidationError(
                f"{size:,} bytes is larger than the limit of {settings.YAML_MAX_BYTES:,} bytes"
            )
        if not value.strip():
            raise serializers.ValidationError("is empty: send the YAML to lint")
        return universal_newlines(value)

    def validate(self, attrs: dict) -> dict:
        options = Options(
            Profile(attrs.get("profile", settings.LINT_PROFILE)),
            attrs.get("kasten_version", settings.KASTEN_VERSION),
        )
        return {"text": attrs["yaml"], "path": attrs.get("file") or INPUT_FILE, "options": options}


class LintDiagnosticSerializer(serializers.Serializer):
    """One finding: where it is (1-based, the end exclusive), how bad, which rule, what to do."""

    line = serializers.IntegerField()
    column = serializers.IntegerField()
    end_line = serializers.IntegerField()
    end_column = serializers.IntegerField()
    severity = serializers.ChoiceField(choices=[severity.value for severity in Severity])
    code = serializers.CharField(help_text="The rule, e.g. BP014; see docs/rules.md.")
    message = serializers.CharField()
    hint = serializers.CharField(help_text="How to fix it; may be empty.")
    object = serializers.CharField(help_text="The object it is about, e.g. Blueprint/mysql.")
    location = serializers.CharField(help_text="Where in the object, e.g. actions.backup.")


class LintedFileSerializer(serializers.Serializer):
    path = serializers.CharField()
    diagnostics = LintDiagnosticSerializer(many=True)


class LintSummarySerializer(serializers.Serializer):
    errors = serializers.IntegerField()
    warnings = serializers.IntegerField()
    infos = serializers.IntegerField()


class LintReportSerializer(serializers.Serializer):
    """What the linter found (documentation only: the view answers lifecycle's as_json)."""

    files = LintedFileSerializer(many=True)
    summary = LintSummarySerializer()
