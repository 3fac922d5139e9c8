import pytest
import yaml

from lifecycle.yamlpos.scalars import value_offsets

TEXT = """\
literal: |-
  x {{ .A }}
    y {{ .B }}
double: "q \\"{{ .C }}\\"\\n\\t{{ .D }}"
single: 'it''s {{ .E }}'
plain: plain {{ .F }}
  folded {{ .G }}
folded: >
  one {{ .H }}

  two {{ .I }}
continued: "a \\
  {{ .J }}"
"""


def templates(text: str, base: int = 0):
    """(key, what the file holds where each `{{` of the value is mapped)."""
    root = yaml.compose(text[base:], Loader=yaml.CSafeLoader)
    for key, node in root.value:
        offsets = value_offsets(text, node, base)
        assert len(offsets) == len(node.value) + 1
        start = 0
        while (start := node.value.find("{{", start)) != -1:
            yield key.value, text[offsets[start] : offsets[start] + 8]
            start += 2


def test_every_template_maps_to_where_it_was_written_whatever_the_style():
    found = list(templates(TEXT))
    assert all(written.startswith("{{ .") for _, written in found), found
    assert [written[4] for _, written in found] == list("ABCDEFGHIJ")


def test_offsets_count_from_the_documents_place_in_the_file():
    header = "# comment\n---\n"
    [(key, written)] = list(templates(header + 'k: "{{ .X }}"\n', base=len(header)))
    assert (key, written) == ("k", "{{ .X }}")


@pytest.mark.parametrize("value", ["", "''", '""', "|\n", ">-\n"])
def test_empty_values_map_their_end(value):
    root = yaml.compose(f"k: {value}", Loader=yaml.CSafeLoader)
    node = root.value[0][1]
    assert len(value_offsets(f"k: {value}", node)) == 1
