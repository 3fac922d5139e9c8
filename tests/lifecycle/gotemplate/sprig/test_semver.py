import itertools

import pytest

from lifecycle.gotemplate.callables import GoError
from lifecycle.gotemplate.sprig.semver import FUNCTIONS, compare, new_version


def call(name, *args):
    return FUNCTIONS[name].impl(*args)


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("1.2.3", "1.2.3"),
        ("v1.2", "1.2.0"),
        ("1", "1.0.0"),
        ("1.2.3-beta.1+build.5", "1.2.3-beta.1+build.5"),
    ],
)
def test_semver_accepts_partial_versions_and_prints_them_whole(text, printed):
    version = call("semver", text)
    assert version.go_string() == printed
    assert version.go_type_name == "*semver.Version"


@pytest.mark.parametrize("text", ["foo", "1.2.3.4", "01.2.3-", ""])
def test_semver_refuses_what_is_not_a_version(text):
    with pytest.raises(GoError, match=r"^Invalid Semantic Version$"):
        call("semver", text)


def test_pre_releases_sort_below_their_release_numbers_below_words():
    ordered = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta.2", "1.0.0-beta.11"]
    ordered += ["1.0.0", "1.0.1"]
    versions = [new_version(text) for text in ordered]
    assert all(compare(a, b) == -1 for a, b in itertools.pairwise(versions))
    assert compare(new_version("1.0.0+a"), new_version("1.0.0+b")) == 0


@pytest.mark.parametrize(
    ("constraint", "version", "satisfied"),
    [
        (">=1.2.3", "1.2.3", True),
        ("^1.2.0", "1.9.9", True),
        ("^1.2.0", "2.0.0", False),
        ("^0.2.3", "0.9.0", True),  # v1's caret fixes only the major version
        ("~1.2.0", "1.2.9", True),
        ("~1.2.0", "1.3.0", False),
        ("~1", "1.9.0", True),
        ("~0.0.0", "5.0.0", True),
        (">1.0", "1.5.0-beta", False),
        (">=1.0.0-0", "1.5.0-beta", True),
        ("1.x", "1.9.0", True),
        ("1.2.x", "1.3.0", False),
        ("*", "7.0.0", True),
        ("<1.2.x", "1.2.9", True),
        ("!=1.2.x", "1.2.5", False),
        (">= 1.0, < 2.0", "1.5.0", True),
        (">= 1.0 < 2.0", "2.0.0", False),
        ("1.0 - 2.0", "2.0.0", True),
        ("1.0 - 2.0", "2.0.1", False),
        ("=1.2.3 || =2.0.0", "2.0.0", True),
        ("1.2.3", "1.2.3+meta", True),
    ],
)
def test_semver_compare_follows_masterminds_semver_v1(constraint, version, satisfied):
    assert call("semverCompare", constraint, version) is satisfied


def test_semver_compare_reports_a_bad_constraint_before_a_bad_version():
    with pytest.raises(GoError, match=r"^improper constraint: bad$"):
        call("semverCompare", "bad", "nor this")
    with pytest.raises(GoError, match=r"^Invalid Semantic Version$"):
        call("semverCompare", ">=1.0", "bad")
