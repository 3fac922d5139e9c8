"""The YAML editing form every stored kind shares: one document of the expected kind."""

from django import forms
from django.conf import settings

from lifecycle.kinds import Category
from lifecycle.manifests import Manifest, ManifestError, read_manifest
from lifecycle.yamlpos import Limits, Position, split_documents

CATEGORY_NAMES = {
    Category.BLUEPRINT: "a Blueprint (cr.kanister.io/v1alpha1)",
    Category.BINDING: "a BlueprintBinding (config.kio.kasten.io/v1alpha1)",
    Category.POLICY: "a Policy (config.kio.kasten.io/v1alpha1)",
    Category.RESOURCE: "a namespace, workload, PVC or custom resource",
}


class SourceForm(forms.Form):
    source = forms.CharField(
        widget=forms.Textarea(attrs={"class": "code", "spellcheck": "false", "rows": 30}),
        strip=False,
        max_length=settings.YAML_MAX_BYTES,
    )
    message = forms.CharField(
        max_length=500, required=False, help_text="What changed and why (kept with the revision)."
    )
    base_revision = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args, category: Category, file: str = "edit.yaml", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.category = category
        self.file = file
        self.manifest: Manifest | None = None
        self.problems: list[tuple[Position, str]] = []

    def clean_source(self) -> str:
        # Browsers send textarea lines ending in CRLF; stored YAML uses the author's LF.
        source = self.cleaned_data["source"].replace("\r\n", "\n")
        split = split_documents(source, self.file, Limits(max_bytes=settings.YAML_MAX_BYTES))
        self.problems = [(error.position, error.message) for error in split.errors]
        if not self.problems and len(split.documents) != 1:
            found = f"{len(split.documents)} documents" if split.documents else "no document"
            self.problems.append(
                (Position(self.file, 1, 1), f"expected one document, found {found}")
            )
        if not self.problems:
            self._read(split.documents[0])
        if self.problems:
            raise forms.ValidationError(
                [f"{position}: {message}" for position, message in self.problems]
            )
        return source

    def _read(self, document) -> None:
        try:
            manifest = read_manifest(document)
        except ManifestError as error:
            self.problems.append((error.position, error.message))
            return
        if manifest.category is not self.category:
            kind = manifest.classification.type.kind or "a document without a kind"
            self.problems.append(
                (document.position, f"expected {CATEGORY_NAMES[self.category]}, found {kind}")
            )
            return
        self.manifest = manifest

    def add_problem(self, error: ManifestError) -> None:
        """A problem found only when storing (a rename, say), shown like the parse errors."""
        self.problems.append((error.position, error.message))
        self.add_error("source", f"{error.position}: {error.message}")

    @property
    def problem_lines(self) -> tuple[int, ...]:
        return tuple(position.line for position, _ in self.problems)
