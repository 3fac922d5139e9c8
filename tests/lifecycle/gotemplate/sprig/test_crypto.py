import pytest

from lifecycle.gotemplate.callables import GoError
from lifecycle.gotemplate.sprig.crypto import FUNCTIONS


def call(name, *args):
    return FUNCTIONS[name].impl(*args)


def test_kanister_refuses_derive_password_as_not_fips_compatible():
    with pytest.raises(GoError) as raised:
        call("derivePassword", 1, "long", "password", "user", "example.com")
    assert str(raised.value) == (
        "sprig usage of 'derivePassword' is not allowed by kanister as it is not FIPS compatible"
    )


def test_gen_private_key_refuses_key_types_fips_does_not_approve():
    with pytest.raises(GoError, match=r"^sprig usage of 'genPrivateKey' with key type 'dsa' is"):
        call("genPrivateKey", "dsa")


def test_sprig_v2_answers_ed25519_with_text_instead_of_a_key():
    assert call("genPrivateKey", "ed25519") == "Unknown type ed25519"


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("genPrivateKey", ("rsa",)),
        ("genCA", ("ca", 365)),
        ("genSelfSignedCert", ("host", [], [], 365)),
        ("buildCustomCert", ("Y2VydA==", "a2V5")),
        ("encryptAES", ("secret", "text")),
        ("decryptAES", ("secret", "c2VjcmV0")),
    ],
)
def test_what_needs_real_cryptography_says_the_preview_cannot_compute_it(name, args):
    with pytest.raises(GoError, match=f"^the preview cannot compute {name}: it needs "):
        call(name, *args)


def test_aes_of_an_empty_text_is_empty():
    assert call("encryptAES", "secret", "") == ""
    assert call("decryptAES", "secret", "") == ""


def test_random_results_vary():
    varying = sorted(name for name, f in FUNCTIONS.items() if f.varies)
    assert varying == ["encryptAES", "genCA", "genPrivateKey", "genSelfSignedCert", "genSignedCert"]
