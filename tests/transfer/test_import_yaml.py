"""`manage.py import_yaml`: every document dispatched by kind, all or nothing unless --partial."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from blueprints_ui.blueprints.models import Blueprint, BlueprintRevision
from blueprints_ui.inventory.models import Resource
from blueprints_ui.kasten.models import BlueprintBinding, Policy
from blueprints_ui.transfer.management.commands.load_demo_data import DEMO_DIR
from tests.conftest import example_files, seed_example_files
from tests.factories import blueprint_yaml
from tests.lifecycle.test_documents import billion_laughs
from tests.transfer.helpers import stored

pytestmark = pytest.mark.django_db

NAMESPACE = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n"
SECRET = (
    "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db-pass\ndata:\n  password: aHVudGVyMg==\n"
)
CONFIG_MAP = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n"


def write(tmp_path: Path, name: str, *documents: str) -> Path:
    path = tmp_path / name
    path.write_text("---\n".join(documents), encoding="utf-8")
    return path


def import_yaml(*paths, **options) -> tuple[str, str]:
    """Run the command; (its summary line, what it wrote to stderr)."""
    out, err = StringIO(), StringIO()
    call_command("import_yaml", *map(str, paths), stdout=out, stderr=err, **options)
    return out.getvalue().strip(), err.getvalue()


def import_failing(*paths, **options) -> tuple[str, str]:
    """Run the command expecting it to fail; (its error summary, what it wrote to stderr)."""
    err = StringIO()
    with pytest.raises(CommandError) as info:
        call_command("import_yaml", *map(str, paths), stdout=StringIO(), stderr=err, **options)
    return str(info.value), err.getvalue()


@pytest.mark.parametrize("path", example_files() + seed_example_files(), ids=lambda p: p.name)
def test_every_example_and_seed_blueprint_imports_as_written(path):
    summary, err = import_yaml(path)
    assert summary == "Imported: 1 created, 0 updated, 0 unchanged, 0 skipped."
    assert err == ""
    (blueprint,) = Blueprint.objects.all()
    assert blueprint.source == path.read_text(encoding="utf-8")
    assert blueprint.current_revision.message == "Imported"


def test_the_whole_demo_folder_imports_every_kind():
    summary, _ = import_yaml(DEMO_DIR)
    assert summary == "Imported: 27 created, 0 updated, 0 unchanged, 0 skipped."
    counts = [m.objects.count() for m in (Blueprint, BlueprintBinding, Policy, Resource)]
    assert counts == [11, 2, 1, 8]


def test_each_document_of_a_stream_is_stored_with_its_own_text(tmp_path):
    path = write(tmp_path, "mixed.yaml", "# the shop\n" + NAMESPACE, blueprint_yaml("pg"))
    import_yaml(path)
    assert stored() == {
        ("Resource", "Namespace/shop"): "# the shop\n" + NAMESPACE,
        ("Blueprint", "kasten-io/pg"): blueprint_yaml("pg"),
    }


def test_reimporting_the_same_files_changes_nothing():
    import_yaml(DEMO_DIR)
    before = stored()
    summary, _ = import_yaml(DEMO_DIR)
    assert summary == "Imported: 0 created, 0 updated, 27 unchanged, 0 skipped."
    assert stored() == before
    assert BlueprintRevision.objects.count() == 11


def test_a_changed_blueprint_becomes_a_new_revision_with_the_message(tmp_path):
    import_yaml(write(tmp_path, "pg.yaml", blueprint_yaml("pg")))
    changed = blueprint_yaml("pg").replace("busybox", "alpine")
    summary, _ = import_yaml(write(tmp_path, "pg.yaml", changed), message="Use alpine")
    assert summary == "Imported: 0 created, 1 updated, 0 unchanged, 0 skipped."
    blueprint = Blueprint.objects.get(name="pg")
    assert (blueprint.revision, blueprint.source) == (2, changed)
    assert list(blueprint.revisions.values_list("number", "message")) == [
        (2, "Use alpine"),
        (1, "Imported"),
    ]


def test_a_comment_only_change_is_a_new_revision_too(tmp_path):
    import_yaml(write(tmp_path, "pg.yaml", blueprint_yaml("pg")))
    import_yaml(write(tmp_path, "pg.yaml", "# reviewed\n" + blueprint_yaml("pg")))
    assert Blueprint.objects.get(name="pg").revision == 2


def test_unknown_kinds_are_reported_and_skipped(tmp_path):
    path = write(tmp_path, "app.yaml", NAMESPACE, SECRET, CONFIG_MAP)
    summary, err = import_yaml(path)
    assert summary == "Imported: 1 created, 0 updated, 0 unchanged, 2 skipped."
    assert err.splitlines() == [
        f"{path}:6:1: skipped: Secrets are never imported: the studio does not store Secret data",
        f"{path}:13:1: skipped: ConfigMap (v1) is not something a blueprint binds to",
    ]
    assert "aHVudGVyMg==" not in err
    assert list(stored()) == [("Resource", "Namespace/shop")]


def test_a_blueprint_with_the_wrong_api_version_is_skipped_with_the_reason(tmp_path):
    text = blueprint_yaml("pg").replace("v1alpha1", "v1beta1")
    summary, err = import_yaml(write(tmp_path, "pg.yaml", text))
    assert summary.endswith("0 unchanged, 1 skipped.")
    assert "skipped: Blueprint is read as apiVersion cr.kanister.io/v1alpha1, not " in err


def test_a_malformed_document_is_reported_as_file_line_column_and_nothing_is_imported(tmp_path):
    path = write(tmp_path, "bad.yaml", NAMESPACE, "kind: [Blueprint\nmetadata: {}\n", CONFIG_MAP)
    summary, err = import_failing(path)
    assert summary == "Nothing imported: 1 error(s)."
    assert (
        f"{path}:7:9: while parsing a flow sequence (started at line 6): "
        "did not find expected ',' or ']'"
    ) in err.splitlines()
    assert stored() == {}


def test_an_error_in_one_file_keeps_every_file_out(tmp_path):
    good = write(tmp_path, "a-good.yaml", blueprint_yaml("pg"))
    bad = write(tmp_path, "b-bad.yaml", blueprint_yaml("Bad_Name"))
    summary, err = import_failing(good, bad)
    assert summary == "Nothing imported: 1 error(s)."
    assert err.strip() == (
        f"{bad}:4:9: metadata.name 'Bad_Name' is not a valid Kubernetes name (lower-case "
        "letters, digits, '-' and '.', starting and ending with a letter or digit)"
    )
    assert stored() == {}
    assert not BlueprintRevision.objects.exists()


def test_partial_keeps_the_good_documents_and_still_reports_the_bad_ones(tmp_path):
    path = write(tmp_path, "mixed.yaml", blueprint_yaml("pg"), "a: [\n", NAMESPACE)
    summary, err = import_failing(path, partial=True)
    assert summary == "Imported: 2 created, 0 updated, 0 unchanged, 0 skipped, 1 error(s)."
    assert err.startswith(f"{path}:")
    assert set(stored()) == {("Blueprint", "kasten-io/pg"), ("Resource", "Namespace/shop")}


def test_the_same_object_twice_in_one_import_is_an_error_naming_the_first(tmp_path):
    first = write(tmp_path, "a.yaml", blueprint_yaml("pg"))
    again = write(tmp_path, "b.yaml", NAMESPACE, blueprint_yaml("pg", action="backup"))
    summary, err = import_failing(first, again)
    assert summary == "Nothing imported: 1 error(s)."
    assert err.strip() == f"{again}:6:1: Blueprint kasten-io/pg is also defined at {first}:1:1"
    assert stored() == {}


def test_a_billion_laughs_is_refused_with_its_position(tmp_path):
    path = write(tmp_path, "lol.yaml", billion_laughs())
    summary, err = import_failing(path)
    assert summary == "Nothing imported: 1 error(s)."
    assert err.strip() == (
        f"{path}:6:32: document expands to more than 500,000 nodes (aliases repeat too much data)"
    )


def test_a_file_that_is_not_utf8_stops_the_command_naming_the_file(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes(
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: caf\xe9\n".encode("latin-1")
    )
    with pytest.raises(CommandError, match=rf"^{path}: cannot read: 'utf-8' codec"):
        call_command("import_yaml", str(path), stdout=StringIO(), stderr=StringIO())


def test_a_folder_is_searched_for_yaml_files_only(tmp_path):
    (tmp_path / "nested").mkdir()
    write(tmp_path / "nested", "pg.yml", blueprint_yaml("pg"))
    write(tmp_path, "ns.yaml", NAMESPACE)
    write(tmp_path, "notes.txt", "not: yaml: at all: [")
    summary, _ = import_yaml(tmp_path)
    assert summary == "Imported: 2 created, 0 updated, 0 unchanged, 0 skipped."


def test_standard_input_is_read_for_a_dash(monkeypatch):
    monkeypatch.setattr("sys.stdin", StringIO(NAMESPACE))
    summary, _ = import_yaml("-")
    assert summary.startswith("Imported: 1 created")
    assert list(stored()) == [("Resource", "Namespace/shop")]


def test_a_refused_file_leaves_nothing_behind_even_with_partial(tmp_path):
    good = write(tmp_path, "good.yaml", NAMESPACE)
    bomb = write(tmp_path, "lol.yaml", billion_laughs())
    summary, err = import_failing(good, bomb, partial=True)
    assert summary == "Nothing imported: 1 error(s)."
    assert "lol.yaml:" in err
    assert "expands to more than 500,000 nodes" in err
    assert not Resource.objects.exists()


def test_a_kubectl_list_imports_each_item(tmp_path):
    listing = (
        "apiVersion: v1\nkind: List\nitems:\n"
        "- apiVersion: apps/v1\n  kind: StatefulSet\n  metadata:\n    name: redis\n"
        "    namespace: cache\n"
        "- apiVersion: v1\n  kind: Service\n  metadata:\n    name: redis\n"
    )
    path = write(tmp_path, "get-o-yaml.yaml", listing)
    summary, err = import_yaml(path)
    assert summary == "Imported: 1 created, 0 updated, 0 unchanged, 1 skipped."
    assert err.strip() == f"{path}:9:3: skipped: Service (v1) is not something a blueprint binds to"
    assert Resource.objects.get(kind="StatefulSet").namespace == "cache"
