"""sprig v2.22.0's key, certificate and AES functions, behind Kanister's FIPS filter.

Kanister replaces `derivePassword` by a function that always fails, and lets `genPrivateKey`
make only FIPS-approved key types. The rest needs X.509, RSA, ECDSA and AES, which the preview
does not carry: those calls fail with a message saying the preview cannot compute them, except
where sprig answers without any cryptography (AES of an empty text, a key type sprig v2 does
not know).
"""

from lifecycle.gotemplate.callables import Function, GoError

_CERTIFICATE = "sprig.certificate"
_FIPS_KEY_TYPES = ("rsa", "ecdsa", "ed25519")


def _fips_refusal(usage: str) -> GoError:
    return GoError(
        f"sprig usage of {usage} is not allowed by kanister as it is not FIPS compatible"
    )


def _cannot_compute(name: str, needs: str) -> GoError:
    return GoError(f"the preview cannot compute {name}: it needs {needs}")


def derive_password(counter: int, password_type: str, password: str, user: str, site: str) -> str:
    raise _fips_refusal("'derivePassword'")


def gen_private_key(key_type: str) -> str:
    if key_type not in _FIPS_KEY_TYPES:
        raise _fips_refusal(f"'genPrivateKey' with key type '{key_type}'")
    if key_type == "ed25519":
        return "Unknown type ed25519"  # allowed by Kanister, unknown to sprig v2
    raise _cannot_compute("genPrivateKey", f"a random {key_type.upper()} key")


def build_custom_cert(cert_base64: str, key_base64: str) -> object:
    raise _cannot_compute("buildCustomCert", "an X.509 certificate parser")


def gen_ca(common_name: str, days_valid: int) -> object:
    raise _cannot_compute("genCA", "a random RSA key and an X.509 certificate")


def gen_self_signed_cert(common_name: str, ips: list, dns_names: list, days_valid: int) -> object:
    raise _cannot_compute("genSelfSignedCert", "a random RSA key and an X.509 certificate")


def gen_signed_cert(
    common_name: str, ips: list, dns_names: list, days_valid: int, ca: object
) -> object:
    raise _cannot_compute("genSignedCert", "a random RSA key and an X.509 certificate")


def encrypt_aes(password: str, plaintext: str) -> str:
    if plaintext == "":
        return ""
    raise _cannot_compute("encryptAES", "AES and a random initialisation vector")


def decrypt_aes(password: str, ciphertext_base64: str) -> str:
    if ciphertext_base64 == "":
        return ""
    raise _cannot_compute("decryptAES", "AES")


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
