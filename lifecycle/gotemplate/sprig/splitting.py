"""sprig v2.22.0's splitting and joining: strings to lists (or `_0`, `_1`... maps) and back."""

from lifecycle.gotemplate.callables import Function
from lifecycle.gotemplate.sprig.conversion import strval
from lifecycle.gotemplate.values import TypedList, TypedMap


def go_split(text: str, separator: str, limit: int = -1) -> list[str]:
    """strings.SplitN: an empty separator splits after each rune, and a limit of 0 gives
    nothing."""
    if limit == 0:
        return []
    if separator:
        return text.split(separator, limit - 1 if limit > 0 else -1)
    runes = list(text)
    if 0 < limit < len(runes):
        return [*runes[: limit - 1], "".join(runes[limit - 1 :])]
    return runes


def _numbered(parts: list[str]) -> TypedMap:
    return TypedMap({f"_{i}": part for i, part in enumerate(parts)})


def split(separator: str, text: str) -> TypedMap:
    return _numbered(go_split(text, separator))


def splitn(separator: str, limit: int, text: str) -> TypedMap:
    return _numbered(go_split(text, separator, limit))


def split_list(separator: str, text: str) -> TypedList:
    return TypedList(go_split(text, separator))


def to_strings(value: object) -> TypedList:
    """sprig's strslice: each non-nil element as text; a non-list becomes a list of one."""
    if isinstance(value, TypedList) and value.type_name == "[]string":
        return value
    if isinstance(value, bytes):
        return TypedList(strval(byte) for byte in value)
    if isinstance(value, list):
        return TypedList(strval(item) for item in value if item is not None)
    return TypedList([] if value is None else [strval(value)])


def join(separator: str, value: object) -> str:
    return separator.join(to_strings(value))


def sort_alpha(value: object) -> TypedList:
    if isinstance(value, list | bytes):
        return TypedList(sorted(to_strings(value)))
    return TypedList([strval(value)])  # nil included: ["<nil>"]


_S = "string"
_ANY = "interface {}"

FUNCTIONS: dict[str, Function] = {
    "split": Function("split", (_S, _S), split),
    "splitList": Function("splitList", (_S, _S), split_list),
    "splitn": Function("splitn", (_S, "int", _S), splitn),
    "join": Function("join", (_S, _ANY), join),
    "sortAlpha": Function("sortAlpha", (_ANY,), sort_alpha),
    "toStrings": Function("toStrings", (_ANY,), to_strings),
}
