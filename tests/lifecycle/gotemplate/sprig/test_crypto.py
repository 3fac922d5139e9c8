import base64
import datetime
import hashlib

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from lifecycle.gotemplate.callables import GoError, GoPanic
from lifecycle.gotemplate.sprig.crypto import FUNCTIONS
from lifecycle.gotemplate.values import Struct

# encryptAES's output as sprig's code computes it, recorded from a Go 1.27 program.
GO_CIPHERTEXTS = [
    ("secretkey", "tUjEBssEmhM0CR8bzyRuw+Xk5aJEAY5Fq5QNHQU1+dU=", "hello world"),
    (
        "0123456789abcdef0123456789abcdefEXTRA",
        "yPwfG1lsHVDiocnLDlYymZD0YpnJ14O2na3O0NXGi2zjKAHCUrfFuVsMxXOm2Bkf",
        "exactly sixteen!",
    ),
    ("", "RwtzFM4kv9hG6B3ZS+2DFvF5K3QjPLGtg3ziRZR4l2Y=", "ünïcödé ✓"),
]


def call(name, *args):
    return FUNCTIONS[name].impl(*args)


def load_cert(certificate):
    return x509.load_pem_x509_certificate(certificate.fields["Cert"].encode())


def load_key(certificate):
    return serialization.load_pem_private_key(certificate.fields["Key"].encode(), None)


def extension(cert, kind):
    return cert.extensions.get_extension_for_class(kind)


def sans(cert):
    names = extension(cert, x509.SubjectAlternativeName).value
    return [str(name.value) for name in names]


@pytest.fixture(scope="module")
def ca():
    return call("genCA", "my-ca", 365)


class TestKanisterFipsFilter:
    def test_it_refuses_derive_password_as_not_fips_compatible(self):
        with pytest.raises(GoError) as raised:
            call("derivePassword", 1, "long", "password", "user", "example.com")
        assert str(raised.value) == (
            "sprig usage of 'derivePassword' is not allowed by kanister as it is not FIPS "
            "compatible"
        )

    @pytest.mark.parametrize("key_type", ["dsa", "", "RSA"])
    def test_gen_private_key_refuses_key_types_fips_does_not_approve(self, key_type):
        with pytest.raises(GoError) as raised:
            call("genPrivateKey", key_type)
        assert str(raised.value) == (
            f"sprig usage of 'genPrivateKey' with key type '{key_type}' is not allowed by "
            "kanister as it is not FIPS compatible"
        )

    def test_sprig_v2_answers_ed25519_with_text_instead_of_a_key(self):
        assert call("genPrivateKey", "ed25519") == "Unknown type ed25519"


class TestGenPrivateKey:
    def test_rsa_is_a_4096_bit_pkcs1_pem_key(self):
        pem = call("genPrivateKey", "rsa")
        assert pem.startswith("-----BEGIN RSA PRIVATE KEY-----\n")
        assert pem.endswith("-----END RSA PRIVATE KEY-----\n")
        key = serialization.load_pem_private_key(pem.encode(), None)
        assert isinstance(key, rsa.RSAPrivateKey)
        assert key.key_size == 4096

    def test_ecdsa_is_a_p256_sec1_pem_key(self):
        pem = call("genPrivateKey", "ecdsa")
        assert pem.startswith("-----BEGIN EC PRIVATE KEY-----\n")
        key = serialization.load_pem_private_key(pem.encode(), None)
        assert isinstance(key, ec.EllipticCurvePrivateKey)
        assert key.curve.name == "secp256r1"

    def test_each_call_makes_a_new_key(self):
        assert call("genPrivateKey", "ecdsa") != call("genPrivateKey", "ecdsa")


class TestGenCA:
    def test_it_is_a_sprig_certificate_struct_of_pem_texts(self, ca):
        assert isinstance(ca, Struct)
        assert ca.type_name == "sprig.certificate"
        assert list(ca.fields) == ["Cert", "Key"]
        assert ca.fields["Cert"].startswith("-----BEGIN CERTIFICATE-----\n")
        assert ca.fields["Key"].startswith("-----BEGIN RSA PRIVATE KEY-----\n")

    def test_it_is_a_self_signed_ca_with_a_2048_bit_rsa_key(self, ca):
        cert, key = load_cert(ca), load_key(ca)
        assert key.key_size == 2048
        assert cert.public_key() == key.public_key()
        assert cert.subject == cert.issuer
        assert cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "my-ca"
        cert.verify_directly_issued_by(cert)
        constraints = extension(cert, x509.BasicConstraints)
        assert constraints.critical
        assert constraints.value.ca
        assert constraints.value.path_length is None

    def test_it_may_sign_certificates(self, ca):
        usage = extension(load_cert(ca), x509.KeyUsage)
        assert usage.critical
        assert usage.value.key_cert_sign
        assert usage.value.digital_signature
        assert usage.value.key_encipherment
        assert not usage.value.crl_sign

    def test_it_is_valid_from_now_for_the_days_asked(self, ca):
        cert = load_cert(ca)
        now = datetime.datetime.now(datetime.UTC)
        assert abs(cert.not_valid_before_utc - now) < datetime.timedelta(minutes=1)
        assert cert.not_valid_after_utc - cert.not_valid_before_utc == datetime.timedelta(days=365)

    def test_it_has_a_random_serial_below_2_to_the_128(self, ca):
        assert 0 < load_cert(ca).serial_number < 2**128
        assert load_cert(ca).serial_number != load_cert(call("genCA", "my-ca", 1)).serial_number

    def test_its_key_identifier_is_go_1_25s_truncated_sha256(self, ca):
        cert = load_cert(ca)
        public = cert.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.PKCS1
        )
        expected = hashlib.sha256(public).digest()[:20]
        assert extension(cert, x509.SubjectKeyIdentifier).value.digest == expected


class TestGenSelfSignedCert:
    def test_it_is_a_server_and_client_certificate_that_is_no_ca(self):
        cert = load_cert(call("genSelfSignedCert", "host", [], [], 30))
        cert.verify_directly_issued_by(cert)
        assert not extension(cert, x509.BasicConstraints).value.ca
        assert not extension(cert, x509.KeyUsage).value.key_cert_sign
        assert list(extension(cert, x509.ExtendedKeyUsage).value) == [
            ExtendedKeyUsageOID.SERVER_AUTH,
            ExtendedKeyUsageOID.CLIENT_AUTH,
        ]
        assert cert.not_valid_after_utc - cert.not_valid_before_utc == datetime.timedelta(days=30)
        with pytest.raises(x509.ExtensionNotFound):
            extension(cert, x509.SubjectAlternativeName)
        with pytest.raises(x509.ExtensionNotFound):
            extension(cert, x509.SubjectKeyIdentifier)

    def test_alternative_names_list_dns_names_then_ips(self):
        cert = load_cert(
            call("genSelfSignedCert", "host", ["10.0.0.1", "::1"], ["a.example", "b"], 1)
        )
        assert sans(cert) == ["a.example", "b", "10.0.0.1", "::1"]
        assert not extension(cert, x509.SubjectAlternativeName).critical

    def test_ipv4_mapped_addresses_are_written_as_ipv4(self):
        cert = load_cert(call("genSelfSignedCert", "host", ["::ffff:1.2.3.4"], None, 1))
        assert sans(cert) == ["1.2.3.4"]

    def test_without_a_common_name_the_subject_is_empty_and_the_names_critical(self):
        cert = load_cert(call("genSelfSignedCert", "", [], ["only.example"], 1))
        assert len(cert.subject) == 0
        assert extension(cert, x509.SubjectAlternativeName).critical

    def test_a_negative_validity_ends_before_it_starts_as_in_go(self):
        cert = load_cert(call("genSelfSignedCert", "host", [], [], -1))
        assert cert.not_valid_after_utc - cert.not_valid_before_utc == datetime.timedelta(days=-1)

    @pytest.mark.parametrize(
        ("ips", "dns_names", "message"),
        [
            (["1.2.3"], [], "error parsing ip: 1.2.3"),
            (["fe80::1%eth0"], [], "error parsing ip: fe80::1%eth0"),
            ([5], [], "error parsing ip: 5 is not a string"),
            ([], [True], "error processing alternate dns name: true is not a string"),
            (
                [],
                ["ü.example"],
                'error creating certificate: x509: "ü.example" cannot be encoded as an IA5String',
            ),
        ],
    )
    def test_it_refuses_names_go_cannot_take(self, ips, dns_names, message):
        with pytest.raises(GoError) as raised:
            call("genSelfSignedCert", "host", ips, dns_names, 1)
        assert str(raised.value) == message


class TestGenSignedCert:
    def test_it_is_issued_and_signed_by_the_ca(self, ca):
        cert = load_cert(call("genSignedCert", "leaf", ["127.0.0.1"], ["leaf.example"], 7, ca))
        ca_cert = load_cert(ca)
        assert cert.issuer == ca_cert.subject
        cert.verify_directly_issued_by(ca_cert)
        assert not extension(cert, x509.BasicConstraints).value.ca
        assert sans(cert) == ["leaf.example", "127.0.0.1"]
        assert (
            extension(cert, x509.AuthorityKeyIdentifier).value.key_identifier
            == extension(ca_cert, x509.SubjectKeyIdentifier).value.digest
        )

    def test_its_key_is_its_own(self, ca):
        signed = call("genSignedCert", "leaf", [], [], 7, ca)
        assert load_cert(signed).public_key() == load_key(signed).public_key()
        assert load_key(signed).public_key() != load_key(ca).public_key()

    def test_a_ca_that_is_not_pem_is_refused(self):
        broken = Struct("sprig.certificate", {"Cert": "not a certificate", "Key": ""})
        with pytest.raises(GoError, match=r"^unable to decode certificate$"):
            call("genSignedCert", "leaf", [], [], 7, broken)

    def test_a_ca_whose_key_does_not_match_is_refused(self, ca):
        other = call("genCA", "other", 1)
        mixed = Struct("sprig.certificate", {"Cert": ca.fields["Cert"], "Key": other.fields["Key"]})
        with pytest.raises(GoError) as raised:
            call("genSignedCert", "leaf", [], [], 7, mixed)
        assert str(raised.value) == (
            "error creating certificate: x509: provided PrivateKey doesn't match parent's PublicKey"
        )


def b64(text):
    return base64.b64encode(text.encode()).decode()


class TestBuildCustomCert:
    def test_it_gives_back_the_decoded_texts(self, ca):
        built = call("buildCustomCert", b64(ca.fields["Cert"]), b64(ca.fields["Key"]))
        assert built.type_name == "sprig.certificate"
        assert built.fields == ca.fields

    def test_the_pem_blocks_may_sit_among_other_text(self, ca):
        cert = "issued by us\n" + ca.fields["Cert"] + "trailer"
        built = call("buildCustomCert", b64(cert), b64(ca.fields["Key"]))
        assert built.fields["Cert"] == cert

    @pytest.mark.parametrize(
        ("cert", "key", "message"),
        [
            ("!", "", "unable to decode base64 certificate"),
            ("", "!", "unable to decode base64 private key"),
            ("", "", "unable to decode certificate"),
        ],
    )
    def test_it_refuses_what_is_not_base64_or_pem(self, cert, key, message):
        with pytest.raises(GoError) as raised:
            call("buildCustomCert", cert, key)
        assert str(raised.value) == message

    def test_it_refuses_a_certificate_x509_cannot_parse(self, ca):
        garbage = "-----BEGIN CERTIFICATE-----\nZ2FyYmFnZQ==\n-----END CERTIFICATE-----\n"
        with pytest.raises(GoError) as raised:
            call("buildCustomCert", b64(garbage), b64(ca.fields["Key"]))
        assert str(raised.value) == (
            "error parsing certificate: decodedCert.Bytes: x509: malformed certificate"
        )

    def test_it_wants_a_pkcs1_rsa_key(self, ca):
        ec_key = call("genPrivateKey", "ecdsa")
        with pytest.raises(GoError) as raised:
            call("buildCustomCert", b64(ca.fields["Cert"]), b64(ec_key))
        assert str(raised.value) == (
            "error parsing prive key: decodedKey.Bytes: x509: failed to parse private key "
            "(use ParseECPrivateKey instead for this key format)"
        )

    def test_a_pkcs8_key_is_named_as_such(self, ca):
        pkcs8 = (
            load_key(ca)
            .private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
            .decode()
        )
        with pytest.raises(GoError, match=r"\(use ParsePKCS8PrivateKey instead for this key"):
            call("buildCustomCert", b64(ca.fields["Cert"]), b64(pkcs8))

    def test_a_key_that_is_no_der_reports_go_asn1_error(self, ca):
        garbage = "-----BEGIN RSA PRIVATE KEY-----\nZ2FyYmFnZQ==\n-----END RSA PRIVATE KEY-----\n"
        with pytest.raises(GoError) as raised:
            call("buildCustomCert", b64(ca.fields["Cert"]), b64(garbage))
        assert str(raised.value) == (
            "error parsing prive key: decodedKey.Bytes: asn1: structure error: tags don't match "
            "(16 vs {class:1 tag:7 length:97 isCompound:true}) {optional:false explicit:false "
            "application:false private:false defaultValue:<nil> tag:<nil> stringType:0 "
            "timeType:0 set:false omitEmpty:false} pkcs1PrivateKey @2"
        )


class TestAES:
    @pytest.mark.parametrize(("password", "ciphertext", "plaintext"), GO_CIPHERTEXTS)
    def test_it_decrypts_what_go_encrypted(self, password, ciphertext, plaintext):
        assert call("decryptAES", password, ciphertext) == plaintext

    @pytest.mark.parametrize("plaintext", ["x", "exactly sixteen!", "ünïcödé ✓" * 9])
    def test_encrypt_then_decrypt_gives_the_text_back(self, plaintext):
        ciphertext = call("encryptAES", "secretkey", plaintext)
        assert call("decryptAES", "secretkey", ciphertext) == plaintext

    def test_a_random_iv_is_prepended_before_the_padded_blocks(self):
        first = base64.b64decode(call("encryptAES", "k", "exactly sixteen!"))
        second = base64.b64decode(call("encryptAES", "k", "exactly sixteen!"))
        assert len(first) == 16 + 32  # a whole block of padding after a full block
        assert first[:16] != second[:16]

    def test_passwords_past_32_bytes_are_cut(self):
        password, ciphertext, plaintext = GO_CIPHERTEXTS[1]
        assert call("decryptAES", password[:32], ciphertext) == plaintext

    def test_aes_of_an_empty_text_is_empty(self):
        assert call("encryptAES", "secret", "") == ""
        assert call("decryptAES", "secret", "") == ""

    def test_bad_base64_is_go_error(self):
        with pytest.raises(GoError) as raised:
            call("decryptAES", "secretkey", "not base64!")
        assert str(raised.value) == "illegal base64 data at input byte 3"

    @pytest.mark.parametrize(
        ("ciphertext", "panic"),
        [
            ("c2VjcmV0", "runtime error: slice bounds out of range [:16] with capacity 6"),
            ("A" * 27 + "=", "crypto/cipher: input not full blocks"),
            ("A" * 22 + "==", "runtime error: index out of range [-1]"),
            ("A" * 43 + "=", "runtime error: slice bounds out of range [:-200]"),
        ],
    )
    def test_what_go_cannot_slice_or_decrypt_panics_as_in_go(self, ciphertext, panic):
        with pytest.raises(GoPanic) as raised:
            call("decryptAES", "secretkey", ciphertext)
        assert str(raised.value) == panic


def test_random_and_time_dependent_results_vary():
    varying = sorted(name for name, f in FUNCTIONS.items() if f.varies)
    assert varying == ["encryptAES", "genCA", "genPrivateKey", "genSelfSignedCert", "genSignedCert"]
