"""The Lint page's form: pasted YAML or one uploaded file, and what to check it against."""

from django import forms
from django.conf import settings

from blueprints_ui.transfer.forms import decode_upload, too_large, universal_newlines
from lifecycle.lint import Options, Profile
from lifecycle.lint.options import parse_kasten_version

INPUT_FILE = "input.yaml"  # the name pasted text gets, as in POST /api/lint
PROFILES = [
    (Profile.KASTEN.value, "Kasten: reserved action names, Kasten's namespace"),
    (Profile.KANISTER.value, "Kanister: standalone, any action name"),
]
EMPTY = "Paste YAML or choose a file: there is nothing to lint."
BOTH = "Paste YAML or choose a file, not both: clear one of them and lint again."


class LintForm(forms.Form):
    source = forms.CharField(required=False, strip=False, label="YAML", widget=forms.Textarea)
    file = forms.FileField(required=False, allow_empty_file=True, label="Or upload a file")
    profile = forms.ChoiceField(required=False, choices=PROFILES, label="Profile")
    kasten_version = forms.CharField(required=False, max_length=20, label="Kasten version")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["profile"].initial = settings.LINT_PROFILE
        self.fields["kasten_version"].initial = settings.KASTEN_VERSION

    def clean_source(self) -> str:
        # Browsers send textarea lines ending in CRLF; line numbers must match the author's file.
        source = universal_newlines(self.cleaned_data["source"])
        size = len(source.encode("utf-8", "surrogatepass"))
        if size > settings.YAML_MAX_BYTES:
            raise too_large(INPUT_FILE, size)
        return source

    def clean_file(self) -> tuple[str, str] | None:
        """(name, text) of the upload; its size is checked before any of it is read."""
        upload = self.cleaned_data["file"]
        if not upload:
            return None
        if upload.size > settings.YAML_MAX_BYTES:
            raise too_large(upload.name, upload.size)
        return upload.name, decode_upload(upload.name, upload.read())

    def clean_kasten_version(self) -> str:
        version = self.cleaned_data["kasten_version"].strip() or settings.KASTEN_VERSION
        try:
            parse_kasten_version(version)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None
        return version

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        pasted, upload = cleaned["source"].strip(), cleaned["file"]
        if pasted and upload:
            raise forms.ValidationError(BOTH, code="both")
        if upload and not upload[1].strip():
            raise forms.ValidationError(f"{upload[0]} is empty: there is nothing to lint.")
        if not pasted and not upload:
            raise forms.ValidationError(EMPTY, code="empty")
        return cleaned

    @property
    def input(self) -> tuple[str, str]:
        """(path, text) to lint: the uploaded file, or the pasted text as input.yaml."""
        return self.cleaned_data["file"] or (INPUT_FILE, self.cleaned_data["source"])

    @property
    def options(self) -> Options:
        profile = self.cleaned_data["profile"] or settings.LINT_PROFILE
        return Options(Profile(profile), self.cleaned_data["kasten_version"])
