"""sprig v2.22.0's URL, environment and network functions, sandboxed for previews.

A preview runs outside the Kanister controller: it sees an empty environment (`env` gives "",
`expandenv` expands every variable to ""), looks up no host names, and makes its own UUIDs; all
four are marked `varies`. URLs are parsed and printed as Go's net/url does.
"""

import ipaddress
import uuid

from lifecycle.gotemplate import gofmt
from lifecycle.gotemplate.callables import Function, GoPanic
from lifecycle.gotemplate.sprig.conversion import string_from_bytes, string_to_bytes
from lifecycle.gotemplate.sprig.reflection import kind_of

_MAP = "map[string]interface {}"
_UPPER_HEX = "0123456789ABCDEF"

# net/url's escaping modes
_PATH = "path"
_HOST = "host"
_USER_PASSWORD = "userinfo"
_FRAGMENT = "fragment"
_ZONE = "zone"


class _URLError(Exception):
    """A net/url parse error, Go's message in args[0]."""


def _should_escape(c: str, mode: str) -> bool:
    """net/url's shouldEscape."""
    if c.isascii() and c.isalnum():
        return False
    if mode in (_HOST, _ZONE) and c in "!$&'()*+,;=:[]<>\"":
        return False
    if c in "-_.~":
        return False
    if c in "$&+,/:;=?@":
        if mode == _PATH:
            return c == "?"
        if mode == _USER_PASSWORD:
            return c in "@/?:"
        if mode == _FRAGMENT:
            return False
    return not (mode == _FRAGMENT and c in "!()*")


def _escape(text: str, mode: str) -> str:
    out = []
    for byte in string_to_bytes(text):
        c = chr(byte)
        if _should_escape(c, mode):
            out.append("%" + _UPPER_HEX[byte >> 4] + _UPPER_HEX[byte & 15])
        else:
            out.append(c)
    return "".join(out)


def _is_hex(c: str) -> bool:
    return c in "0123456789abcdefABCDEF"


def _unescape(text: str, mode: str) -> str:
    """net/url's unescape: %XX sequences become bytes; hosts refuse characters URLs escape."""
    raw = string_to_bytes(text)
    out = bytearray()
    i = 0
    while i < len(raw):
        c = chr(raw[i])
        if c == "%":
            sequence = string_from_bytes(raw[i : i + 3])
            if len(sequence) < 3 or not (_is_hex(sequence[1]) and _is_hex(sequence[2])):
                raise _URLError(f"invalid URL escape {gofmt.sprintf('%q', sequence)}")
            byte = int(sequence[1:], 16)
            if sequence != "%25" and (
                (mode == _HOST and byte < 0x80)  # a host escapes only non-ASCII bytes
                or (mode == _ZONE and chr(byte) != " " and _should_escape(chr(byte), _HOST))
            ):
                raise _URLError(f"invalid URL escape {gofmt.sprintf('%q', sequence)}")
            out.append(byte)
            i += 3
            continue
        if mode in (_HOST, _ZONE) and raw[i] < 0x80 and _should_escape(c, mode):
            raise _URLError(f"invalid character {gofmt.sprintf('%q', c)} in host name")
        out.append(raw[i])
        i += 1
    return string_from_bytes(bytes(out))


def _split_scheme(text: str) -> tuple[str, str]:
    """net/url's getScheme."""
    for i, c in enumerate(text):
        if c.isascii() and c.isalpha():
            continue
        if c.isascii() and (c.isdigit() or c in "+-."):
            if i == 0:
                return "", text
            continue
        if c == ":":
            if i == 0:
                raise _URLError("missing protocol scheme")
            return text[:i], text[i + 1 :]
        return "", text
    return "", text


def _valid_optional_port(port: str) -> bool:
    return port == "" or (port[0] == ":" and all("0" <= c <= "9" for c in port[1:]))


def _parse_host(host: str) -> str:
    """net/url's parseHost: brackets only around an IPv6 address, a port after the last colon
    (Go 1.26's stricter colons for http are off for modules declaring an older Go)."""
    bracket = host.rfind("[")
    if bracket > 0:
        raise _URLError("invalid IP-literal")
    if bracket == 0:
        return _parse_ip_literal(host)
    if ":" in host:
        colon = host.rfind(":")
        if not _valid_optional_port(host[colon:]):
            raise _URLError(f"invalid port {gofmt.sprintf('%q', host[colon:])} after host")
    return _unescape(host, _HOST)


def _parse_ip_literal(host: str) -> str:
    """`[IPv6]:port`, where the address may carry a %25-escaped zone."""
    close = host.rfind("]")
    if close < 0:
        raise _URLError("missing ']' in host")
    port = host[close + 1 :]
    if not _valid_optional_port(port):
        raise _URLError(f"invalid port {gofmt.sprintf('%q', port)} after host")
    address, zone_sign, zone = host[1:close].partition("%25")
    address = _unescape(address, _HOST)
    if zone_sign:
        address += _unescape(zone_sign + zone, _ZONE)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        # netip's own reasons are finer; this is its message for text that is no address.
        raise _URLError(
            f"invalid host: ParseAddr({gofmt.sprintf('%q', address)}): unable to parse IP"
        ) from None
    if ip.version == 4:
        raise _URLError("invalid IP-literal")
    return f"[{address}]{port}"


_USERINFO_MARKS = frozenset("-._:~!$&'()*+,;=%@")


def _parse_userinfo(userinfo: str) -> str:
    """The userinfo as Userinfo.String() prints it back: unescaped, then escaped again."""
    if not all((c.isascii() and c.isalnum()) or c in _USERINFO_MARKS for c in userinfo):
        raise _URLError("net/url: invalid userinfo")
    username, colon, password = userinfo.partition(":")
    text = _escape(_unescape(username, _USER_PASSWORD), _USER_PASSWORD)
    if colon:
        text += ":" + _escape(_unescape(password, _USER_PASSWORD), _USER_PASSWORD)
    return text


def _parse_url(text: str) -> dict:
    """url.Parse, as the fields sprig's urlParse keeps (`userinfo` printed back)."""
    rest, _, fragment = text.partition("#")
    try:
        url = _parse_reference(rest)
    except _URLError as error:
        raise _URLError(f"parse {gofmt.sprintf('%q', rest)}: {error.args[0]}") from None
    try:
        url["fragment"] = _unescape(fragment, _FRAGMENT)
    except _URLError as error:
        raise _URLError(f"parse {gofmt.sprintf('%q', text)}: {error.args[0]}") from None
    return url


def _parse_reference(text: str) -> dict:
    url = dict.fromkeys(("scheme", "host", "path", "query", "opaque", "userinfo"), "")
    if any(ord(c) < 0x20 or c == "\x7f" for c in text):
        raise _URLError("net/url: invalid control character in URL")
    if text == "*":
        url["path"] = "*"
        return url
    scheme, rest = _split_scheme(text)
    url["scheme"] = scheme.lower()
    if rest.endswith("?") and rest.count("?") == 1:
        rest = rest[:-1]
    else:
        rest, _, url["query"] = rest.partition("?")
    if not rest.startswith("/"):
        if url["scheme"]:
            url["opaque"] = rest  # a rootless path, such as mailto:someone
            return url
        if ":" in rest.partition("/")[0]:
            raise _URLError("first path segment in URL cannot contain colon")
    if rest.startswith("//") and (url["scheme"] or not rest.startswith("///")):
        authority, slash, path = rest[2:].partition("/")
        rest = slash + path
        userinfo, at, host = authority.rpartition("@")
        url["host"] = _parse_host(host)
        if at:
            url["userinfo"] = _parse_userinfo(userinfo)
    url["path"] = _unescape(rest, _PATH)
    return url


def _hostname(host: str) -> str:
    """URL.Hostname: the host without its port or IPv6 brackets."""
    colon = host.rfind(":")
    if colon != -1 and _valid_optional_port(host[colon:]):
        host = host[:colon]
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    return host


def url_parse(text: str) -> dict:
    try:
        url = _parse_url(text)
    except _URLError as error:
        raise GoPanic(f"unable to parse url: {error.args[0]}") from None
    url["hostname"] = _hostname(url["host"])
    return url


def _string_field(d: dict, key: str) -> str:
    """sprig's dictGetOrEmpty, which panics on a value that is not a string."""
    value = d.get(key, "")
    if value is None:  # reflect.TypeOf(nil).Kind() dereferences a nil Type
        raise GoPanic("runtime error: invalid memory address or nil pointer dereference")
    if not isinstance(value, str):
        raise GoPanic(
            f"unable to parse {key} key, must be of type string, but {kind_of(value)} found"
        )
    return value


def url_join(d: dict) -> str:
    """URL.String of the URL the dict's fields describe."""
    scheme, host, path, query, opaque, fragment, userinfo = (
        _string_field(d, key)
        for key in ("scheme", "host", "path", "query", "opaque", "fragment", "userinfo")
    )
    if userinfo:
        try:
            userinfo = _parse_url(f"proto://{userinfo}@host")["userinfo"]
        except _URLError as error:
            raise GoPanic(f"unable to parse userinfo in dict: {error.args[0]}") from None
    out = scheme + ":" if scheme else ""
    if opaque:
        out += opaque
    else:
        if scheme or host or userinfo:
            if host or path or userinfo:
                out += "//"
            if userinfo:
                out += userinfo + "@"
            out += _escape(host, _HOST)
        escaped_path = "*" if path == "*" else _escape(path, _PATH)
        if escaped_path and not escaped_path.startswith("/") and host:
            out += "/"
        if not out and ":" in escaped_path.partition("/")[0]:
            out += "./"  # so the first segment does not read as a scheme
        out += escaped_path
    if query:
        out += "?" + query
    if fragment:
        out += "#" + _escape(fragment, _FRAGMENT)
    return out


def _is_name_char(c: str) -> bool:
    return c == "_" or (c.isascii() and c.isalnum())


_SHELL_SPECIAL = frozenset("*#$@!?-0123456789")


def expandenv(text: str) -> str:
    """os.ExpandEnv in an empty environment: `$NAME` and `${NAME}` vanish, and so does bad
    `${` syntax, while a `$` not followed by a name stays."""
    out = []
    i = 0
    while i < len(text):
        if text[i] != "$" or i + 1 == len(text):
            out.append(text[i])
            i += 1
            continue
        rest = text[i + 1 :]
        if rest[0] == "{":
            close = rest.find("}", 1)
            if len(rest) > 2 and rest[1] in _SHELL_SPECIAL and rest[2] == "}":
                width = 3
            else:
                width = close + 1 if close != -1 else 1
        elif rest[0] in _SHELL_SPECIAL:
            width = 1
        else:
            width = 0
            while width < len(rest) and _is_name_char(rest[width]):
                width += 1
            if width == 0:
                out.append("$")
        i += 1 + width
    return "".join(out)


def env(name: str) -> str:
    return ""


def get_host_by_name(name: str) -> str:
    return ""


def uuidv4() -> str:
    return str(uuid.uuid4())


def hello() -> str:
    return "Hello!"


FUNCTIONS = {
    f.name: f
    for f in (
        Function("urlParse", ("string",), url_parse),
        Function("urlJoin", (_MAP,), url_join),
        Function("env", ("string",), env, varies=True),
        Function("expandenv", ("string",), expandenv, varies=True),
        Function("getHostByName", ("string",), get_host_by_name, varies=True),
        Function("uuidv4", (), uuidv4, varies=True),
        Function("hello", (), hello),
    )
}
