"""The output keys a phase's commands write with kando."""

from lifecycle.kando import computes_a_key, written_keys
from lifecycle.model import Phase


def phase(*command: str) -> Phase:
    return Phase("p", "KubeTask", {"command": ["sh", "-c", *command]}, {}, "p", None)


def test_output_keys_are_read_in_order_once_each_quoted_or_not():
    found = phase("kando output path /x\nkando output 'size' 3\nkando output path /y")
    assert written_keys(found) == ["path", "size"]


def test_keys_are_found_in_every_string_of_the_args():
    assert written_keys(phase("echo", "kando output done yes")) == ["done"]


def test_location_push_writes_its_output_name_or_kando_output():
    assert written_keys(phase("kando location push --path p -")) == ["kandoOutput"]
    assert written_keys(phase("kando location push --output-name=snap -")) == ["snap"]


def test_a_key_from_a_variable_makes_the_keys_unknowable():
    assert computes_a_key(phase('kando output "$KEY" v'))
    assert not computes_a_key(phase("kando output key v"))
