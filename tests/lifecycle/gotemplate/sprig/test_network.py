import re

import pytest

from lifecycle.gotemplate.callables import GoPanic
from lifecycle.gotemplate.sprig.network import FUNCTIONS


def call(name, *args):
    return FUNCTIONS[name].impl(*args)


def test_url_parse_gives_sprigs_eight_fields_unescaped():
    assert call("urlParse", "https://user:pa%20ss@Example.com:8080/a/b%20c?x=1&y=2#fr%20ag") == {
        "scheme": "https",
        "host": "Example.com:8080",
        "hostname": "Example.com",
        "path": "/a/b c",
        "query": "x=1&y=2",
        "opaque": "",
        "fragment": "fr ag",
        "userinfo": "user:pa%20ss",
    }


def test_url_parse_keeps_a_rootless_path_after_a_scheme_as_opaque():
    url = call("urlParse", "mailto:joe@example.com")
    assert (url["scheme"], url["opaque"], url["path"]) == ("mailto", "joe@example.com", "")


def test_url_parse_strips_ipv6_brackets_from_the_hostname():
    assert call("urlParse", "http://[::1]:9000/x")["hostname"] == "::1"
    assert call("urlParse", "http://[fe80::1%25en0]/")["host"] == "[fe80::1%en0]"


def test_url_parse_takes_the_port_after_the_last_colon():
    assert call("urlParse", "mongodb://h1:1,h2:2/db")["hostname"] == "h1:1,h2"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("http://exa mple.com", 'parse "http://exa mple.com": invalid character " " in host name'),
        ("%zz", 'parse "%zz": invalid URL escape "%zz"'),
        (":foo", 'parse ":foo": missing protocol scheme'),
        ("1a:b", 'parse "1a:b": first path segment in URL cannot contain colon'),
        ("http://h:port/", 'parse "http://h:port/": invalid port ":port" after host'),
        ("http://[1.2.3.4]/", 'parse "http://[1.2.3.4]/": invalid IP-literal'),
        ("http://a[::1]/", 'parse "http://a[::1]/": invalid IP-literal'),
        ("http://[::1/", "parse \"http://[::1/\": missing ']' in host"),
    ],
)
def test_url_parse_panics_with_go_s_parse_error(text, reason):
    with pytest.raises(GoPanic) as raised:
        call("urlParse", text)
    assert str(raised.value) == f"unable to parse url: {reason}"


def test_url_join_escapes_what_go_escapes():
    fields = {"scheme": "https", "host": "example.com", "path": "/a b", "query": "x=1"}
    assert call("urlJoin", fields | {"fragment": "f g"}) == "https://example.com/a%20b?x=1#f%20g"
    assert call("urlJoin", {"scheme": "http", "host": "h", "userinfo": "us@er:p"}) == (
        "http://us%40er:p@h"
    )
    assert call("urlJoin", {"path": "a:b"}) == "./a:b"
    assert call("urlJoin", {"scheme": "file", "path": "/etc/hosts"}) == "file:///etc/hosts"


def test_url_join_round_trips_url_parse():
    text = "https://u:p@h:1/p%3Fx?q#f"
    assert call("urlJoin", call("urlParse", text)) == text


def test_url_join_panics_on_a_field_that_is_not_a_string():
    with pytest.raises(GoPanic, match=r"^unable to parse scheme key, must be of type string, but "):
        call("urlJoin", {"scheme": 1})


def test_the_preview_environment_is_empty():
    assert call("env", "HOME") == ""
    # os.Expand's rules: bad ${ syntax is eaten, a $ before no name stays
    assert call("expandenv", "a=$A b=${B} c=${} d=$1 e=$ f=${ g=$-x h=$") == (
        "a= b= c= d= e=$ f= g=x h=$"
    )
    assert call("expandenv", "${1}x ${abc}y $$z $_w!") == "x y z !"


def test_what_depends_on_the_controller_or_chance_varies():
    varying = sorted(name for name, f in FUNCTIONS.items() if f.varies)
    assert varying == ["env", "expandenv", "getHostByName", "uuidv4"]
    assert call("getHostByName", "example.com") == ""
    assert re.fullmatch(
        r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", call("uuidv4")
    )


def test_hello():
    assert call("hello") == "Hello!"
