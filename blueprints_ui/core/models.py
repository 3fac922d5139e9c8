"""The base of every stored manifest: its YAML as written, revisions, lost-update checks."""

import hashlib
from typing import Literal, Self

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone

from lifecycle.manifests import Manifest, ManifestError

Outcome = Literal["created", "updated", "unchanged"]


class StaleRevision(Exception):
    """A write based on a revision that is no longer the current one."""

    def __init__(self, current: int, base: int | None) -> None:
        super().__init__(f"based on revision {base}, but the current revision is {current}")
        self.current = current
        self.base = base


def content_hash(source: str) -> str:
    return hashlib.sha256(source.encode()).hexdigest()


class StoredObject(models.Model):
    """A Kubernetes object kept as the YAML its author wrote, with fields derived from it."""

    namespace = models.CharField(max_length=253, blank=True, db_index=True)
    name = models.CharField(max_length=253, db_index=True)
    source = models.TextField(help_text="The YAML document exactly as written, comments included.")
    manifest = models.JSONField(help_text="The document parsed, as Kubernetes would read it.")
    revision = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
        ordering = ("namespace", "name")

    def __str__(self) -> str:
        return f"{self.namespace}/{self.name}" if self.namespace else self.name

    @property
    def content_hash(self) -> str:
        return content_hash(self.source)

    @classmethod
    def identity(cls, manifest: Manifest) -> dict:
        """The fields that name one object of this kind."""
        return {"namespace": manifest.namespace, "name": manifest.name}

    @classmethod
    def derived_fields(cls, manifest: Manifest, existing: Self | None) -> dict:
        """Columns computed from the manifest, refreshed on every save."""
        return {}

    def after_write(self, author, message: str) -> None:
        """Called inside the saving transaction once the new content is stored."""

    @classmethod
    @transaction.atomic
    def store(
        cls, manifest: Manifest, *, author=None, message: str = "", base_revision: int | None = None
    ) -> tuple[Self, Outcome]:
        """Create the object or replace its content; base_revision guards against lost updates.

        base_revision None: no check (imports); 0: the object must not exist yet (new-object forms).
        """
        existing = cls.objects.filter(**cls.identity(manifest)).first()
        if existing is not None:
            return existing, existing.replace(
                manifest, author=author, message=message, base_revision=base_revision
            )
        if base_revision:
            raise StaleRevision(current=0, base=base_revision)
        obj = cls(
            **cls.identity(manifest),
            source=manifest.document.source,
            manifest=manifest.data,
            **cls.derived_fields(manifest, None),
        )
        try:
            with transaction.atomic():
                obj.save()
        except IntegrityError:
            # Someone created the same object between our lookup and our insert.
            raise StaleRevision(current=1, base=base_revision) from None
        obj.after_write(author, message)
        return obj, "created"

    @transaction.atomic
    def replace(
        self,
        manifest: Manifest,
        *,
        author=None,
        message: str = "",
        base_revision: int | None = None,
    ) -> Outcome:
        """Store new content as the next revision, unless someone saved since base_revision.

        The content and what after_write derives from it (revisions, policy hooks) change together.
        """
        identity = type(self).identity(manifest)
        for field, value in identity.items():
            if getattr(self, field) != value:
                raise ManifestError(
                    f"{field} is {value!r} but this object's is {getattr(self, field)!r}: "
                    "renaming is not supported, import it as a new object instead",
                    manifest.document.position_at("metadata", field),
                )
        base = self.revision if base_revision is None else base_revision
        if manifest.document.source == self.source and base == self.revision:
            return "unchanged"
        updated = (
            type(self)
            .objects.filter(pk=self.pk, revision=base)
            .update(
                source=manifest.document.source,
                manifest=manifest.data,
                revision=F("revision") + 1,
                updated_at=timezone.now(),
                **type(self).derived_fields(manifest, self),
            )
        )
        if not updated:
            current = type(self).objects.filter(pk=self.pk).values_list("revision", flat=True)
            if not current:
                raise self.DoesNotExist(f"{self} was deleted while it was being edited")
            raise StaleRevision(current=current[0], base=base)
        self.refresh_from_db()
        self.after_write(author, message)
        return "updated"
