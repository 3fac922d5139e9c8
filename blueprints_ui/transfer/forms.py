"""The import form: uploaded files and pasted YAML, checked for size and encoding before parsing."""

from django import forms
from django.conf import settings

PASTED = "<pasted>"

# Codes of the errors that refuse the input outright (400) instead of reporting it (422).
REFUSED_CODES = ("too_large", "not_utf8")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Any number of files under one name; cleans to a list, empty when none was chosen."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        clean_one = super().clean
        uploads = data if isinstance(data, list | tuple) else [data] if data else []
        return [clean_one(upload, initial) for upload in uploads]


def universal_newlines(text: str) -> str:
    """Line ends as `import_yaml` reads files (Path.read_text): CRLF and CR become LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_upload(name: str, data: bytes) -> str:
    """The text of an uploaded file; raises ValidationError at the first byte that is not UTF-8."""
    try:
        return universal_newlines(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
        raise forms.ValidationError(
            f"{name}:{line}:{column}: not UTF-8 text (byte 0x{data[error.start]:02x}): "
            "save the file as UTF-8 and upload it again",
            code="not_utf8",
        ) from None


def too_large(name: str, size: int) -> forms.ValidationError:
    return forms.ValidationError(
        f"{name}: {size:,} bytes is larger than the limit of {settings.YAML_MAX_BYTES:,} bytes",
        code="too_large",
    )


class ImportForm(forms.Form):
    files = MultipleFileField(
        required=False,
        allow_empty_file=True,
        label="YAML files",
        help_text="One or more .yaml files, each holding any number of documents.",
    )
    source = forms.CharField(
        required=False,
        strip=False,
        label="Or paste YAML",
        widget=forms.Textarea,
    )
    partial = forms.BooleanField(
        required=False,
        label="Keep the good documents (partial)",
        help_text="Without this, one error anywhere means nothing is imported.",
    )
    message = forms.CharField(
        required=False,
        max_length=500,
        label="Revision message",
        help_text="Kept with each blueprint revision the import creates.",
    )

    def clean_files(self) -> list[tuple[str, str]]:
        """(name, text) per upload: each one's size is checked before any of it is read."""
        uploads = self.cleaned_data["files"]
        errors = [too_large(u.name, u.size) for u in uploads if u.size > settings.YAML_MAX_BYTES]
        if errors:
            raise forms.ValidationError(errors)
        sources = []
        for upload in uploads:
            try:
                sources.append((upload.name, decode_upload(upload.name, upload.read())))
            except forms.ValidationError as error:
                errors.append(error)
        if errors:
            raise forms.ValidationError(errors)
        return sources

    def clean_source(self) -> str:
        # Browsers send textarea lines ending in CRLF; stored YAML uses the author's LF.
        source = universal_newlines(self.cleaned_data["source"])
        size = len(source.encode("utf-8", "surrogatepass"))
        if size > settings.YAML_MAX_BYTES:
            raise too_large(PASTED, size)
        return source

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("files") and not cleaned.get("source", "").strip():
            raise forms.ValidationError("Choose YAML files to upload or paste YAML.", code="empty")
        return cleaned

    @property
    def refused(self) -> bool:
        """Whether the input was refused before being read: too large, or not UTF-8."""
        return any(
            self.has_error(field, code) for field in ("files", "source") for code in REFUSED_CODES
        )

    @property
    def sources(self) -> list[tuple[str, str]]:
        """(file name, text) pairs for import_sources: the uploads, then the pasted text."""
        sources = list(self.cleaned_data["files"])
        if self.cleaned_data["source"].strip():
            sources.append((PASTED, self.cleaned_data["source"]))
        return sources
