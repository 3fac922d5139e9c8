import pytest

from lifecycle.gotemplate.sprig.paths import FUNCTIONS


def call(name, *args):
    return FUNCTIONS[name].impl(*args)


@pytest.mark.parametrize(
    ("path", "cleaned"),
    [("a//b/./../c/", "a/c"), ("/../a", "/a"), ("../../a/..", "../.."), ("", "."),
     ("//a", "/a"), ("/", "/")],
)  # fmt: skip
def test_clean_resolves_paths_lexically(path, cleaned):
    assert call("clean", path) == cleaned


def test_base_and_dir_split_at_the_last_slash():
    assert call("base", "/a/b/c.txt") == "c.txt"
    assert call("base", "/a/b/") == "b"
    assert call("base", "") == "."
    assert call("base", "/") == "/"
    assert call("dir", "/a/b/c.txt") == "/a/b"
    assert call("dir", "c.txt") == "."
    assert call("dir", "/a//b/../c/") == "/a/c"


def test_ext_and_is_abs():
    assert call("ext", "a/b.tar.gz") == ".gz"
    assert call("ext", "a.b/c") == ""
    assert call("isAbs", "/a") is True
    assert call("isAbs", "a/b") is False
