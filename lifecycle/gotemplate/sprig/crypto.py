"""sprig v2.22.0's key, certificate and AES functions, behind Kanister's FIPS filter.

Kanister replaces `derivePassword` by a function that always fails, and lets `genPrivateKey`
make only FIPS-approved key types. Certificates are built from sprig's x509 template and laid
out as Go 1.27's crypto/x509 writes them: the same extensions in the same order and criticality,
a subject key identifier only on a CA (the first 160 bits of the key's SHA-256), an authority
key identifier only when the issuer differs from the subject.
"""

import base64
import datetime
import hashlib
import ipaddress
import os
import re

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.x509.name import _ASN1Type
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from lifecycle.gotemplate import gofmt
from lifecycle.gotemplate.callables import Function, GoError, GoPanic
from lifecycle.gotemplate.sprig.conversion import string_from_bytes, string_to_bytes
from lifecycle.gotemplate.sprig.encoding import CorruptInput, decode_base64
from lifecycle.gotemplate.values import Struct

_CERTIFICATE = "sprig.certificate"
_FIPS_KEY_TYPES = ("rsa", "ecdsa", "ed25519")
_AES_BLOCK = 16
_NANOSECONDS_PER_DAY = 24 * 3600 * 10**9
_PRINTABLE_STRING = re.compile(r"[A-Za-z0-9 '()+,\-./:=?]*")  # Go's asn1 isPrintable
# The tag after the version tells an EC or PKCS #8 key, whose parser Go's message names.
_OTHER_KEY_FORMATS = {b"\x04": "ParseECPrivateKey", b"\x30": "ParsePKCS8PrivateKey"}
_PEM_BEGIN = re.compile(rb"(?:^|\n)-----BEGIN ([^\n]*?)-----[ \t\r]*\n")


def _fips_refusal(usage: str) -> GoError:
    return GoError(
        f"sprig usage of {usage} is not allowed by kanister as it is not FIPS compatible"
    )


def derive_password(counter: int, password_type: str, password: str, user: str, site: str) -> str:
    raise _fips_refusal("'derivePassword'")


def gen_private_key(key_type: str) -> str:
    if key_type not in _FIPS_KEY_TYPES:
        raise _fips_refusal(f"'genPrivateKey' with key type '{key_type}'")
    if key_type == "rsa":
        key = rsa.generate_private_key(public_exponent=65537, key_size=4096)
    elif key_type == "ecdsa":
        key = ec.generate_private_key(ec.SECP256R1())
    else:
        return f"Unknown type {key_type}"  # ed25519: allowed by Kanister, unknown to sprig v2
    return _pem_key(key)


def build_custom_cert(cert_base64: str, key_base64: str) -> Struct:
    try:
        cert_pem = decode_base64(string_to_bytes(cert_base64))
    except CorruptInput:
        raise GoError("unable to decode base64 certificate") from None
    try:
        key_pem = decode_base64(string_to_bytes(key_base64))
    except CorruptInput:
        raise GoError("unable to decode base64 private key") from None
    _parse_certificate(cert_pem, "decodedCert")
    _parse_pkcs1_key(key_pem, "decodedKey")
    return _certificate(string_from_bytes(cert_pem), string_from_bytes(key_pem))


def gen_ca(common_name: str, days_valid: int) -> Struct:
    return _issue(common_name, [], [], days_valid, signer=None, is_ca=True)


def gen_self_signed_cert(common_name: str, ips: list, dns_names: list, days_valid: int) -> Struct:
    return _issue(common_name, ips, dns_names, days_valid, signer=None, is_ca=False)


def gen_signed_cert(
    common_name: str, ips: list, dns_names: list, days_valid: int, ca: Struct
) -> Struct:
    signer = (
        _parse_certificate(string_to_bytes(ca.fields["Cert"]), "decodedSignerCert"),
        _parse_pkcs1_key(string_to_bytes(ca.fields["Key"]), "decodedSignerKey"),
    )
    return _issue(common_name, ips, dns_names, days_valid, signer=signer, is_ca=False)


def encrypt_aes(password: str, plaintext: str) -> str:
    if plaintext == "":
        return ""
    content = string_to_bytes(plaintext)
    padding = _AES_BLOCK - len(content) % _AES_BLOCK
    content += bytes([padding]) * padding
    iv = os.urandom(_AES_BLOCK)
    encryptor = Cipher(algorithms.AES(_aes_key(password)), modes.CBC(iv)).encryptor()
    return base64.b64encode(iv + encryptor.update(content) + encryptor.finalize()).decode()


def decrypt_aes(password: str, ciphertext_base64: str) -> str:
    """sprig checks nothing: what Go's slicing and CryptBlocks reject surfaces as their panic,
    and a wrong password gives whatever bytes the padding count leaves."""
    if ciphertext_base64 == "":
        return ""
    encoded = string_to_bytes(ciphertext_base64)
    try:
        crypt = decode_base64(encoded)
    except CorruptInput as error:
        raise GoError(f"illegal base64 data at input byte {error.offset}") from None
    if len(crypt) < _AES_BLOCK:
        capacity = len(encoded) // 4 * 3  # base64.DecodedLen: the buffer DecodeString sliced
        raise GoPanic(
            f"runtime error: slice bounds out of range [:{_AES_BLOCK}] with capacity {capacity}"
        )
    iv, blocks = crypt[:_AES_BLOCK], crypt[_AES_BLOCK:]
    if len(blocks) % _AES_BLOCK:
        raise GoPanic("crypto/cipher: input not full blocks")
    if not blocks:
        raise GoPanic("runtime error: index out of range [-1]")
    decryptor = Cipher(algorithms.AES(_aes_key(password)), modes.CBC(iv)).decryptor()
    decrypted = decryptor.update(blocks) + decryptor.finalize()
    end = len(decrypted) - decrypted[-1]
    if end < 0:
        raise GoPanic(f"runtime error: slice bounds out of range [:{end}]")
    return string_from_bytes(decrypted[:end])


def _aes_key(password: str) -> bytes:
    """sprig copies the password into a zeroed 32-byte key: AES-256, longer passwords cut."""
    return string_to_bytes(password)[:32].ljust(32, b"\0")


def _certificate(cert_pem: str, key_pem: str) -> Struct:
    return Struct(_CERTIFICATE, {"Cert": cert_pem, "Key": key_pem})


def _pem_key(key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey) -> str:
    """Go's x509.MarshalPKCS1PrivateKey / MarshalECPrivateKey in a PEM block."""
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    ).decode()


def _issue(
    common_name: str,
    ips: list | None,
    dns_names: list | None,
    days_valid: int,
    *,
    signer: tuple[x509.Certificate, rsa.RSAPrivateKey] | None,
    is_ca: bool,
) -> Struct:
    """sprig's getBaseCertTemplate, a fresh RSA 2048 key and x509.CreateCertificate."""
    addresses = [_ip_address(ip) for ip in ips or ()]
    names = [_dns_name(name) for name in dns_names or ()]
    now = datetime.datetime.now(datetime.UTC)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = _name(common_name)
    issuer, signing_key = (subject, key) if signer is None else (signer[0].subject, signer[1])
    if signer is not None and signer[0].public_key() != signing_key.public_key():
        raise GoError(
            "error creating certificate: x509: provided PrivateKey doesn't match parent's PublicKey"
        )
    for name in names:
        if not name.isascii():
            raise GoError(
                "error creating certificate: "
                + gofmt.sprintf("x509: %q cannot be encoded as an IA5String", name)
            )
    extensions = [
        (
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=True,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=is_ca,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            True,
        ),
        (
            x509.ExtendedKeyUsage(
                [ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]
            ),
            False,
        ),
        (x509.BasicConstraints(ca=is_ca, path_length=None), True),
    ]
    if is_ca:
        extensions.append((x509.SubjectKeyIdentifier(_key_identifier(key)), False))
    if signer is not None and issuer.public_bytes() != subject.public_bytes():
        issuer_key_id = _subject_key_identifier(signer[0])
        if issuer_key_id:
            extensions.append((x509.AuthorityKeyIdentifier(issuer_key_id, None, None), False))
    if names or addresses:
        general_names = [x509.DNSName(name) for name in names]
        general_names += [x509.IPAddress(address) for address in addresses]
        # RFC 5280: the alternative names are critical when they are the only identity.
        extensions.append((x509.SubjectAlternativeName(general_names), not common_name))
    builder = x509.CertificateBuilder(
        issuer_name=issuer,
        subject_name=subject,
        public_key=key.public_key(),
        serial_number=int.from_bytes(os.urandom(16)),  # rand.Int below 2**128
        not_valid_before=now,
        # Go's time.Duration wraps around past about 292 years; the constructor, unlike the
        # not_valid_after setter, lets the end precede the start as Go does for negative days.
        not_valid_after=now + datetime.timedelta(microseconds=_wrap_int64(days_valid) // 1000),
        extensions=[x509.Extension(ext.oid, critical, ext) for ext, critical in extensions],
    )
    try:
        cert = builder.sign(signing_key, hashes.SHA256())
    except (ValueError, OverflowError) as error:
        raise GoError(f"error creating certificate: {error}") from None
    pem = cert.public_bytes(serialization.Encoding.PEM).decode()
    return _certificate(pem, _pem_key(key))


def _wrap_int64(days: int) -> int:
    nanoseconds = days * _NANOSECONDS_PER_DAY
    return (nanoseconds + 2**63) % 2**64 - 2**63


def _name(common_name: str) -> x509.Name:
    """pkix.Name{CommonName: cn}: no attribute when empty, PrintableString when it can be."""
    if not common_name:
        return x509.Name([])
    kind = (
        _ASN1Type.PrintableString
        if _PRINTABLE_STRING.fullmatch(common_name)
        else _ASN1Type.UTF8String
    )
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name, _type=kind)])


def _ip_address(value: object) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """sprig's getNetIPs with Go's net.ParseIP; IPv4-mapped addresses are written as IPv4."""
    if not isinstance(value, str):
        raise GoError(gofmt.sprintf("error parsing ip: %v is not a string", value))
    try:
        if "%" in value:  # a zone: Python accepts it, net.ParseIP does not
            raise ValueError(value)
        address = ipaddress.ip_address(value)
    except ValueError:
        raise GoError(f"error parsing ip: {value}") from None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _dns_name(value: object) -> str:
    if not isinstance(value, str):
        raise GoError(
            gofmt.sprintf("error processing alternate dns name: %v is not a string", value)
        )
    return value


def _key_identifier(key: rsa.RSAPrivateKey) -> bytes:
    """Go 1.25+'s generated SubjectKeyId: SHA-256 of the subjectPublicKey bits, cut to 160."""
    public = key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.PKCS1
    )
    return hashlib.sha256(public).digest()[:20]


def _subject_key_identifier(cert: x509.Certificate) -> bytes | None:
    try:
        return cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
    except x509.ExtensionNotFound:
        return None


def _parse_certificate(pem: bytes, variable: str) -> x509.Certificate:
    der = _pem_decode(pem)
    if der is None:
        raise GoError("unable to decode certificate")
    try:
        return x509.load_der_x509_certificate(der)
    except ValueError:
        raise GoError(
            f"error parsing certificate: {variable}.Bytes: x509: malformed certificate"
        ) from None


def _parse_pkcs1_key(pem: bytes, variable: str) -> rsa.RSAPrivateKey:
    """x509.ParsePKCS1PrivateKey of the first PEM block; sprig's message misspells "private"."""
    der = _pem_decode(pem)
    if der is None:
        raise GoError("unable to decode key")
    problem = _pkcs1_problem(der)
    if problem is None:
        try:
            key = serialization.load_der_private_key(der, password=None)
        except (ValueError, UnsupportedAlgorithm):
            problem = "asn1: syntax error: sequence truncated"
        else:
            if isinstance(key, rsa.RSAPrivateKey):
                return key
            problem = "asn1: syntax error: sequence truncated"  # a DSA key's fewer integers
    raise GoError(f"error parsing prive key: {variable}.Bytes: {problem}")


def _pkcs1_problem(der: bytes) -> str | None:
    """What Go says of DER that is not an RSAPrivateKey SEQUENCE { INTEGER version, INTEGER n,
    ... }, judged from the tags Go looks at; None when it looks like one."""
    if len(der) < 2 or der[0] != 0x30:
        if len(der) >= 2 and der[1] < 0x80:
            first = der[0] if der else 0
            return (
                f"asn1: structure error: tags don't match (16 vs {{class:{first >> 6} "
                f"tag:{first & 0x1F} length:{der[1]} isCompound:{str(bool(first & 0x20)).lower()}"
                "}) {optional:false explicit:false application:false private:false "
                "defaultValue:<nil> tag:<nil> stringType:0 timeType:0 set:false omitEmpty:false} "
                "pkcs1PrivateKey @2"
            )
        return "asn1: syntax error: data truncated"
    body = der[2 + (der[1] & 0x7F if der[1] & 0x80 else 0) :]
    if len(body) < 3 or body[0] != 0x02:
        return "asn1: syntax error: sequence truncated"
    second = body[2 + body[1] :][:1]
    if second in _OTHER_KEY_FORMATS:
        return (
            f"x509: failed to parse private key (use {_OTHER_KEY_FORMATS[second]} instead for "
            "this key format)"
        )
    if second != b"\x02":
        return "asn1: syntax error: sequence truncated"
    if body[1:3] not in (b"\x01\x00", b"\x01\x01"):
        return "x509: unsupported private key version"
    return None


def _pem_decode(data: bytes) -> bytes | None:
    """Go's pem.Decode: the bytes of the first well-formed block, whatever its type, skipping
    text around it, the block's headers and blocks whose base64 does not decode."""
    start = 0
    while begin := _PEM_BEGIN.search(data, start):
        start = begin.end()
        block_type = begin.group(1)
        end = re.compile(
            rb"(?:^|\n)-----END " + re.escape(block_type) + rb"-----[ \t\r]*(?:\n|$)"
        ).search(data, begin.end() - 1)
        if end is None:
            continue
        lines = data[begin.end() : end.start()].split(b"\n")
        while lines and b":" in lines[0]:  # headers such as Proc-Type
            lines.pop(0)
        body = b"\n".join(lines).replace(b" ", b"").replace(b"\t", b"")
        try:
            return decode_base64(body)
        except CorruptInput:
            continue
    return None


FUNCTIONS = {
    f.name: f
    for f in (
        Function(
            "derivePassword",
            ("uint32", "string", "string", "string", "string"),
            derive_password,
            returns_error=True,
        ),
        Function("genPrivateKey", ("string",), gen_private_key, returns_error=True, varies=True),
        Function("buildCustomCert", ("string", "string"), build_custom_cert, returns_error=True),
        Function("genCA", ("string", "int"), gen_ca, returns_error=True, varies=True),
        Function(
            "genSelfSignedCert",
            ("string", "[]interface {}", "[]interface {}", "int"),
            gen_self_signed_cert,
            returns_error=True,
            varies=True,
        ),
        Function(
            "genSignedCert",
            ("string", "[]interface {}", "[]interface {}", "int", _CERTIFICATE),
            gen_signed_cert,
            returns_error=True,
            varies=True,
        ),
        Function("encryptAES", ("string", "string"), encrypt_aes, returns_error=True, varies=True),
        Function("decryptAES", ("string", "string"), decrypt_aes, returns_error=True),
    )
}
