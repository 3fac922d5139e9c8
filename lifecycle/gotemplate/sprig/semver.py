"""sprig v2.22.0's semantic versions: `semver` and `semverCompare`, by Masterminds/semver v1.5.0.

sprig v2 imports semver v1 (v3 came with sprig v3), so versions may be partial ("1.2", "v1")
and constraints follow v1's rules: `~` and `^` fix only the major version when the constraint
has no minor, a version with a pre-release never satisfies a constraint without one, and
"1.2.x" style wildcards make `=`, `!=`, `<` and `<=` loose on the missing parts.
"""

import re
from dataclasses import dataclass

from lifecycle.gotemplate.callables import Function, GoError

_VERSION_TAIL = r"(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?"
_VERSION = re.compile(r"v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?" + _VERSION_TAIL)
# A version in a constraint, whose numbers may be wildcards (x, X or *).
_CONSTRAINT_VERSION = r"v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?" + _VERSION_TAIL
_OPERATORS = "|".join(
    map(re.escape, ("!=", ">=", "=>", "<=", "=<", "~>", ">", "<", "~", "^", "=", ""))
)
_CONSTRAINT = re.compile(rf"\s*({_OPERATORS})\s*({_CONSTRAINT_VERSION})\s*")
_FIND_CONSTRAINT = re.compile(rf"({_OPERATORS})\s*({_CONSTRAINT_VERSION})")
_VALID_CONSTRAINTS = re.compile(rf"(\s*({_OPERATORS})\s*({_CONSTRAINT_VERSION})\s*,?)+")
_RANGE = re.compile(rf"\s*({_CONSTRAINT_VERSION})\s+-\s+({_CONSTRAINT_VERSION})\s*")
_INT64_MAX = (1 << 63) - 1


@dataclass(frozen=True, slots=True)
class Version:
    """A *semver.Version: prints as its normalised String(), e.g. "v1.2" as "1.2.0"."""

    go_type_name = "*semver.Version"

    major: int
    minor: int
    patch: int
    prerelease: str
    metadata: str
    original: str

    def go_string(self) -> str:
        text = f"{self.major}.{self.minor}.{self.patch}"
        if self.prerelease:
            text += "-" + self.prerelease
        if self.metadata:
            text += "+" + self.metadata
        return text


def _segment(text: str) -> int:
    number = int(text.lstrip("."))
    if number > _INT64_MAX:
        raise GoError(
            f'Error parsing version segment: strconv.ParseInt: parsing "{text.lstrip(".")}": '
            "value out of range"
        )
    return number


def new_version(text: str) -> Version:
    """semver.NewVersion."""
    match = _VERSION.fullmatch(text)
    if match is None:
        raise GoError("Invalid Semantic Version")
    major, minor, patch = (_segment(part) if part else 0 for part in match.group(1, 2, 3))
    return Version(major, minor, patch, match[5] or "", match[8] or "", text)


def _compare_part(a: str, b: str) -> int:
    if a == b:
        return 0
    if a == "" or b == "":
        return -1 if a == "" else 1
    a_number, b_number = a.isascii() and a.isdigit(), b.isascii() and b.isdigit()
    if a_number and b_number:
        return 1 if int(a) > int(b) else -1
    if a_number != b_number:
        return -1 if a_number else 1
    return 1 if a > b else -1


def compare(v: Version, o: Version) -> int:
    """Version.Compare: by numbers, then a release above its pre-releases, metadata ignored."""
    for a, b in ((v.major, o.major), (v.minor, o.minor), (v.patch, o.patch)):
        if a != b:
            return 1 if a > b else -1
    if not v.prerelease or not o.prerelease:
        return (not v.prerelease) - (not o.prerelease)
    a_parts, b_parts = v.prerelease.split("."), o.prerelease.split(".")
    for i in range(max(len(a_parts), len(b_parts))):
        a = a_parts[i] if i < len(a_parts) else ""
        b = b_parts[i] if i < len(b_parts) else ""
        if difference := _compare_part(a, b):
            return difference
    return 0


@dataclass(frozen=True, slots=True)
class _Constraint:
    operator: str
    version: Version
    dirty: bool  # some part is a wildcard or missing
    minor_dirty: bool
    patch_dirty: bool

    def check(self, v: Version) -> bool:
        c = self.version
        if v.prerelease and not c.prerelease:
            return False  # pre-releases only match constraints that ask for them
        if self.operator in ("", "="):
            return _tilde(v, self) if self.dirty else compare(v, c) == 0
        if self.operator == "!=":
            if not self.dirty:
                return compare(v, c) != 0
            return v.major != c.major or (v.minor != c.minor and not self.minor_dirty)
        if self.operator == ">":
            return compare(v, c) > 0
        if self.operator in (">=", "=>"):
            return compare(v, c) >= 0
        if self.operator in ("<", "<=", "=<"):
            if not self.dirty:
                return compare(v, c) < 0 if self.operator == "<" else compare(v, c) <= 0
            return v.major <= c.major and (v.minor <= c.minor or self.minor_dirty)
        if self.operator in ("~", "~>"):
            return _tilde(v, self)
        return compare(v, c) >= 0 and v.major == c.major  # ^


def _tilde(v: Version, constraint: _Constraint) -> bool:
    c = constraint.version
    if compare(v, c) < 0:
        return False
    if (c.major, c.minor, c.patch) == (0, 0, 0) and not (
        constraint.minor_dirty or constraint.patch_dirty
    ):
        return True  # ~0.0.0 accepts everything
    return v.major == c.major and (v.minor == c.minor or constraint.minor_dirty)


def _is_wildcard(part: str) -> bool:
    return part in ("x", "X", "*")


def _parse_constraint(text: str) -> _Constraint:
    match = _CONSTRAINT.fullmatch(text)
    if match is None:
        raise GoError(f"improper constraint: {text}")
    operator, version, major, minor, patch, prerelease = match.group(1, 2, 3, 4, 5, 6)
    minor, patch, prerelease = minor or "", patch or "", prerelease or ""
    dirty = minor_dirty = patch_dirty = False
    if _is_wildcard(major):
        version, dirty = "0.0.0", True
    elif minor == "" or _is_wildcard(minor[1:]):
        version, dirty, minor_dirty = f"{major}.0.0{prerelease}", True, True
    elif _is_wildcard(patch[1:]):
        version, dirty, patch_dirty = f"{major}{minor}.0{prerelease}", True, True
    try:
        parsed = new_version(version)
    except GoError:
        raise GoError("constraint Parser Error") from None
    return _Constraint(operator, parsed, dirty, minor_dirty, patch_dirty)


def _rewrite_ranges(text: str) -> str:
    """`1.2 - 1.4.5` is `>= 1.2, <= 1.4.5`."""
    for match in _RANGE.finditer(text):
        text = text.replace(match[0], f">= {match[1]}, <= {match[11]}", 1)
    return text


def new_constraints(text: str) -> list[list[_Constraint]]:
    """semver.NewConstraint: `||` between alternatives, commas or spaces between conditions."""
    alternatives = []
    for alternative in _rewrite_ranges(text).split("||"):
        if not _VALID_CONSTRAINTS.fullmatch(alternative):
            raise GoError(f"improper constraint: {alternative}")
        parts = [m[0] for m in _FIND_CONSTRAINT.finditer(alternative)] or [alternative]
        alternatives.append([_parse_constraint(part) for part in parts])
    return alternatives


def semver(text: str) -> Version:
    return new_version(text)


def semver_compare(constraint: str, version: str) -> bool:
    alternatives = new_constraints(constraint)
    v = new_version(version)
    return any(all(c.check(v) for c in conditions) for conditions in alternatives)


FUNCTIONS = {
    f.name: f
    for f in (
        Function("semver", ("string",), semver, returns_error=True),
        Function("semverCompare", ("string", "string"), semver_compare, returns_error=True),
    )
}
