"""The query `GET /api/timeline` reads, and (for the schema) the report it answers with."""

from django.conf import settings
from rest_framework import serializers

from blueprints_ui.core.api import KastenVersionField
from blueprints_ui.kasten.models import Policy
from blueprints_ui.timeline.reporting import KUBESTASH_OPERATIONS
from lifecycle.operations import OPERATIONS, Kind, Level, Outcome

ALL_OPERATIONS = OPERATIONS + KUBESTASH_OPERATIONS


class TimelineQuerySerializer(serializers.Serializer):
    operation = serializers.ChoiceField(
        choices=ALL_OPERATIONS,
        help_text="The Kasten operation, or a KubeStash one over the stored BackupConfiguration "
        "sessions or RestoreSessions.",
        error_messages={"invalid_choice": f'"{{input}}" is not one of {", ".join(ALL_OPERATIONS)}'},
    )
    policy = serializers.CharField(
        required=False,
        max_length=253,
        help_text="A stored policy: its namespaces and action hooks. Without it, every namespace "
        "of the inventory and no action hooks.",
    )
    namespace = serializers.CharField(
        required=False, max_length=253, help_text="Only this namespace's timeline."
    )
    fail = serializers.CharField(
        required=False, max_length=1000, help_text="The id of the step that fails."
    )
    kasten_version = KastenVersionField(
        required=False,
        help_text="The Kasten release whose lifecycle to show, e.g. `8.5`; default KASTEN_VERSION.",
    )

    def validate_policy(self, value: str) -> str:
        if not Policy.objects.filter(name=value).exists():
            known = ", ".join(sorted(Policy.objects.values_list("name", flat=True))) or "none"
            raise serializers.ValidationError(f"no stored policy {value!r} (known: {known})")
        return value

    def validate(self, attrs: dict) -> dict:
        return {"kasten_version": settings.KASTEN_VERSION, **attrs}


class NoteSerializer(serializers.Serializer):
    source = serializers.CharField(
        help_text="The seed file it comes from, or `assumption: <grounds>` where they are silent."
    )
    text = serializers.CharField()


class ArtifactInSerializer(serializers.Serializer):
    name = serializers.CharField()

    def get_fields(self):
        # "from" is a Python keyword, so it cannot be declared as a class attribute.
        help_text = "The step id or description it comes from."
        return {**super().get_fields(), "from": serializers.CharField(help_text=help_text)}


class StepSerializer(serializers.Serializer):
    id = serializers.CharField(help_text="Stable across runs: what `fail` names.")
    seq = serializers.IntegerField(help_text="The order in the timeline, from 1.")
    step = serializers.CharField(help_text='The seed\'s step label: "2", "4a"...')
    level = serializers.ChoiceField(choices=[level.value for level in Level])
    kind = serializers.ChoiceField(choices=[kind.value for kind in Kind])
    title = serializers.CharField()
    hook = serializers.CharField(allow_null=True)
    blueprint = serializers.CharField(allow_null=True)
    action = serializers.CharField(allow_null=True)
    phase = serializers.CharField(allow_null=True)
    resource = serializers.CharField(allow_null=True, help_text="Kind/namespace/name.")
    timeout_minutes = serializers.IntegerField(allow_null=True)
    outcome = serializers.ChoiceField(choices=[outcome.value for outcome in Outcome])
    reason = serializers.CharField()
    notes = NoteSerializer(many=True)
    artifacts_in = ArtifactInSerializer(many=True)
    artifacts_out = serializers.ListField(child=serializers.CharField())


class NamespaceTimelineSerializer(serializers.Serializer):
    namespace = serializers.CharField()
    steps = StepSerializer(many=True)


class TimelineReportSerializer(serializers.Serializer):
    """A timeline per namespace (documentation only: the view answers lifecycle's as_json)."""

    operation = serializers.CharField()
    timelines = NamespaceTimelineSerializer(many=True)
