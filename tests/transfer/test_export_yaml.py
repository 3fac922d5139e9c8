"""`manage.py export_yaml`: YAML for kubectl, each document as stored; it imports back as it was."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from blueprints_ui.transfer.exporting import HEADER
from blueprints_ui.transfer.management.commands.load_demo_data import DEMO_DIR
from lifecycle.yamlpos import split_documents
from tests.conftest import example_files, seed_example_files
from tests.factories import blueprint_yaml, store_yaml
from tests.transfer.helpers import empty_database, stored

pytestmark = pytest.mark.django_db

ROUND_TRIP_FILES = [*example_files(), *seed_example_files()]


def export_yaml(*args) -> str:
    out = StringIO()
    call_command("export_yaml", *args, stdout=out)
    return out.getvalue()


def import_yaml(*paths) -> str:
    return call_command("import_yaml", *map(str, paths), stdout=StringIO(), stderr=StringIO())


def round_trip_by_stream(tmp_path: Path) -> dict:
    """Export everything as one stream, empty the database, import the stream; what is stored."""
    stream = tmp_path / "export.yaml"
    stream.write_text(export_yaml(), encoding="utf-8")
    empty_database()
    import_yaml(stream)
    return stored()


def round_trip_by_folder(tmp_path: Path) -> dict:
    """The same through `--out`, one file per object."""
    out = tmp_path / "export"
    export_yaml("--out", str(out))
    empty_database()
    import_yaml(out)
    return stored()


def test_the_stream_is_the_header_then_each_source_after_a_marker(demo_data):
    text = export_yaml()
    assert text.startswith(HEADER + "---\n")
    split = split_documents(text, "export.yaml")
    assert split.errors == []
    assert len(split.documents) == 27
    # Every stored source appears byte for byte, after its own marker.
    for source in stored().values():
        assert "---\n" + source in text


def test_the_stream_lists_namespaces_first_so_kubectl_can_create_them_in_order(demo_data):
    kinds = [d.data["kind"] for d in split_documents(export_yaml(), "export.yaml").documents]
    assert kinds[0] == "Namespace"
    assert kinds.index("Blueprint") > max(
        i for i, k in enumerate(kinds) if k == "PersistentVolumeClaim"
    )


def test_kind_filters_the_stream_and_repeats(demo_data):
    blueprints = split_documents(export_yaml("--kind", "blueprints"), "e.yaml").documents
    assert {d.data["kind"] for d in blueprints} == {"Blueprint"}
    assert len(blueprints) == 11
    both = split_documents(export_yaml("--kind", "bindings", "--kind", "policies"), "e.yaml")
    assert sorted(d.data["kind"] for d in both.documents) == [
        "BlueprintBinding",
        "BlueprintBinding",
        "Policy",
    ]


def test_an_unknown_kind_is_refused_with_the_choices():
    with pytest.raises(CommandError) as info:
        call_command("export_yaml", "--kind", "secrets", stdout=StringIO())
    assert str(info.value).endswith(
        "invalid choice: 'secrets' (choose from 'backupconfigurations', 'bindings', 'blueprints', "
        "'hooktemplates', 'inventory', 'policies', 'restoresessions')"
    )


def test_an_empty_database_exports_the_header_and_no_document():
    text = export_yaml()
    assert text.startswith(HEADER)
    assert split_documents(text, "export.yaml").documents == []


def test_out_writes_one_file_per_object_holding_its_exact_source(demo_data, tmp_path):
    out = tmp_path / "export"
    summary = call_command("export_yaml", "--out", str(out), stdout=StringIO())
    assert summary == f"Exported 27 object(s) to {out}"
    files = sorted(str(p.relative_to(out)) for p in out.rglob("*.yaml"))
    assert "blueprints/kasten-io.mysql-blueprint.yaml" in files
    assert "blueprintbindings/kasten-io.mysql-statefulsets.yaml" in files
    assert "policies/kasten-io.shop-daily.yaml" in files
    assert "namespaces/shop.yaml" in files
    assert "statefulsets/shop.mysql.yaml" in files
    assert len(files) == 27
    mysql = (DEMO_DIR / "mysql-blueprint.yaml").read_text(encoding="utf-8")
    assert (out / "blueprints/kasten-io.mysql-blueprint.yaml").read_text(encoding="utf-8") == mysql


def test_out_with_a_kind_writes_only_that_kind(demo_data, tmp_path):
    call_command("export_yaml", "--out", str(tmp_path), "--kind", "policies", stdout=StringIO())
    assert [p.name for p in tmp_path.rglob("*.yaml")] == ["kasten-io.shop-daily.yaml"]


def test_a_source_without_final_newline_still_ends_its_document(db):
    blueprint = store_yaml(blueprint_yaml("pg"))
    type(blueprint).objects.filter(pk=blueprint.pk).update(source=blueprint_yaml("pg").rstrip())
    text = export_yaml()
    assert text.endswith(blueprint_yaml("pg"))


@pytest.mark.parametrize("path", ROUND_TRIP_FILES, ids=lambda p: p.name)
def test_import_export_import_by_folder_is_lossless_for_each_example(path, tmp_path):
    import_yaml(path)
    before = stored()
    assert round_trip_by_folder(tmp_path) == before
    assert before[next(iter(before))] == path.read_text(encoding="utf-8")


def test_import_export_import_by_folder_is_lossless_for_the_demo_set(demo_data, tmp_path):
    before = stored()
    assert len(before) == 27
    assert round_trip_by_folder(tmp_path) == before


@pytest.mark.parametrize("path", ROUND_TRIP_FILES, ids=lambda p: p.name)
def test_import_export_import_by_stream_is_lossless_for_each_example(path, tmp_path):
    import_yaml(path)
    before = stored()
    assert round_trip_by_stream(tmp_path) == before


def test_import_export_import_by_stream_is_lossless_for_the_demo_set(demo_data, tmp_path):
    before = stored()
    assert round_trip_by_stream(tmp_path) == before


def test_importing_an_export_over_the_same_data_changes_nothing(demo_data, tmp_path):
    stream = tmp_path / "export.yaml"
    stream.write_text(export_yaml(), encoding="utf-8")
    assert import_yaml(stream) == "Imported: 0 created, 0 updated, 27 unchanged, 0 skipped."
