"""What every stored kind's API shares: the error shape, source checks, revisions and ETags.

Errors: {"errors": [{"file", "line", "column", "field", "message"}]}. A write names the revision
it was based on (`base_revision` in the body, or an ETag in If-Match, which wins); a stale one gets
409 (412 when it came through If-Match) with the current revision, its ETag and what changed.
"""

from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, RequestDataTooBig
from django.http import Http404
from django.utils.http import parse_etags
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers, status, viewsets
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from blueprints_ui.core.models import StaleRevision, StoredObject
from lifecycle.kinds import Category
from lifecycle.lint.options import parse_kasten_version
from lifecycle.manifests import ManifestError, Problems, read_single
from lifecycle.yamlpos import Limits, YamlError

BASE_REQUIRED = (
    "base_revision is required to update: send the revision your edit is based on "
    "(or its ETag in an If-Match header), so that nobody's save is silently overwritten"
)
BASE_ON_CREATE = (
    "a new object has no revision to be based on: omit base_revision or send 0, "
    "and update an existing object with PUT or PATCH"
)


class KastenVersionField(serializers.CharField):
    """A Kasten release such as `8.5` or `9.0.10`, refused with the expected form otherwise."""

    def __init__(self, **kwargs) -> None:
        super().__init__(max_length=20, **kwargs)

    def to_internal_value(self, data) -> str:
        value = super().to_internal_value(data)
        try:
            parse_kasten_version(value)
        except ValueError as error:
            raise serializers.ValidationError(str(error)) from None
        return value.strip()


def error_entry(message: str, field: str | None = None, position=None) -> dict:
    return {
        "file": position.file if position else None,
        "line": position.line if position else None,
        "column": position.column if position else None,
        "field": field,
        "message": message,
    }


class SourceInvalid(Exception):
    """A `source` that is not one readable document of the expected kind, with every problem."""

    def __init__(self, problems: Problems) -> None:
        super().__init__("; ".join(f"{position}: {message}" for position, message in problems))
        self.problems = problems


class RevisionConflict(APIException):
    """A write based on a revision that is no longer current; the body says what is now."""

    def __init__(self, body: dict, etag: str, status_code: int) -> None:
        super().__init__(body["errors"][0]["message"])
        self.body = body
        self.etag = etag
        self.status_code = status_code


def _flatten(detail, field: str | None = None) -> list[dict]:
    if isinstance(detail, dict):
        return [
            entry for key, value in detail.items() for entry in _flatten(value, _join(field, key))
        ]
    if isinstance(detail, list):
        return [entry for item in detail for entry in _flatten(item, field)]
    return [error_entry(str(detail), field)]


def _join(field: str | None, key: str) -> str | None:
    if key in ("non_field_errors", "detail"):
        return field
    return f"{field}.{key}" if field else key


def exception_handler(exc, context):
    if isinstance(exc, YamlError | ManifestError):
        return Response(
            {"errors": [error_entry(exc.message, "source", exc.position)]},
            status=status.HTTP_400_BAD_REQUEST,
        )
    if isinstance(exc, SourceInvalid):
        errors = [error_entry(message, "source", position) for position, message in exc.problems]
        return Response({"errors": errors}, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, RevisionConflict):
        return Response(exc.body, status=exc.status_code, headers={"ETag": exc.etag})
    if isinstance(exc, RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        message = f"the request body is larger than {limit:,} bytes"
        return Response({"errors": [error_entry(message)]}, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, ObjectDoesNotExist):  # deleted by someone else while being written
        exc = Http404(str(exc))
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(response.data, dict | list):
        # One shape for every error, so a client reads 401, 404 and 405 like a 400.
        response.data = {"errors": _flatten(response.data)}
    return response


def etag(category: Category, obj: StoredObject) -> str:
    """A strong tag naming the object and its revision: If-Match compares tags strongly."""
    return f'"{category}-{obj.pk}-r{obj.revision}"'


class ErrorEntrySerializer(serializers.Serializer):
    """One problem; file, line and column are set when it is in the YAML (documentation only)."""

    file = serializers.CharField(allow_null=True)
    line = serializers.IntegerField(allow_null=True)
    column = serializers.IntegerField(allow_null=True)
    field = serializers.CharField(allow_null=True)
    message = serializers.CharField()


class ErrorSerializer(serializers.Serializer):
    """The body of every error response (documentation only)."""

    errors = ErrorEntrySerializer(many=True)


class ConflictSerializer(ErrorSerializer):
    """The body of a 409 or 412: the write was based on an older revision (documentation only)."""

    current_revision = serializers.IntegerField()
    current_etag = serializers.CharField()
    changes = serializers.CharField(
        help_text="What changed since the revision the write was based on."
    )


class StoredObjectSerializer(serializers.ModelSerializer):
    """A stored object as its YAML `source`; writes are read by the rules SourceForm applies."""

    category: ClassVar[Category]

    source = serializers.CharField(
        trim_whitespace=False,
        max_length=settings.YAML_MAX_BYTES,
        help_text="The YAML document exactly as written, comments included.",
    )
    base_revision = serializers.IntegerField(
        write_only=True,
        required=False,
        min_value=0,
        help_text="The revision this write is based on: required to update unless If-Match "
        "names the ETag; 0 or absent to create.",
    )

    # Everything else is derived from the YAML, so it is read-only.
    WRITABLE = ("source", "base_revision", "message")

    def get_extra_kwargs(self) -> dict:
        extra = super().get_extra_kwargs()
        for name in self.Meta.fields:
            if name not in self.WRITABLE:
                extra.setdefault(name, {})["read_only"] = True
        return extra

    def validate(self, attrs: dict) -> dict:
        if self.instance is None and attrs.get("base_revision"):
            raise ValidationError({"base_revision": BASE_ON_CREATE})
        if (
            self.instance is not None
            and "base_revision" not in attrs
            and self.context.get("if_match_revision") is None
        ):
            raise ValidationError({"base_revision": BASE_REQUIRED})
        # Browsers and some clients send CRLF line ends; stored YAML uses the author's LF.
        source = attrs.get("source", self.instance.source if self.instance else "").replace(
            "\r\n", "\n"
        )
        file = f"{self.instance.name}.yaml" if self.instance else "new.yaml"
        limits = Limits(max_bytes=settings.YAML_MAX_BYTES)
        manifest, problems = read_single(source, file, self.category, limits)
        if problems:
            raise SourceInvalid(problems)
        return {**attrs, "source": source, "manifest": manifest}

    def create(self, validated_data: dict) -> StoredObject:
        obj, _ = self.Meta.model.store(
            validated_data["manifest"],
            author=self.context["request"].user,
            message=validated_data.get("message", ""),
            base_revision=0,
        )
        return obj

    def update(self, instance: StoredObject, validated_data: dict) -> StoredObject:
        base = self.context.get("if_match_revision")
        instance.replace(
            validated_data["manifest"],
            author=self.context["request"].user,
            message=validated_data.get("message", ""),
            base_revision=validated_data["base_revision"] if base is None else base,
        )
        return instance

    @classmethod
    def changes_since(cls, obj: StoredObject, base: int | None) -> str:
        """What a stale writer missed: the current source (kinds without a history)."""
        return obj.source


class StoredObjectSchema(AutoSchema):
    """Documents the If-Match header and the error bodies the writes can answer with."""

    def get_override_parameters(self):
        parameters = super().get_override_parameters()
        if self.method in ("PUT", "PATCH", "DELETE"):
            parameters.append(
                OpenApiParameter(
                    "If-Match",
                    str,
                    OpenApiParameter.HEADER,
                    description="The ETag the edit is based on; it wins over base_revision.",
                )
            )
        return parameters

    def get_response_serializers(self):
        serializer = super().get_response_serializers()
        if self.method == "GET":
            return serializer
        if self.method == "DELETE":
            return {204: None, 412: ConflictSerializer}
        success = 201 if self.method == "POST" else 200
        return {
            success: serializer,
            400: ErrorSerializer,
            409: ConflictSerializer,
            412: ConflictSerializer,
        }


class StoredObjectViewSet(viewsets.ModelViewSet):
    # CRUD on one stored kind with ETags and revision checks; subclasses only declare, and their
    # docstrings describe the endpoints in the schema.

    schema = StoredObjectSchema()

    @property
    def category(self) -> Category:
        return self.get_serializer_class().category

    def retrieve(self, request, *args, **kwargs):
        return self.respond(self.get_object())

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            obj = serializer.save()
        except StaleRevision:
            model = self.get_queryset().model
            existing = model.objects.get(**model.identity(serializer.validated_data["manifest"]))
            raise self.conflict(existing, 0, status.HTTP_409_CONFLICT) from None
        return self.respond(obj, status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        obj = self.get_object()
        matched = self.if_match_revision(obj)
        context = {**self.get_serializer_context(), "if_match_revision": matched}
        serializer = self.get_serializer(
            obj, data=request.data, partial=kwargs.get("partial", False), context=context
        )
        serializer.is_valid(raise_exception=True)
        try:
            serializer.save()
        except StaleRevision as stale:
            current = self.get_object()
            code = (
                status.HTTP_409_CONFLICT if matched is None else status.HTTP_412_PRECONDITION_FAILED
            )
            raise self.conflict(current, stale.base, code) from None
        return self.respond(obj)

    def destroy(self, request, *args, **kwargs):
        obj = self.get_object()
        matched = self.if_match_revision(obj)
        # The revision is checked by the DELETE's own WHERE, so a save in between is not lost.
        revision = {} if matched is None else {"revision": matched}
        deleted, _ = type(obj).objects.filter(pk=obj.pk, **revision).delete()
        if not deleted:
            current = type(obj).objects.filter(pk=obj.pk).first()
            if current is None:
                raise Http404
            raise self.conflict(current, matched, status.HTTP_412_PRECONDITION_FAILED)
        return Response(status=status.HTTP_204_NO_CONTENT)

    def respond(self, obj: StoredObject, code: int = status.HTTP_200_OK) -> Response:
        serializer = self.get_serializer(obj)
        return Response(serializer.data, status=code, headers={"ETag": etag(self.category, obj)})

    def if_match_revision(self, obj: StoredObject) -> int | None:
        """The revision If-Match vouches for; None without the header, or for `*` (no revision)."""
        header = self.request.headers.get("If-Match")
        if header is None:
            return None
        tags = parse_etags(header)
        if tags == ["*"]:
            return None
        if etag(self.category, obj) not in tags:
            prefix = f'"{self.category}-{obj.pk}-r'
            sent = [
                tag.removeprefix(prefix).removesuffix('"') for tag in tags if tag.startswith(prefix)
            ]
            base = int(sent[0]) if sent and sent[0].isdigit() else None
            raise self.conflict(obj, base, status.HTTP_412_PRECONDITION_FAILED)
        return obj.revision

    def conflict(self, obj: StoredObject, base: int | None, code: int) -> RevisionConflict:
        current = etag(self.category, obj)
        noun = f"{self.category} {obj}"
        if code == status.HTTP_412_PRECONDITION_FAILED:
            message = (
                f"If-Match {self.request.headers['If-Match']} does not match the current ETag "
                f"{current}: {noun} was saved since (revision {obj.revision}); "
                "fetch it again and reapply your edit"
            )
            field = None
        elif base == 0:
            message = (
                f"{noun} already exists at revision {obj.revision}: "
                f"update it with PUT or PATCH and base_revision {obj.revision}"
            )
            field = "base_revision"
        else:
            message = (
                f"based on revision {base}, but the current revision is {obj.revision}: "
                f"someone saved {noun} since; review `changes` and send your edit again "
                f"with base_revision {obj.revision}"
            )
            field = "base_revision"
        body = {
            "errors": [error_entry(message, field)],
            "current_revision": obj.revision,
            "current_etag": current,
            "changes": self.get_serializer_class().changes_since(obj, base),
        }
        return RevisionConflict(body, current, code)
