"""`manage.py render`: a template on stdin, a JSON context, the rendered text or line:col error."""

import io
import json

import pytest
from django.core.management import CommandError, call_command


def render(*args: str, stdin: str) -> tuple[str, str, int]:
    """stdout, stderr and the exit status of call_command("render", ...)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("sys.stdin", io.StringIO(stdin))
            call_command("render", *args, stdout=out, stderr=err)
        status = 0
    except SystemExit as exit:
        status = exit.code
    return out.getvalue(), err.getvalue(), status


@pytest.fixture
def context(tmp_path):
    path = tmp_path / "context.json"
    path.write_text(
        json.dumps(
            {
                "Object": {"metadata": {"name": "pg", "namespace": "shop"}},
                "Secret": {"password": {"$bytes": "cGFzcw=="}},
            }
        )
    )
    return str(path)


def test_it_prints_the_rendered_text_exactly(context):
    template = "{{ .Object.metadata.name }} in {{ .Object.metadata.namespace | upper }}\n"
    assert render("--context", context, stdin=template) == ("pg in SHOP\n", "", 0)


def test_secret_bytes_print_as_go_prints_them_unless_made_strings(context):
    out, _, status = render(
        "--context", context, stdin="{{ .Secret.password }} {{ .Secret.password | toString }}"
    )
    assert (out, status) == ("[112 97 115 115] pass", 0)


def test_a_missing_key_exits_1_with_line_column_and_gos_message(context):
    out, err, status = render("--context", context, stdin="ok\n  {{ .Object.spec.replicas }}")
    assert status == 1
    assert out == ""
    assert err.strip() == (
        '2:13: executing "config" at <.Object.spec.replicas>: map has no entry for key "spec"'
    )


def test_missingkey_default_prints_no_value(context):
    out, _, status = render(
        "--context", context, "--missingkey", "default", stdin="{{ .Object.spec }}"
    )
    assert (out, status) == ("<no value>", 0)


def test_a_syntax_error_exits_1_with_its_position(context):
    _, err, status = render("--context", context, stdin="{{ .Object.metadata.name ")
    assert status == 1
    assert err.strip() == "1:26: unclosed action"


def test_an_unknown_sprig_v3_function_is_a_parse_error(context):
    _, err, status = render("--context", context, stdin="{{ toYaml .Object }}")
    assert (err.strip(), status) == ('1:4: function "toYaml" not defined', 1)


def test_a_context_that_is_not_json_is_refused_with_exit_2(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("{nope")
    with pytest.raises(CommandError, match=r"bad\.json: not a JSON context") as raised:
        call_command("render", "--context", str(path))
    assert raised.value.returncode == 2


def test_batch_answers_each_oracle_request_on_its_own_line():
    requests = [
        {"template": "{{ .a }}", "context": {"a": 1}},
        {"template": "{{ .b }}", "context": {}, "missingkey": "zero"},
        {"template": "x{{ .c.d }}", "context": {"c": {}}},
        {"template": "{{ if }}", "context": {}},
        {"template": 3},
    ]
    out, _, status = render("--batch", stdin="\n".join(map(json.dumps, requests)) + "\n")
    assert status == 0
    assert [json.loads(line) for line in out.splitlines()] == [
        {"output": "1"},
        {"output": "<no value>"},
        {
            "error": 'template: config:1:6: executing "config" at <.c.d>: '
            'map has no entry for key "d"',
            "partial": "x",
        },
        {"error": "template: config:1: missing value for if"},
        {"error": "bad request: template must be a string, missingkey error, zero or default"},
    ]


def test_without_a_context_the_data_is_nil_as_go_reads_it():
    assert render(stdin="[{{ . }}]") == ("[<no value>]", "", 0)
    assert render(stdin="{{ .x }}") == (
        "",
        '1:4: executing "config" at <.x>: nil data; no entry for key "x"\n',
        1,
    )
