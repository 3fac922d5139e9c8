from lifecycle.gotemplate.sprig.encoding import FUNCTIONS
from lifecycle.gotemplate.values import Int64, NilPointer, Struct, TypedMap


def call(name, *args):
    return FUNCTIONS[name].impl(*args)


def test_to_json_sorts_map_keys_and_escapes_html():
    assert call("toJson", {"b": 1, "a": "<&>"}) == '{"a":"\\u003c\\u0026\\u003e","b":1}'


def test_to_json_escapes_controls_as_encoding_json_does():
    text = "line\nbreak\ttab\x01\u2028\b\f"
    assert call("toJson", text) == '"line\\nbreak\\ttab\\u0001\\u2028\\b\\f"'


def test_to_json_writes_bytes_that_are_not_utf8_as_the_replacement_character():
    assert call("toJson", "a\udcffb") == '"a\ufffdb"'


def test_to_json_writes_floats_with_shortest_digits():
    assert call("toJson", [1.0, 1.5, 1e20, 1e21, 1e-7, 0.000001]) == (
        "[1,1.5,100000000000000000000,1e+21,1e-7,0.000001]"
    )


def test_to_json_gives_bytes_as_base64_and_nil_as_null():
    assert call("toJson", TypedMap({"key": b"pass"}, type_name="map[string][]uint8")) == (
        '{"key":"cGFzcw=="}'
    )
    assert call("toJson", None) == "null"
    assert call("toJson", NilPointer("*v1.Secret")) == "null"
    assert call("toJson", Int64(5)) == "5"


def test_to_json_writes_struct_fields_in_order_under_their_json_names():
    location = Struct("v1alpha1.Location", {"Type": "s3Compliant", "Bucket": "b"})
    profile = Struct("param.Profile", {"Location": location, "SkipSSLVerify": False}, True)
    assert call("toJson", profile) == (
        '{"Location":{"type":"s3Compliant","bucket":"b"},"SkipSSLVerify":false}'
    )


def test_to_json_swallows_errors_into_an_empty_string():
    assert call("toJson", float("nan")) == ""
    assert call("toJson", [1, float("inf")]) == ""


def test_to_pretty_json_indents_two_spaces_and_keeps_empty_collections_short():
    assert call("toPrettyJson", {"a": [1, {}], "b": []}) == (
        '{\n  "a": [\n    1,\n    {}\n  ],\n  "b": []\n}'
    )


def test_base64_round_trips_and_reports_gos_error_as_text():
    assert call("b64enc", "hello world") == "aGVsbG8gd29ybGQ="
    assert call("b64dec", "aGVsbG8gd29ybGQ=") == "hello world"
    assert call("b64dec", "aGVs\nbG8=") == "hello"
    assert call("b64dec", "aGVsbG8") == "illegal base64 data at input byte 4"
    assert call("b64dec", "!!!!") == "illegal base64 data at input byte 0"
    assert call("b64dec", "aGVsbG8=x") == "illegal base64 data at input byte 8"
    assert call("b64dec", "aG=") == "illegal base64 data at input byte 3"


def test_base32_round_trips_and_reports_gos_error_as_text():
    assert call("b32enc", "hello") == "NBSWY3DP"
    assert call("b32dec", "NBSWY3DP") == "hello"
    assert call("b32dec", "MZXW6===") == "foo"
    assert call("b32dec", "NBSWY3D") == "illegal base32 data at input byte 0"
    assert call("b32dec", "M=======") == "illegal base32 data at input byte 1"
