"""The import form refuses what it must not read: oversize uploads, and text that is not UTF-8."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.datastructures import MultiValueDict

from blueprints_ui.transfer.forms import PASTED, ImportForm, decode_upload


class UnreadableUpload(SimpleUploadedFile):
    """An upload that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the upload was read")

    def chunks(self, *args):
        raise AssertionError("the upload was read")


def form_with(*uploads, **data) -> ImportForm:
    return ImportForm(data, MultiValueDict({"files": list(uploads)}))


def test_an_oversize_upload_is_refused_from_its_size_without_reading_it(settings):
    settings.YAML_MAX_BYTES = 10
    form = form_with(UnreadableUpload("big.yaml", b"x" * 11))
    assert not form.is_valid()
    assert form.refused
    assert form.errors["files"] == ["big.yaml: 11 bytes is larger than the limit of 10 bytes"]


def test_an_upload_at_the_limit_is_read(settings):
    settings.YAML_MAX_BYTES = 10
    form = form_with(SimpleUploadedFile("ok.yaml", b"a: 123456\n"))
    assert form.is_valid(), form.errors
    assert form.sources == [("ok.yaml", "a: 123456\n")]


def test_every_bad_upload_is_named_not_only_the_first():
    form = form_with(
        SimpleUploadedFile("one.yaml", b"a: \xff\n"),
        SimpleUploadedFile("two.yaml", b"\n\nb: \xfe\n"),
    )
    assert not form.is_valid()
    assert form.errors["files"] == [
        "one.yaml:1:4: not UTF-8 text (byte 0xff): save the file as UTF-8 and upload it again",
        "two.yaml:3:4: not UTF-8 text (byte 0xfe): save the file as UTF-8 and upload it again",
    ]


def test_the_column_of_a_bad_byte_counts_the_characters_before_it_not_the_bytes():
    data = "name: é".encode() + b"\xe9\n"  # the bad byte is the 9th byte, the 8th character
    with pytest.raises(ValidationError) as info:
        decode_upload("f.yaml", data)
    assert info.value.messages[0].startswith("f.yaml:1:8: not UTF-8 text (byte 0xe9)")


def test_uploads_come_first_then_the_pasted_text():
    form = form_with(SimpleUploadedFile("a.yaml", b"a: 1\r\n"), source="b: 2\r\n")
    assert form.is_valid(), form.errors
    assert form.sources == [("a.yaml", "a: 1\n"), (PASTED, "b: 2\n")]


def test_an_empty_upload_is_accepted_and_holds_no_document():
    form = form_with(SimpleUploadedFile("empty.yaml", b""))
    assert form.is_valid(), form.errors
    assert form.sources == [("empty.yaml", "")]


def test_a_malformed_yaml_input_is_not_a_refusal():
    form = form_with(source="a: [\n")
    assert form.is_valid()
    assert not form.refused
