"""Import YAML streams into the stores: all in one transaction, or (partial) the good part."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction

from blueprints_ui.core.models import StaleRevision
from blueprints_ui.transfer.stores import STORES
from lifecycle.kinds import Category
from lifecycle.manifests import ManifestError, read_manifest
from lifecycle.yamlpos import Limits, Position, split_documents


@dataclass(frozen=True, slots=True)
class Problem:
    position: Position
    message: str

    def __str__(self) -> str:
        return f"{self.position}: {self.message}"


@dataclass(slots=True)
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    rolled_back: bool = False

    @property
    def stored(self) -> int:
        return len(self.created) + len(self.updated) + len(self.unchanged)

    def summary(self) -> str:
        if self.rolled_back:
            return f"Nothing imported: {len(self.errors)} error(s)."
        parts = [
            f"{len(self.created)} created",
            f"{len(self.updated)} updated",
            f"{len(self.unchanged)} unchanged",
            f"{len(self.skipped)} skipped",
        ]
        if self.errors:
            parts.append(f"{len(self.errors)} error(s)")
        return "Imported: " + ", ".join(parts) + "."


def yaml_limits() -> Limits:
    return Limits(max_bytes=settings.YAML_MAX_BYTES)


def import_sources(
    sources: list[tuple[str, str]], *, author=None, message: str = "", partial: bool = False
) -> ImportReport:
    """Import (file name, text) pairs; unless `partial`, any error leaves the database as it was."""
    report = ImportReport()
    seen: dict[tuple, Position] = {}
    with transaction.atomic():
        for file, text in sources:
            split = split_documents(text, file, yaml_limits())
            report.errors += [Problem(e.position, e.message) for e in split.errors]
            for document in split.documents:
                _import_document(document, report, seen, author, message)
        if report.errors and not partial:
            transaction.set_rollback(True)
            report.rolled_back = True
    return report


def _import_document(document, report: ImportReport, seen: dict, author, message: str) -> None:
    try:
        manifest = read_manifest(document)
    except ManifestError as error:
        report.errors.append(Problem(error.position, error.message))
        return
    if manifest.category is Category.UNKNOWN:
        report.skipped.append(
            Problem(document.position, f"skipped: {manifest.classification.reason}")
        )
        return
    store = STORES[manifest.category]
    key = (store, *store.identity(manifest).values())
    label = f"{manifest.classification.type.kind} {_qualified(manifest)}"
    if key in seen:
        report.errors.append(Problem(document.position, f"{label} is also defined at {seen[key]}"))
        return
    seen[key] = document.position
    try:
        with transaction.atomic():
            _, outcome = store.store(manifest, author=author, message=message or "Imported")
    except ManifestError as error:
        report.errors.append(Problem(error.position, error.message))
    except StaleRevision:
        report.errors.append(
            Problem(document.position, f"{label} was changed by someone else meanwhile")
        )
    else:
        getattr(report, outcome).append(label)


def _qualified(manifest) -> str:
    return f"{manifest.namespace}/{manifest.name}" if manifest.namespace else manifest.name
