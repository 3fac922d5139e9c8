from lifecycle.gotemplate.sprig.hashes import FUNCTIONS


def call(name, *args):
    return FUNCTIONS[name].impl(*args)


def test_sha_sums_are_lower_case_hex():
    assert call("sha1sum", "abc") == "a9993e364706816aba3e25717850c26c9cd0d89d"
    assert call("sha256sum", "") == (
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    )


def test_sums_read_the_strings_utf8_bytes():
    assert call("sha1sum", "héllo wörld") == "24e9f5c07847ff8a2a9fa77456655792f5bc7f9f"


def test_adler32sum_is_a_decimal_number():
    assert [call("adler32sum", text) for text in ("", "abc", "Wikipedia")] == [
        "1",
        "38600999",
        "300286872",
    ]
