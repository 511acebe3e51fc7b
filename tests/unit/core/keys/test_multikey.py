"""Ed25519 Multikey: generation, the multibase and JWK forms, signing, and a safe repr."""

from __future__ import annotations

import pytest

from meritpass.core.errors import KeyFormatError, ProofError
from meritpass.core.keys import multibase
from meritpass.core.keys.multikey import Ed25519Multikey

# The W3C vc-di-eddsa test key pair (TestVectors/keyPair.json).
PUBLIC = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
SECRET = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq"
SEED = bytes.fromhex("c96ef9ea10c5e414c471723aff9de72c35fa5b70fae97e8832ecac7d2e2b8ed6")


def test_the_vector_key_pair_loads_under_either_secret_name() -> None:
    for name in ("secretKeyMultibase", "privateKeyMultibase"):
        key = Ed25519Multikey.from_multikey({"publicKeyMultibase": PUBLIC, name: SECRET})
        assert key.public_key_multibase == PUBLIC
        assert key.can_sign


def test_a_seed_gives_the_same_key_as_the_secret_multibase() -> None:
    key = Ed25519Multikey.generate(SEED)
    assert key.public_key_multibase == PUBLIC
    assert key.export_secret_key_multibase() == SECRET


def test_the_64_byte_secret_form_is_accepted_when_its_halves_agree() -> None:
    key = Ed25519Multikey.generate(SEED)
    long_form = multibase.encode(b"\x80\x26" + SEED + key.public_key)
    assert Ed25519Multikey.from_secret_key_multibase(long_form) == key
    other = Ed25519Multikey.generate(bytes(32))
    mixed = multibase.encode(b"\x80\x26" + SEED + other.public_key)
    with pytest.raises(KeyFormatError) as caught:
        Ed25519Multikey.from_secret_key_multibase(mixed)
    assert caught.value.code == "key.pair_mismatch"


def test_generated_keys_differ_and_sign_and_verify() -> None:
    first, second = Ed25519Multikey.generate(), Ed25519Multikey.generate()
    assert first != second
    signature = first.sign(b"data")
    assert len(signature) == 64
    assert first.verify(signature, b"data")
    assert not first.verify(signature, b"Data")
    assert not second.verify(signature, b"data")


@pytest.mark.parametrize("signature", [b"", b"\x00" * 63, b"\x00" * 65, b"\xff" * 64])
def test_verify_never_raises_on_a_malformed_signature(signature: bytes) -> None:
    assert not Ed25519Multikey.generate(SEED).verify(signature, b"data")


def test_a_public_key_cannot_sign_or_export_a_secret() -> None:
    key = Ed25519Multikey.from_public_key_multibase(PUBLIC)
    assert not key.can_sign
    with pytest.raises(ProofError) as caught:
        key.sign(b"data")
    assert caught.value.code == "key.no_private_key"
    with pytest.raises(ProofError):
        key.export_secret_key_multibase()
    assert Ed25519Multikey.generate(SEED).public_only() == key


def test_repr_and_str_never_show_the_secret() -> None:
    key = Ed25519Multikey.generate(SEED)
    for text in (repr(key), str(key), f"{key}"):
        assert PUBLIC in text
        assert SECRET not in text
        assert SEED.hex() not in text
        assert "secret=present" in text


def test_verification_method_json() -> None:
    key = Ed25519Multikey.generate(SEED)
    assert key.to_verification_method("did:web:example.com") == {
        "id": f"did:web:example.com#{PUBLIC}",
        "type": "Multikey",
        "controller": "did:web:example.com",
        "publicKeyMultibase": PUBLIC,
    }
    legacy = key.to_verification_method(
        "did:web:example.com", id="did:web:example.com#key-1", type="Ed25519VerificationKey2020"
    )
    assert legacy["id"] == "did:web:example.com#key-1"
    assert legacy["type"] == "Ed25519VerificationKey2020"
    assert "secretKeyMultibase" not in legacy


def test_jwk_round_trip() -> None:
    key = Ed25519Multikey.generate(SEED)
    jwk = key.to_jwk()
    assert jwk["kty"] == "OKP"
    assert jwk["crv"] == "Ed25519"
    assert "d" not in jwk
    assert Ed25519Multikey.from_jwk(jwk) == key.public_only()


@pytest.mark.parametrize(
    ("jwk", "code"),
    [
        ({"kty": "EC", "crv": "P-256", "x": "AA"}, "key.jwk_invalid"),
        ({"kty": "OKP", "crv": "X25519", "x": "AA"}, "key.jwk_invalid"),
        ({"kty": "OKP", "crv": "Ed25519"}, "key.jwk_invalid"),
        ({"kty": "OKP", "crv": "Ed25519", "x": "not base64url!"}, "key.jwk_invalid"),
        ({"kty": "OKP", "crv": "Ed25519", "x": "AAAA"}, "key.wrong_length"),
        ({"kty": "OKP", "crv": "Ed25519", "x": "AA", "d": "AA"}, "key.jwk_has_secret"),
    ],
)
def test_malformed_jwks_are_refused(jwk: dict[str, object], code: str) -> None:
    with pytest.raises(KeyFormatError) as caught:
        Ed25519Multikey.from_jwk(jwk)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (multibase.encode(b"\xed\x01" + bytes(31)), "key.wrong_length"),
        (multibase.encode(b"\xed\x01" + bytes(33)), "key.wrong_length"),
        (SECRET, "key.not_ed25519_public"),  # a secret key where a public key belongs
        ("zDnaegE6RR3atJtHKwTRTWHsJ3kNHqFwv7n9YjTgmU7TyfU76", "key.not_ed25519_public"),  # P-256
        ("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ0", "multibase.invalid"),
        ("u7QE", "multibase.unsupported"),
        ("", "multibase.unsupported"),
    ],
)
def test_malformed_public_keys_are_refused_with_a_reason(value: str, code: str) -> None:
    with pytest.raises(KeyFormatError) as caught:
        Ed25519Multikey.from_public_key_multibase(value)
    assert caught.value.code == code
    assert caught.value.message("sv") != caught.value.message("en")


@pytest.mark.parametrize(
    ("document", "code"),
    [
        ({}, "key.missing"),
        ({"publicKeyMultibase": 7}, "key.missing"),
        ({"publicKeyMultibase": PUBLIC, "secretKeyMultibase": ["x"]}, "key.missing"),
        ({"secretKeyMultibase": PUBLIC}, "key.not_ed25519_secret"),
        (
            {"publicKeyMultibase": Ed25519Multikey.generate().public_key_multibase, "x": 1}
            | {"secretKeyMultibase": SECRET},
            "key.pair_mismatch",
        ),
        (
            {
                "secretKeyMultibase": SECRET,
                "privateKeyMultibase": Ed25519Multikey.generate().export_secret_key_multibase(),
            },
            "key.pair_mismatch",
        ),
    ],
)
def test_malformed_key_files_are_refused(document: dict[str, object], code: str) -> None:
    with pytest.raises(KeyFormatError) as caught:
        Ed25519Multikey.from_multikey(document)
    assert caught.value.code == code


@pytest.mark.parametrize("seed", [b"", bytes(31), bytes(33)])
def test_a_seed_must_have_32_bytes(seed: bytes) -> None:
    with pytest.raises(KeyFormatError) as caught:
        Ed25519Multikey.generate(seed)
    assert caught.value.code == "key.seed_length"


def test_a_secret_of_the_wrong_length_is_refused() -> None:
    with pytest.raises(KeyFormatError) as caught:
        Ed25519Multikey.from_secret_key_multibase(multibase.encode(b"\x80\x26" + bytes(16)))
    assert caught.value.code == "key.wrong_length"
