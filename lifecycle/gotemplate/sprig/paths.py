"""sprig v2.22.0's slash-separated path functions: Go's `path` package, not the OS's."""

from lifecycle.gotemplate.callables import Function


def clean(path: str) -> str:
    """path.Clean: drops empty and `.` elements, resolves `..` lexically, never ends in `/`."""
    rooted = path.startswith("/")
    parts: list[str] = []
    for part in path.split("/"):
        if part in ("", "."):
            continue
        if part == ".." and parts and parts[-1] != "..":
            parts.pop()
        elif part != ".." or not rooted:
            parts.append(part)
    text = "/".join(parts)
    if rooted:
        return "/" + text
    return text or "."


def base(path: str) -> str:
    if not path:
        return "."
    path = path.rstrip("/")
    return path[path.rfind("/") + 1 :] or "/"


def dir_(path: str) -> str:
    return clean(path[: path.rfind("/") + 1])


def ext(path: str) -> str:
    name = path[path.rfind("/") + 1 :]
    dot = name.rfind(".")
    return name[dot:] if dot >= 0 else ""


_S = "string"

FUNCTIONS: dict[str, Function] = {
    "base": Function("base", (_S,), base),
    "dir": Function("dir", (_S,), dir_),
    "clean": Function("clean", (_S,), clean),
    "ext": Function("ext", (_S,), ext),
    "isAbs": Function("isAbs", (_S,), lambda path: path.startswith("/")),
}
