"""Import YAML streams into the stores: all in one transaction, or (partial) the good part."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction

from blueprints_ui.core.models import StaleRevision, StoredObject
from blueprints_ui.transfer.stores import STORES
from lifecycle.kinds import Category
from lifecycle.manifests import ManifestError, expand_list, read_manifest
from lifecycle.yamlpos import LimitError, Limits, Position, split_documents


@dataclass(frozen=True, slots=True)
class Problem:
    position: Position
    message: str
    refused: bool = False  # the input crossed a bound on size, depth or aliases

    def __str__(self) -> str:
        return f"{self.position}: {self.message}"


@dataclass(frozen=True, slots=True)
class Imported:
    label: str  # "Kind namespace/name"
    obj: StoredObject


@dataclass(slots=True)
class ImportReport:
    created: list[Imported] = field(default_factory=list)
    updated: list[Imported] = field(default_factory=list)
    unchanged: list[Imported] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    rolled_back: bool = False

    @property
    def refused(self) -> bool:
        return any(problem.refused for problem in self.errors)

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
    """Import (file name, text) pairs; unless `partial`, any error leaves the database as it was.

    Input that crosses a bound (a "billion laughs", nesting too deep, a file too large) is refused
    whole, `partial` or not: a refusal never leaves anything behind.
    """
    report = ImportReport()
    seen: dict[tuple, Position] = {}
    with transaction.atomic():
        for file, text in sources:
            split = split_documents(text, file, yaml_limits())
            report.errors += [
                Problem(e.position, e.message, isinstance(e, LimitError)) for e in split.errors
            ]
            for document in split.documents:
                for item in expand_list(document):
                    _import_document(item, report, seen, author, message)
        if report.errors and (report.refused or not partial):
            transaction.set_rollback(True)
            report.rolled_back = True
    report.errors = _in_reading_order(report.errors, [file for file, _ in sources])
    return report


def _import_document(document, report: ImportReport, seen: dict, author, message: str) -> None:
    try:
        manifest = read_manifest(document)
    except ManifestError as error:
        report.errors.append(Problem(error.position, error.message))
        return
    if manifest.category is Category.UNKNOWN:
        reason = f"skipped: {manifest.classification.reason}"
        report.skipped.append(Problem(document.position, reason))
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
            obj, outcome = store.store(manifest, author=author, message=message or "Imported")
    except ManifestError as error:
        report.errors.append(Problem(error.position, error.message))
    except StaleRevision:
        changed = f"{label} was changed by someone else meanwhile"
        report.errors.append(Problem(document.position, changed))
    else:
        getattr(report, outcome).append(Imported(label, obj))


def _in_reading_order(problems: list[Problem], files: list[str]) -> list[Problem]:
    """By file in the order given, then line and column: syntax errors are found while splitting,
    before the errors of the documents that precede them."""
    order = {file: index for index, file in reversed(list(enumerate(files)))}

    def key(problem: Problem) -> tuple[int, int, int]:
        position = problem.position
        return order.get(position.file, len(order)), position.line, position.column

    return sorted(problems, key=key)


def _qualified(manifest) -> str:
    return f"{manifest.namespace}/{manifest.name}" if manifest.namespace else manifest.name
