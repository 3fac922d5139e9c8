"""sprig v2.22.0's dictionary functions: building, reading and merging map[string]interface{}.

Go gives `keys` and `values` in map iteration order, which Go randomises. Both are marked
`varies`, and give the order of the sorted keys: one of Go's possible orders, the one `range`
shows, and stable under test. Templates that need a stable order pipe `keys` to `sortAlpha`.
"""

from lifecycle.gotemplate.callables import Function
from lifecycle.gotemplate.sprig.conversion import strval
from lifecycle.gotemplate.values import TypedList

_MAP = "map[string]interface {}"


def dict_(*pairs: object) -> dict:
    result = {}
    for i in range(0, len(pairs), 2):
        key = strval(pairs[i])
        result[key] = pairs[i + 1] if i + 1 < len(pairs) else ""
    return result


def set_(d: dict, key: str, value: object) -> dict:
    d[key] = value
    return d


def unset(d: dict, key: str) -> dict:
    d.pop(key, None)
    return d


def has_key(d: dict, key: str) -> bool:
    return key in d


def pluck(key: str, *dicts: dict) -> list:
    return [d[key] for d in dicts if key in d]


def keys(*dicts: dict) -> TypedList:
    return TypedList([key for d in dicts for key in sorted(d)])


def values(d: dict) -> list:
    return [d[key] for key in sorted(d)]


def pick(d: dict, *names: str) -> dict:
    return {name: d[name] for name in names if name in d}


def omit(d: dict, *names: str) -> dict:
    return {key: value for key, value in d.items() if key not in names}


def _is_empty(value: object) -> bool:
    """mergo's isEmptyValue for the values a template holds."""
    if value is None:
        return True
    if isinstance(value, bool | int | float | str | bytes | list | dict):
        return not value
    return False


def _deep_merge(dst: dict, src: dict, overwrite: bool) -> None:
    """mergo v0.3.8's deepMerge of two maps: nested maps merge key by key; a nil in `src` never
    lands; a map or slice from `src` does not replace a non-empty value of another kind, even
    when overwriting; anything else replaces empty values, or every value when overwriting."""
    for key, value in src.items():
        if value is None:
            continue
        present = key in dst
        current = dst.get(key)
        if isinstance(value, dict) and isinstance(current, dict):
            _deep_merge(current, value, overwrite)
        if isinstance(value, list) and overwrite:
            dst[key] = value
            continue
        if isinstance(value, dict | list) and present and not _is_empty(current):
            continue
        if overwrite or not present or _is_empty(current):
            dst[key] = value


def merge(dst: dict, *srcs: dict) -> dict:
    for src in srcs:
        _deep_merge(dst, src, overwrite=False)
    return dst


def merge_overwrite(dst: dict, *srcs: dict) -> dict:
    for src in srcs:
        _deep_merge(dst, src, overwrite=True)
    return dst


FUNCTIONS = {
    f.name: f
    for f in (
        Function("dict", ("interface {}",), dict_, variadic=True),
        Function("set", (_MAP, "string", "interface {}"), set_),
        Function("unset", (_MAP, "string"), unset),
        Function("hasKey", (_MAP, "string"), has_key),
        Function("pluck", ("string", _MAP), pluck, variadic=True),
        Function("keys", (_MAP,), keys, variadic=True, varies=True),
        Function("values", (_MAP,), values, varies=True),
        Function("pick", (_MAP, "string"), pick, variadic=True),
        Function("omit", (_MAP, "string"), omit, variadic=True),
        Function("merge", (_MAP, _MAP), merge, variadic=True),
        Function("mergeOverwrite", (_MAP, _MAP), merge_overwrite, variadic=True),
    )
}
