"""What the linter learns from a template: data references and function calls."""

from lifecycle.gotemplate import FunctionUse, Reference, functions_used, parse, references


def refs(text):
    found = references(parse(text))
    for ref in found:
        assert text[ref.start : ref.end], ref
    return found


def spans(text):
    return [text[ref.start : ref.end] for ref in references(parse(text))]


def test_index_with_literal_keys_extends_the_path_and_spans_the_call():
    text = '{{ index .Phases.p.Secrets.s.Data "password" | toString }}'
    assert refs(text) == [
        Reference(
            root=".",
            path=("Phases", "p", "Secrets", "s", "Data", "password"),
            start=3,
            end=44,
            rooted=True,
            printed=False,
            consumers=("toString",),
        )
    ]


def test_a_field_chain_on_its_own_is_printed():
    assert refs("{{ .Phases.p.Secrets.s.Data.key }}") == [
        Reference(".", ("Phases", "p", "Secrets", "s", "Data", "key"), 3, 31, True, True, ())
    ]


def test_an_argument_names_the_function_that_receives_it_not_later_ones():
    text = '{{ toDate "2006-01-02T15:04:05.999999999Z07:00" .Time | date "2006" }}'
    assert refs(text) == [Reference(".", ("Time",), 48, 53, True, False, ("toDate",))]


def test_dot_inside_range_is_not_rooted_but_variables_keep_their_name():
    text = '{{ range $i, $t := .Object.status.tags }}{{ index $t "tag" }}{{ .Name }}{{ end }}'
    assert refs(text) == [
        Reference(".", ("Object", "status", "tags"), 19, 38, True, False, ()),
        Reference("$t", ("tag",), 44, 58, False, True, ()),
        Reference(".", ("Name",), 64, 69, False, True, ()),
    ]


def test_an_action_cut_from_a_range_body_reads_only_dollar_chains_from_the_data():
    tree = parse("{{ .Name }} {{ $.Object.kind }}")
    assert [(ref.path, ref.rooted) for ref in references(tree, dot_is_data=False)] == [
        (("Name",), False),
        (("Object", "kind"), True),
    ]


def test_an_optional_key_test_and_its_use_are_the_same_path():
    found = refs('{{ if index .Options "x" }}{{ .Options.x }}{{ end }}')
    assert [(ref.path, ref.rooted, ref.printed) for ref in found] == [
        (("Options", "x"), True, False),
        (("Options", "x"), True, True),
    ]


def test_fields_after_a_parenthesised_index_continue_its_path():
    text = "{{ (index .Object.spec.volumes 0).persistentVolumeClaim.claimName }}"
    [ref] = refs(text)
    assert ref.path == ("Object", "spec", "volumes", 0, "persistentVolumeClaim", "claimName")
    assert text[ref.start : ref.end] == text[3:-3]
    assert ref.printed


def test_index_stops_at_the_first_key_that_is_not_a_literal():
    text = '{{ $k := "a" }}{{ index .M $k "b" }}'
    found = refs(text)
    assert [(ref.root, ref.path, ref.consumers, ref.printed) for ref in found] == [
        (".", ("M",), (), True),
        ("$k", (), ("index",), False),
    ]
    assert text[found[0].start : found[0].end] == 'index .M $k "b"'


def test_only_integer_constants_become_index_keys():
    found = refs("{{ index .L 1.0 }}{{ index .L 0x1E }}{{ index .L 'a' }}")
    assert [ref.path for ref in found] == [("L",), ("L", 30), ("L", 97)]


def test_dollar_is_the_templates_own_data_even_inside_range():
    found = refs("{{ range .L }}{{ $.A.B }}{{ . }}{{ end }}{{ $ }}")
    assert [(ref.root, ref.path, ref.rooted) for ref in found] == [
        (".", ("L",), True),
        (".", ("A", "B"), True),
        (".", (), False),
        (".", (), True),
    ]


def test_with_rebinds_dot_in_its_body_but_not_in_its_else_branch():
    found = refs("{{ with .W }}{{ .In }}{{ else }}{{ .Out }}{{ end }}")
    assert [(ref.path, ref.rooted) for ref in found] == [
        (("W",), True),
        (("In",), False),
        (("Out",), True),
    ]


def test_define_and_block_bodies_read_their_callers_data():
    text = '{{ define "d" }}{{ .D }}{{ $.E }}{{ end }}{{ block "b" .F }}{{ .G }}{{ end }}'
    found = refs(text)
    assert [(ref.path, ref.rooted) for ref in found] == [
        (("D",), False),
        (("E",), False),
        (("F",), True),
        (("G",), False),
    ]


def test_declarations_and_template_calls_print_nothing():
    found = refs('{{ $x := .A }}{{ template "t" .B }}{{ $x }}')
    assert [(ref.root, ref.path, ref.printed) for ref in found] == [
        (".", ("A",), False),
        (".", ("B",), False),
        ("$x", (), True),
    ]


def test_a_value_in_a_nested_call_is_consumed_by_the_inner_function():
    found = refs('{{ printf "%s" (upper .A) (.B) }}')
    assert [(ref.path, ref.consumers) for ref in found] == [
        (("A",), ("upper",)),
        (("B",), ("printf",)),
    ]


def test_fields_of_a_computed_value_report_only_what_it_reads():
    assert spans('{{ (default "x" .A).b }} {{ (.C | upper).d }}') == [".A", ".C"]


def test_references_in_conditions_are_never_printed():
    found = refs("{{ if and .A (not .B) }}{{ end }}{{ range .C }}{{ end }}")
    assert [(ref.path, ref.printed, ref.consumers) for ref in found] == [
        (("A",), False, ("and",)),
        (("B",), False, ("not",)),
        (("C",), False, ()),
    ]


def test_functions_are_listed_in_text_order_with_their_spans():
    text = '{{ define "d" }}{{ upper . }}{{ end }}{{ .A | default (lower "x") | quote }}'
    names = ["upper", "default", "lower", "quote"]
    assert functions_used(parse(text)) == [
        FunctionUse(name, text.index(name), text.index(name) + len(name)) for name in names
    ]
