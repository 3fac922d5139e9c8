"""sprig v2.22.0's checksums of a string: hex SHA-1 and SHA-256, decimal Adler-32."""

import hashlib
import zlib

from lifecycle.gotemplate.callables import Function
from lifecycle.gotemplate.sprig.conversion import string_to_bytes


def sha1sum(text: str) -> str:
    return hashlib.sha1(string_to_bytes(text)).hexdigest()


def sha256sum(text: str) -> str:
    return hashlib.sha256(string_to_bytes(text)).hexdigest()


def adler32sum(text: str) -> str:
    return str(zlib.adler32(string_to_bytes(text)))


FUNCTIONS = {
    f.name: f
    for f in (
        Function("sha1sum", ("string",), sha1sum),
        Function("sha256sum", ("string",), sha256sum),
        Function("adler32sum", ("string",), adler32sum),
    )
}
