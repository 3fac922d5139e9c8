"""Kanister's function map: sprig v2.22.0 over Go's builtins, exactly the names the parser knows."""

from lifecycle.gotemplate.builtins import BUILTINS
from lifecycle.gotemplate.funcs import GO_BUILTINS, KANISTER_FUNCTIONS, SPRIG_V2
from lifecycle.gotemplate.kanister import FUNCTIONS, render
from lifecycle.gotemplate.sprig import FUNCTIONS as SPRIG


def test_the_implemented_functions_are_exactly_the_names_the_parser_accepts():
    assert BUILTINS.keys() == GO_BUILTINS
    assert SPRIG.keys() == SPRIG_V2
    assert FUNCTIONS.keys() == KANISTER_FUNCTIONS


def test_sprigs_slice_replaces_gos_as_funcs_does():
    assert FUNCTIONS["slice"] is SPRIG["slice"]
    outcome = render('{{ slice "abc" 1 }}', {})
    assert outcome.output is None
    assert "error calling slice" in outcome.error.message


def test_the_idiom_for_time_formats_the_actions_time():
    template = (
        '{{ toDate "2006-01-02T15:04:05.999999999Z07:00" .Time | date "2006-01-02T15-04-05" }}'
    )
    assert render(template, {"Time": "2024-05-01T12:34:56.123456789Z"}).output == (
        "2024-05-01T12-34-56"
    )


def test_a_missing_key_reads_as_kanister_reports_it():
    error = render("{{ .Options.x }}", {"Options": {}}).error
    assert error.executing
    assert error.kanister_message == 'Failed to render template: "x" not found'
    assert (error.line, error.column) == (1, 12)
    assert error.reason == 'executing "config" at <.Options.x>: map has no entry for key "x"'


def test_a_parse_error_is_not_an_executing_error_and_has_its_column():
    error = render("ok {{ toYaml . }}", {}).error
    assert not error.executing
    assert (error.line, error.column, error.partial) == (1, 7, "")
    assert error.message == 'template: config:1: function "toYaml" not defined'
