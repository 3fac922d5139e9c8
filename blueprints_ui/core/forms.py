"""The YAML editing form every stored kind shares: one document of the expected kind."""

from django import forms
from django.conf import settings

from lifecycle.kinds import Category
from lifecycle.manifests import Manifest, ManifestError, Problems, read_single
from lifecycle.yamlpos import Limits


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
        self.problems: Problems = []

    def clean_source(self) -> str:
        # Browsers send textarea lines ending in CRLF; stored YAML uses the author's LF.
        source = self.cleaned_data["source"].replace("\r\n", "\n")
        limits = Limits(max_bytes=settings.YAML_MAX_BYTES)
        self.manifest, self.problems = read_single(source, self.file, self.category, limits)
        if self.problems:
            raise forms.ValidationError([f"{where}: {message}" for where, message in self.problems])
        return source

    def add_problem(self, error: ManifestError) -> None:
        """A problem found only when storing (a rename, say), shown like the parse errors."""
        self.problems.append((error.position, error.message))
        self.add_error("source", f"{error.position}: {error.message}")

    @property
    def problem_lines(self) -> tuple[int, ...]:
        return tuple(position.line for position, _ in self.problems)
